using Archive.Web.Sources;

namespace Archive.Web.Statements;

/// <summary>A quote in its place in the source: the sentence before it, the quote, and the rest of its sentence and the next.</summary>
public sealed record QuoteContext(string Before, string Quote, string After, bool CutBefore, bool CutAfter)
{
    private const string Terminals = ".!?…。！？";
    private const string Closers = "\"'”’)]»」』";
    private const int MaxSide = 600;

    /// <summary>The context of the code points <c>[start, end)</c> of <paramref name="text"/>.</summary>
    public static QuoteContext Around(string text, int start, int end)
    {
        var units = SourceMarks.CodePointStarts(text);
        var last = units.Length - 1;
        var (s, e) = (units[Math.Clamp(start, 0, last)], units[Math.Clamp(end, 0, last)]);
        var starts = SentenceStarts(text);
        var here = starts.FindLastIndex(i => i <= s);
        var from = starts[Math.Max(0, here - 1)];
        var endsIn = starts.FindLastIndex(i => i < Math.Max(e, s + 1));
        var to = endsIn + 2 < starts.Count ? starts[endsIn + 2] : text.Length;
        var (cutBefore, cutAfter) = (s - from > MaxSide, to - e > MaxSide);
        if (cutBefore) from = Math.Min(s, WordStart(text, s - MaxSide));
        if (cutAfter) to = Math.Max(e, WordEnd(text, e + MaxSide));
        return new QuoteContext(text[from..s], text[s..e], text[e..to].TrimEnd(), cutBefore || from > 0, cutAfter || to < text.Length);
    }

    /// <summary>Where sentences begin: after terminal punctuation (and any closing quote) and whitespace, after a line break, or right after a CJK full stop.</summary>
    public static List<int> SentenceStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i])) continue;
            var previous = text[i - 1];
            if (previous == '\n' || "。！？".Contains(previous))
            {
                starts.Add(i);
                continue;
            }
            if (!char.IsWhiteSpace(previous)) continue;
            var j = i - 1;
            while (j >= 0 && char.IsWhiteSpace(text[j])) j--;
            while (j >= 0 && Closers.Contains(text[j])) j--;
            if (j >= 0 && Terminals.Contains(text[j])) starts.Add(i);
        }
        return starts;
    }

    private static int WordStart(string text, int at)
    {
        var space = text.IndexOf(' ', at);
        if (space >= 0) return space + 1;
        return at > 0 && char.IsLowSurrogate(text[at]) ? at - 1 : at;
    }

    private static int WordEnd(string text, int at)
    {
        var space = text.LastIndexOf(' ', Math.Min(at, text.Length - 1));
        if (space > 0) return space;
        return at < text.Length && char.IsLowSurrogate(text[at]) ? at + 1 : Math.Min(at, text.Length);
    }
}
