namespace Archive.Extraction.Text;

/// <summary>A quotation inside a paragraph: its marks included (<see cref="Outer"/>) and excluded (<see cref="Content"/>).</summary>
internal sealed record QuoteRegion(Segment Outer, Segment Content, bool Unclosed)
{
    public int Words(string text) => WordCount(text, Content);

    public static int WordCount(string text, Segment segment)
    {
        var words = 0;
        var inWord = false;
        for (var i = segment.Start; i < segment.End; i++)
        {
            var letter = char.IsLetterOrDigit(text[i]);
            if (letter && !inWord) words++;
            inWord = letter;
        }
        // Scripts written without spaces count roughly a word per two characters.
        var cjk = 0;
        for (var i = segment.Start; i < segment.End; i++) if (text[i] >= '\u3040' && text[i] <= '\u9FFF') cjk++;
        return Math.Max(words, cjk / 2);
    }
}

/// <summary>Pairs quotation marks within one paragraph.</summary>
internal static class Quotes
{
    public static List<QuoteRegion> Find(string text, Segment paragraph)
    {
        var regions = FindDouble(text, paragraph);
        return regions.Count > 0 ? regions : FindSingle(text, paragraph);
    }

    private static List<QuoteRegion> FindDouble(string text, Segment paragraph)
    {
        var result = new List<QuoteRegion>();
        var open = -1;
        var closer = '\0';
        for (var i = paragraph.Start; i < paragraph.End; i++)
        {
            var c = text[i];
            if (open < 0)
            {
                if (c is '“' or '«' or '「' or '『' or '„' || (c == '"' && OpensStraight(text, paragraph, i)))
                {
                    open = i;
                    closer = c switch { '“' or '„' => '”', '«' => '»', '「' => '」', '『' => '』', _ => '"' };
                }
            }
            else if (c == closer || (closer == '”' && c == '"'))
            {
                result.Add(Region(text, open, i + 1, unclosed: false));
                open = -1;
            }
        }
        // A quotation that opens and never closes runs to the end of the paragraph, as a quoted paragraph
        // continued in the next one does.
        if (open >= 0) result.Add(Region(text, open, paragraph.End, unclosed: true));
        return result;
    }

    private static bool OpensStraight(string text, Segment paragraph, int i) =>
        (i == paragraph.Start || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[' or '—' or ':' or ',')
        && i + 1 < paragraph.End && !char.IsWhiteSpace(text[i + 1]);

    // Single marks double as apostrophes: one opens after a space and closes before a non-letter.
    private static List<QuoteRegion> FindSingle(string text, Segment paragraph)
    {
        var result = new List<QuoteRegion>();
        int open = -1, depth = 0;
        for (var i = paragraph.Start; i < paragraph.End; i++)
        {
            var c = text[i];
            if (c is not ('‘' or '’' or '\'')) continue;
            var before = i == paragraph.Start || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '—';
            var after = i + 1 >= paragraph.End || !char.IsLetterOrDigit(text[i + 1]);
            var opens = before && c != '’' && !after;
            var closes = after && c != '‘' && !before;
            if (opens && open < 0) open = i;
            else if (opens) depth++;
            else if (closes && depth > 0) depth--;
            else if (closes && open >= 0)
            {
                result.Add(Region(text, open, i + 1, unclosed: false));
                open = -1;
            }
        }
        return result;
    }

    private static QuoteRegion Region(string text, int open, int end, bool unclosed)
    {
        var contentEnd = unclosed ? end : end - 1;
        return new QuoteRegion(new Segment(open, end), Document.Trim(text, open + 1, contentEnd), unclosed);
    }
}
