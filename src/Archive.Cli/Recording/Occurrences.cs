using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Archive.Cli.Shell;
using Archive.Cli.Writes;

namespace Archive.Cli.Recording;

/// <summary>Where a typed quote occurs in a source: one place is recorded at once; for several, the archivist chooses.</summary>
public sealed record Occurrence(CodePointSpan Span, string Text);

/// <summary>
/// The archive locates a quote sent without a span. When it occurs several times the write is refused (409 on <c>quote</c>,
/// the occurrences in the problem's <c>occurrences</c>): each is listed on its own line with its context, to be chosen with
/// <c>--occurrence N</c> (located again and sent with its span) or <c>--span START:END</c>.
/// </summary>
public static class Occurrences
{
    /// <summary>The span of the <paramref name="n"/>th occurrence (from 1), or null when the quote does not occur (the write then says why).</summary>
    public static async Task<CodePointSpan?> Choose(Writer writer, ArchiveServer server, ParseResult parsed, string sourceId, string quote, int n,
        CancellationToken ct)
    {
        var found = await Locate(writer, server, parsed, sourceId, quote, ct);
        if (found.Count == 0) return null;
        if (n <= found.Count) return found[n - 1].Span;
        await List(writer, server, parsed, sourceId, found, ct);
        throw CliException.Failure($"--occurrence {n}: the quote occurs {Times(found.Count)} in source {sourceId}");
    }

    /// <summary>Every occurrence of <paramref name="quote"/> in the source, in text order; a refusal ends the command.</summary>
    public static async Task<IReadOnlyList<Occurrence>> Locate(Writer writer, ArchiveServer server, ParseResult parsed, string sourceId, string quote,
        CancellationToken ct)
    {
        var reply = await AskLocate(server, sourceId, quote, ct);
        if (!reply.Succeeded) await writer.Refuse(server, parsed, reply);
        return Read(reply.Answer!["items"])!;
    }

    private static Task<ArchiveServer.Reply> AskLocate(ArchiveServer server, string sourceId, string quote, CancellationToken ct) =>
        server.Ask(HttpMethod.Post, $"/api/sources/{Uri.EscapeDataString(sourceId)}/locate", new { Quote = quote },
            "{ items: [{ span, text }] }", answer => Read(answer["items"]) is not null, ct);

    /// <summary>
    /// Ends a refused record or amendment. A quote sent without a span that occurs several times lists the occurrences and says how to
    /// choose; one that does not occur names the closest passage's span to send; anything else is the archive's reason.
    /// </summary>
    public static async Task Refused(Writer writer, ArchiveServer server, ParseResult parsed, ArchiveServer.Reply reply, string? quote, bool spanSent,
        Func<Task<string>> sourceId, CancellationToken ct)
    {
        var onQuote = reply.Problem?["errors"] is JsonObject errors && errors.ContainsKey("quote");
        if (reply.Status == 409 && onQuote && !spanSent && quote is not null)
        {
            var source = await sourceId();
            // an archive that does not list them in the refusal is asked where they are; failing that, its refusal is the answer
            var occurrences = Read(reply.Problem!["occurrences"])
                              ?? (await AskLocate(server, source, quote, ct) is { Succeeded: true } located ? Read(located.Answer!["items"]) : null);
            if (occurrences is { Count: > 1 })
            {
                await List(writer, server, parsed, source, occurrences, ct);
                throw CliException.Failure($"the quote occurs {Times(occurrences.Count)} in source {source}: " +
                                           $"choose one with --occurrence N (1 to {occurrences.Count}) or --span START:END");
            }
        }
        var hint = reply.Status == 400 && onQuote && reply.Problem!["closest"] is JsonObject closest && Read(new JsonArray(closest.DeepClone())) is [var passage]
            ? $"to take the closest passage, send --span {passage.Span.Start}:{passage.Span.End}"
            : null;
        await writer.Refuse(server, parsed, reply, hint);
    }

    /// <summary>One line per occurrence, <c>1. 120–135  “…context…”</c>; under --json <c>{ sourceId, occurrences: [{ span, text }] }</c>.</summary>
    private static async Task List(Writer writer, ArchiveServer server, ParseResult parsed, string sourceId, IReadOnlyList<Occurrence> occurrences,
        CancellationToken ct)
    {
        if (writer.Json(parsed))
        {
            await writer.Screen.WriteJson(new JsonObject
            {
                ["sourceId"] = sourceId,
                ["occurrences"] = new JsonArray([.. occurrences.Select(o => (JsonNode)new JsonObject
                {
                    ["span"] = new JsonObject { ["start"] = o.Span.Start, ["end"] = o.Span.End },
                    ["text"] = o.Text,
                })]),
            });
            return;
        }
        var text = await SourceText(server, sourceId, ct);
        var starts = text is null ? null : CodePoints.Starts(text);
        for (var i = 0; i < occurrences.Count; i++)
        {
            var o = occurrences[i];
            var shown = text is null ? Quotes.Shown(o.Text) : Quotes.InContext(text, starts!, o.Span.Start, o.Span.End);
            writer.Screen.Line($"{i + 1}. {o.Span}  “{shown}”");
        }
    }

    // Context helps choose, but the list is useful without it.
    private static async Task<string?> SourceText(ArchiveServer server, string sourceId, CancellationToken ct)
    {
        try
        {
            var source = await server.GetJson<JsonObject>($"/api/sources/{Uri.EscapeDataString(sourceId)}", Screen.Json, "a source", ct);
            return source["text"]?.GetValueKind() == JsonValueKind.String ? source["text"]!.GetValue<string>() : null;
        }
        catch (CliException)
        {
            return null;
        }
    }

    /// <summary><c>[{ span: { start, end }, text }]</c> as occurrences, or null when it is not that.</summary>
    private static List<Occurrence>? Read(JsonNode? items)
    {
        if (items is not JsonArray array) return null;
        var list = new List<Occurrence>(array.Count);
        foreach (var item in array)
        {
            if (item?["span"] is not JsonObject { } span || span["start"] is not JsonValue start || span["end"] is not JsonValue end
                || !start.TryGetValue<int>(out var from) || !end.TryGetValue<int>(out var to))
                return null;
            var text = item["text"]?.GetValueKind() == JsonValueKind.String ? item["text"]!.GetValue<string>() : "";
            list.Add(new Occurrence(new CodePointSpan(from, to), text));
        }
        return list;
    }

    private static string Times(int count) => count == 1 ? "once" : $"{count} times";
}
