using System.CommandLine;
using Archive.Cli.Shell;
using Archive.Cli.Writes;

namespace Archive.Cli.Recording;

/// <summary>
/// <c>archive record --actor A --source S --quote TEXT …</c>: records a statement from a source. The archive finds the quote
/// whatever quote marks, dashes and spaces were typed, and keeps the source's own characters.
/// </summary>
public static class RecordCommand
{
    public static Command Create(Writer writer)
    {
        var actor = new Option<string>("--actor") { Description = "Who said it (an actor id)", HelpName = "id", Required = true };
        var source = new Option<string>("--source") { Description = "The source it is quoted from (a source id)", HelpName = "id", Required = true };
        var quote = new Option<string>("--quote") { Description = "The quote as typed or pasted; the archive finds it in the source", HelpName = "text", Required = true };
        var topics = new Option<string[]>("--topic") { Description = "A topic to file it under (repeat for more)", HelpName = "id" };
        var coSpeakers = new Option<string[]>("--co-speaker") { Description = "Another actor who said it jointly (repeat for more)", HelpName = "id" };
        var selection = new Selection(recording: true);
        var show = Writer.ShowOption();
        var command = new Command("record", "Record a statement from a source; prints its id, the span the archive found and the position") { actor, source, quote };
        selection.AddTo(command);
        command.Add(topics);
        command.Add(coSpeakers);
        command.Add(show);
        command.SetAction(async (parsed, ct) =>
        {
            var (sourceId, typed) = (parsed.GetRequiredValue(source), parsed.GetRequiredValue(quote));
            using var server = writer.Server(parsed);
            var span = parsed.GetValue(selection.Span);
            if (parsed.GetValue(selection.Occurrence) is { } n) span = await Occurrences.Choose(writer, server, parsed, sourceId, typed, n, ct);
            var body = new
            {
                ActorId = parsed.GetRequiredValue(actor),
                SourceId = sourceId,
                Quote = typed,
                Span = Selection.Body(span),
                QuoteKind = parsed.GetValue(selection.Kind) ?? "direct",
                SaidOn = parsed.GetValue(selection.SaidOn),
                Occasion = parsed.GetValue(selection.Occasion),
                Topics = parsed.GetValue(topics) is { Length: > 0 } t ? t : null,
                Language = parsed.GetValue(selection.Language),
                CoSpeakers = parsed.GetValue(coSpeakers) is { Length: > 0 } c ? c : null,
            };
            var reply = await server.Write(HttpMethod.Post, "/api/statements", body, ct);
            if (!reply.Succeeded) await Occurrences.Refused(writer, server, parsed, reply, typed, span is not null, () => Task.FromResult(sourceId), ct);
            return await writer.Report(server, parsed, reply, "recorded", "already recorded", parsed.GetValue(show), ct);
        });
        return command;
    }
}
