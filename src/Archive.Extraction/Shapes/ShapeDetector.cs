using System.Text.RegularExpressions;
using Archive.Extraction.Readers.QandA;
using Archive.Extraction.Text;

namespace Archive.Extraction.Shapes;

/// <summary>Chooses the reader from the text itself (and the title, which may name an article's author).</summary>
internal static partial class ShapeDetector
{
    /// <param name="recurring">The document's <see cref="Turns.RecurringLabels"/>.</param>
    public static SourceShape Detect(Document document, IReadOnlySet<string> recurring, string? title, bool hasAuthor)
    {
        var text = document.Text;
        var turns = document.Paragraphs.Count(p => Turns.StartsTurn(text, p, recurring, out _, out _, out _));
        if (turns >= 3 && turns * 4 >= document.Paragraphs.Count) return SourceShape.QandA;
        if (hasAuthor) return SourceShape.Authored;
        var opening = document.Paragraphs.Count > 0 ? document.Slice(document.Paragraphs[0]) : "";
        if (Dateline().IsMatch(opening)) return SourceShape.News;
        if (JointTitle().IsMatch(title ?? "") || JointTitle().IsMatch(opening[..Math.Min(opening.Length, 200)])) return SourceShape.Joint;
        var twoSides = TwoSides().Matches(text).Count;
        var quotes = Regex.Matches(text, "[“\"]").Count;
        if (twoSides >= 4 && twoSides * 2 >= Sentences(text) / 4 && quotes < 4) return SourceShape.Joint;
        return SourceShape.News;
    }

    /// <summary>The length of a dateline opening a report ("PORT AVEN, March 3 – "), which no statement includes.</summary>
    public static int DatelineLength(string paragraph) => DatelinePrefix().Match(paragraph) is { Success: true } m ? m.Length : 0;

    /// <summary>
    /// The day a dateline gives ("BRASK, Kestria, Nov. 12, 2026 —", "SELVA, Nov 23 (Reuters) -"), a yearless one read
    /// against <paramref name="reference"/>: the report's own day, which its weekday words count back from.
    /// </summary>
    public static DateOnly? DatelineDate(string paragraph, DateOnly? reference) =>
        DatelinePrefix().Match(paragraph) is { Success: true } m
            ? Dates.DateCues.Find(m.Value, reference).FirstOrDefault(c => c.Date is not null && !c.Vague)?.Date
            : null;

    // "PORT AVEN, March 3 –", "BRASK, Kestria, Nov. 12, 2026 —": the place, its region and the day.
    [GeneratedRegex(@"^[A-Z][A-Z .'-]{2,}(?:,\s+\p{Lu}[a-z]+\b(?!\.?\s+\d))*(?:,\s+\p{Lu}[a-z]+\.? \d{1,2}(?:,\s+\d{4})?)?(?:\s*\([^)]*\))?\s*[–—:-]\s+")]
    private static partial Regex DatelinePrefix();

    private static int Sentences(string text) => Math.Max(1, Regex.Matches(text, @"[.!?](?:\s|$)").Count);

    // "BEIJING:" or "ISLAMABAD, March 3 (Agency) –" opens a wire report.
    [GeneratedRegex(@"^[A-Z]{3,}(?:[ -][A-Z]{3,})*\s*(?::|,\s+\p{Lu}[a-z]+ \d{1,2}\b|\s+\()")]
    private static partial Regex Dateline();

    [GeneratedRegex(@"\b(?:joint (?:press )?(?:statement|communiqu[ée]|declaration|release)|readout)\b", RegexOptions.IgnoreCase)]
    private static partial Regex JointTitle();

    [GeneratedRegex(@"\b(?:[Tt]he two sides|[Bb]oth sides)\b")]
    private static partial Regex TwoSides();
}
