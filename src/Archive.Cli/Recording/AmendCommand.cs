using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Archive.Cli.Shell;
using Archive.Cli.Writes;

namespace Archive.Cli.Recording;

/// <summary>
/// <c>archive amend ID --reason R …</c>: changes what was recorded, only the fields given. A new quote is found in the statement's
/// source like a recorded one; <c>--occurrence N</c> alone re-selects the current quote at another of its places.
/// </summary>
public static class AmendCommand
{
    public static Command Create(Writer writer)
    {
        var id = new Argument<string>("id") { Description = "The statement's id" };
        var reason = new Option<string>("--reason") { Description = "Why it changes (kept in the statement's history)", HelpName = "text", Required = true };
        var quote = new Option<string>("--quote") { Description = "The corrected quote; the archive finds it in the source", HelpName = "text" };
        var selection = new Selection(recording: false);
        var show = Writer.ShowOption();
        var command = new Command("amend", "Amend a statement's quote, span, said-on date, occasion, kind or language, with a reason") { id, reason, quote };
        selection.AddTo(command);
        command.Add(show);
        command.Validators.Add(r =>
        {
            Option[] changes = [quote, selection.Span, selection.Occurrence, selection.SaidOn, selection.Occasion, selection.Kind, selection.Language];
            if (changes.All(o => r.GetResult(o) is null))
                r.AddError("name what changes: --quote, --span, --occurrence, --said-on, --occasion, --kind or --language");
        });
        command.SetAction(async (parsed, ct) =>
        {
            var statementId = parsed.GetRequiredValue(id);
            using var server = writer.Server(parsed);
            JsonObject? statement = null;
            async Task<JsonObject> Statement() => statement ??=
                await server.GetJson<JsonObject>($"/api/statements/{Uri.EscapeDataString(statementId)}", Screen.Json, "a statement", ct);
            async Task<string> SourceId() => Text(await Statement(), "sourceId");

            var typed = parsed.GetValue(quote);
            var span = parsed.GetValue(selection.Span);
            if (parsed.GetValue(selection.Occurrence) is { } n)
                span = await Occurrences.Choose(writer, server, parsed, await SourceId(), typed ?? Text(await Statement(), "quote"), n, ct);
            var body = new
            {
                Reason = parsed.GetValue(reason),
                Quote = typed,
                Span = Selection.Body(span),
                SaidOn = parsed.GetValue(selection.SaidOn),
                Occasion = parsed.GetValue(selection.Occasion),
                QuoteKind = parsed.GetValue(selection.Kind),
                Language = parsed.GetValue(selection.Language),
            };
            var reply = await server.Write(HttpMethod.Post, $"/api/statements/{Uri.EscapeDataString(statementId)}/amend", body, ct);
            if (!reply.Succeeded) await Occurrences.Refused(writer, server, parsed, reply, typed, span is not null, SourceId, ct);
            return await writer.Report(server, parsed, reply, "amended", "amended", parsed.GetValue(show), ct);
        });
        return command;
    }

    private static string Text(JsonObject statement, string field) =>
        statement[field]?.GetValueKind() == JsonValueKind.String ? statement[field]!.GetValue<string>() : "";
}
