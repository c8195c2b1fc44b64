using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Archive.Cli.Shell;
using Archive.Cli.Writes;
using Archive.Domain.Sources;

namespace Archive.Cli.Sources;

/// <summary><c>archive sources add|show|correct</c>: register a document, read it with the offsets a span needs, correct its description.</summary>
public static class SourcesCommands
{
    public static Command Create(GlobalOptions globals, TextWriter output, TextWriter error, HttpMessageHandler? http)
    {
        var writer = new Writer(globals, new Screen(output, error), http);
        return new Command("sources", "Source documents: register one, read one with its offsets, correct a description")
        {
            AddCommand(writer),
            ShowCommand(writer),
            CorrectCommand(writer),
        };
    }

    private static Command AddCommand(Writer writer)
    {
        var file = new Argument<string>("file") { Description = "A UTF-8 text file holding the document" };
        var asText = new Option<bool>("--as-text") { Description = "Register an HTML file's markup as it is (its main text is not extracted)" };
        var description = new SourceDescription(correcting: false);
        var command = new Command("add", "Register a document and print its id (derived from its text: adding it again changes nothing)") { file, asText };
        foreach (var option in description.All) command.Add(option);
        command.SetAction(async (parsed, ct) =>
        {
            var path = parsed.GetRequiredValue(file);
            var text = SourceFile.Read(path);
            // A page is sent as HTML: the archive stores its main text (Archive.Store/Sources/HtmlSource.cs), titled as the page is.
            var page = !parsed.GetValue(asText) && SourceFile.IsHtml(path, text) ? Archive.Store.Sources.HtmlSource.Read(text) : null;
            var body = new
            {
                Title = parsed.GetValue(description.Title) ?? page?.Title ?? Path.GetFileNameWithoutExtension(path),
                Text = text,
                ContentType = page is null ? null : Archive.Store.Sources.HtmlSource.ContentType,
                Outlet = parsed.GetValue(description.Outlet),
                Url = parsed.GetValue(description.SourceUrl),
                PublishedOn = parsed.GetValue(description.PublishedOn),
                Language = parsed.GetValue(description.Language),
            };
            using var server = writer.Server(parsed);
            var reply = await writer.Send(server, parsed, new WriteRequest(HttpMethod.Post, "/api/sources", body), ct, refused =>
                refused.Status == 409
                    ? $"to change the description the archive holds: archive sources correct {SourceText.IdFor(SourceText.Normalise(page?.Text ?? text))} --reason …"
                    : null);
            return await writer.Report(server, parsed, reply, "registered", "already registered", show: false, ct);
        });
        return command;
    }

    private static Command ShowCommand(Writer writer)
    {
        var id = new Argument<string>("id") { Description = "The source's id, e.g. src-0123456789abcdef0123" };
        var offsets = new Option<bool>("--offsets") { Description = "Begin each line of the text with the code-point offset of its first character" };
        var position = new MinPosition();
        var command = new Command("show", "A source's description and its text exactly as stored (spans count code points into it)") { id, offsets, position.Option };
        command.SetAction(async (parsed, ct) =>
        {
            using var server = writer.Server(parsed);
            var path = MinPosition.Append($"/api/sources/{Uri.EscapeDataString(parsed.GetRequiredValue(id))}", parsed.GetValue(position.Option));
            var source = await server.GetJson<JsonObject>(path, Screen.Json, "a source", ct);
            var text = source["text"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? source["text"]!.GetValue<string>() : "";
            var lines = CodePoints.Lines(text).ToArray();
            if (writer.Json(parsed))
            {
                if (parsed.GetValue(offsets))
                    source["lines"] = new JsonArray([.. lines.Select(l => (JsonNode)new JsonObject { ["offset"] = l.Offset, ["text"] = l.Line })]);
                await writer.Screen.WriteJson(source);
                return ExitCodes.Ok;
            }
            var screen = writer.Screen;
            screen.Console.Write(Cells.Fields([
                ("id", Cells.Value(source, "id")),
                ("title", Cells.Value(source, "title")),
                ("outlet", Cells.Value(source, "outlet")),
                ("url", Cells.Value(source, "url")),
                ("published on", Cells.Value(source, "publishedOn")),
                ("language", Cells.Value(source, "language")),
                ("length", $"{Cells.Value(source, "length")} code points"),
                ("registered", Cells.Value(source, "registeredAt")),
            ]));
            var width = lines[^1].Offset.ToString(CultureInfo.InvariantCulture).Length;
            foreach (var (offset, line) in lines)
                screen.Line(parsed.GetValue(offsets) ? $"{offset.ToString(CultureInfo.InvariantCulture).PadLeft(width)}  {line}".TrimEnd() : line);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CorrectCommand(Writer writer)
    {
        var id = new Argument<string>("id") { Description = "The source's id" };
        var reason = new Option<string>("--reason") { Description = "Why the description changes (kept in the source's history)", HelpName = "text", Required = true };
        var description = new SourceDescription(correcting: true);
        var command = writer.Command("correct", "Correct a source's description (never its text: another text is another source); give what changes",
            [id, reason, .. description.All],
            parsed => new WriteRequest(HttpMethod.Post, $"/api/sources/{Uri.EscapeDataString(parsed.GetRequiredValue(id))}/corrections", new
            {
                Title = parsed.GetValue(description.Title),
                Outlet = parsed.GetValue(description.Outlet),
                Url = parsed.GetValue(description.SourceUrl),
                PublishedOn = parsed.GetValue(description.PublishedOn),
                Language = parsed.GetValue(description.Language),
                Reason = parsed.GetValue(reason),
            }),
            "corrected");
        command.Validators.Add(r =>
        {
            if (!description.All.Any(o => r.GetResult(o) is not null))
                r.AddError("name what to correct: --title, --outlet, --source-url, --published-on or --language");
        });
        return command;
    }
}
