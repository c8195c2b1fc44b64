using System.Text.RegularExpressions;

namespace Archive.Extraction.Text;

/// <summary>
/// The stored text cut into paragraphs and sentences. Readers work in UTF-16 indices; only the final
/// candidates are converted to code points, so the arithmetic on surrogate pairs lives in one place.
/// </summary>
internal sealed partial class Document
{
    private readonly int[] codePointAt;

    public Document(string text)
    {
        Text = text;
        codePointAt = new int[text.Length + 1];
        var cp = 0;
        for (var i = 0; i < text.Length; i++)
        {
            codePointAt[i] = cp;
            if (!(char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))) cp++;
        }
        codePointAt[text.Length] = cp;
        Paragraphs = Split(text);
    }

    public string Text { get; }

    public IReadOnlyList<Segment> Paragraphs { get; }

    public int CodePoint(int charIndex) => codePointAt[charIndex];

    public string Slice(Segment range) => Text[range.Start..range.End];

    /// <summary>Lines are paragraphs, except that a line ending in a colon keeps the dashed list under it.</summary>
    private static List<Segment> Split(string text)
    {
        var lines = new List<Segment>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n') continue;
            var range = Trim(text, start, i);
            if (range.End > range.Start) lines.Add(range);
            start = i + 1;
        }
        var merged = new List<Segment>();
        foreach (var line in lines)
        {
            if (merged.Count > 0 && IsListItem(text, line) && EndsListIntro(text, merged[^1]))
                merged[^1] = new Segment(merged[^1].Start, line.End);
            else merged.Add(line);
        }
        return merged;
    }

    /// <summary>
    /// A line of a list: a dash or bullet, or a lettered or numbered marker ("(a)", "b)", "(iv)", "3)", and "2." when
    /// the line ends as a list item does, so that a numbered heading stays a heading).
    /// </summary>
    public static bool IsListItem(string text, Segment line) =>
        text[line.Start] is '-' or '•' or '*' or '–' || (Marker().Match(text, line.Start, line.Length) is { Success: true } m
            && (m.Groups["paren"].Success || text[line.End - 1] is ';' or '.' or ','));

    /// <summary>How many characters the line's list marker takes: one for a dash, more for "(a) ".</summary>
    public static int ListMarkerLength(string text, Segment line) =>
        Marker().Match(text, line.Start, line.Length) is { Success: true } m ? m.Length : 1;

    // "(a)", "b)", "(iv)", "3)" and "2." opening a line; "a." is left out, since it may open a sentence.
    [GeneratedRegex(@"^(?:(?<paren>\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\))|\d{1,2}\.)[ \t]+")]
    private static partial Regex Marker();

    private static bool EndsListIntro(string text, Segment previous)
    {
        if (text[previous.End - 1] == ':') return true;
        var lastLine = text.LastIndexOf('\n', previous.End - 1, previous.End - previous.Start);
        return lastLine > previous.Start && IsListItem(text, new Segment(lastLine + 1, previous.End));
    }

    /// <summary>A headline or subheading: a short line that ends without a full stop. Nobody is quoted saying it.</summary>
    public static bool IsHeading(string text, Segment paragraph) =>
        paragraph.Length > 0 && text[paragraph.End - 1] is not ('.' or '!' or '?' or '”' or '"' or '’' or '\'' or '…' or ':' or ';' or '»' or '」' or '。')
        && QuoteRegion.WordCount(text, paragraph) <= 14;

    public static Segment Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return new Segment(start, end);
    }
}

/// <summary>A half-open range of UTF-16 indices into the document's text.</summary>
internal readonly record struct Segment(int Start, int End)
{
    public int Length => End - Start;

    public bool Contains(int index) => index >= Start && index < End;
}
