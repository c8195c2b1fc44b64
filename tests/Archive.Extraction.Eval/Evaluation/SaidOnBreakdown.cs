using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Archive.Extraction.Eval.Evaluation;

/// <summary>
/// Said-on accuracy by where the date came from, so each rule's reliability is known: the cue's kind (an explicit or
/// header date, a weekday, "yesterday"/"today", the publication date, none) and whether its words stand in the
/// statement's own paragraph or were carried from elsewhere (a transcript's header, the speaker's earlier occasion).
/// </summary>
public static partial class SaidOnBreakdown
{
    public static string Table(IReadOnlyList<Result> results)
    {
        var rows = new SortedDictionary<(string Split, string Cue), (int Dated, int Right)>();
        foreach (var result in results)
            foreach (var label in result.Document.Statements)
            {
                if (label.SaidOn is null || Scorer.Best(label, result.Candidates) is not { } best || !Scorer.RightSpeaker(best, label)) continue;
                var key = (result.Document.Split, Kind(result.Document.Text, best));
                var (dated, right) = rows.GetValueOrDefault(key);
                rows[key] = (dated + 1, right + (best.SaidOn == label.SaidOn ? 1 : 0));
            }
        var table = new StringBuilder();
        table.AppendLine("| split | said-on from | dated labels | right | accuracy |");
        table.AppendLine("|---|---|---:|---:|---:|");
        foreach (var ((split, cue), (dated, right)) in rows)
            table.AppendLine(CultureInfo.InvariantCulture, $"| {split} | {cue} | {dated} | {right} | {Report.F((double)right / dated)} |");
        return table.ToString();
    }

    private static string Kind(string text, Candidate candidate)
    {
        var cue = candidate.SaidOnCue;
        if (cue is null) return "no date";
        if (cue == "publication date") return "publication date";
        var kind = Weekday().IsMatch(cue) ? "weekday" : Relative().IsMatch(cue) ? "yesterday/today" : "date";
        var runes = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        var start = candidate.Span.Start;
        while (start > 0 && runes[start - 1] != "\n") start--;
        var end = candidate.Span.End;
        while (end < runes.Length && runes[end] != "\n") end++;
        var paragraph = string.Concat(runes[start..end]);
        return paragraph.Contains(cue, StringComparison.Ordinal) ? $"{kind}, in the paragraph" : $"{kind}, carried";
    }

    [GeneratedRegex("^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$", RegexOptions.IgnoreCase)]
    private static partial Regex Weekday();

    [GeneratedRegex("^(?:yesterday|today|last night|this morning)$", RegexOptions.IgnoreCase)]
    private static partial Regex Relative();
}
