using System.Text.Json.Nodes;

namespace Archive.Api.Tests.Export;

/// <summary>
/// The W3C Web Annotation model's target with the two text selectors (https://www.w3.org/TR/annotation-model/):
/// a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector (start, end: code points, start &lt;= end).
/// </summary>
public static class Annotation
{
    public static void Check(JsonObject target, string path, List<string> problems)
    {
        if (target["type"]?.GetValue<string>() != "SpecificResource") problems.Add($"{path}.type: must be SpecificResource");
        if (!Uri.TryCreate(target["source"]?.GetValue<string>(), UriKind.Absolute, out _)) problems.Add($"{path}.source: must be an absolute IRI");
        var selectors = target["selector"] as JsonArray ?? [];
        var quote = selectors.OfType<JsonObject>().SingleOrDefault(s => s["type"]?.GetValue<string>() == "TextQuoteSelector");
        var position = selectors.OfType<JsonObject>().SingleOrDefault(s => s["type"]?.GetValue<string>() == "TextPositionSelector");
        if (quote is null) problems.Add($"{path}.selector: no TextQuoteSelector");
        else
        {
            foreach (var key in quote.Select(p => p.Key).Except(["type", "exact", "prefix", "suffix"])) problems.Add($"{path}.selector: TextQuoteSelector has no '{key}'");
            if (quote["exact"] is not JsonValue exact || !exact.TryGetValue<string>(out var s) || s.Length == 0) problems.Add($"{path}.selector: exact must be text");
        }
        if (position is null) problems.Add($"{path}.selector: no TextPositionSelector");
        else if (!(position["start"] is JsonValue a && a.TryGetValue<int>(out var start) && position["end"] is JsonValue b && b.TryGetValue<int>(out var end)
                   && start >= 0 && start <= end))
            problems.Add($"{path}.selector: TextPositionSelector needs integers 0 <= start <= end");
    }

    /// <summary>The selectors' reading of <paramref name="text"/>: the quote with its context, and the code point slice.</summary>
    public static (string Exact, string Prefix, string Suffix, int Start, int End) Selectors(JsonObject document)
    {
        var selectors = document["target"]!["selector"]!.AsArray();
        var quote = selectors.Single(s => s!["type"]!.GetValue<string>() == "TextQuoteSelector")!;
        var position = selectors.Single(s => s!["type"]!.GetValue<string>() == "TextPositionSelector")!;
        return (quote["exact"]!.GetValue<string>(), quote["prefix"]!.GetValue<string>(), quote["suffix"]!.GetValue<string>(),
            position["start"]!.GetValue<int>(), position["end"]!.GetValue<int>());
    }
}
