namespace Archive.Extraction.Text;

/// <summary>Cuts a paragraph into sentences without cutting inside the regions given as atomic (quotations).</summary>
internal static class Sentences
{
    // Words after which a full stop does not end a sentence.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "No", "Nos", "Gen", "Col", "Lt", "Sen", "Rep", "Gov", "Amb", "Sr", "Jr",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "vs", "e.g", "i.e",
        "H.E", "U.S", "U.N", "U.K", "E.U", "approx", "cf", "Co", "Inc", "Ltd", "Art", "para", "Vol",
    };

    public static List<Segment> Split(string text, Segment paragraph, IReadOnlyList<Segment>? atomic = null)
    {
        var result = new List<Segment>();
        var start = paragraph.Start;
        for (var i = paragraph.Start; i < paragraph.End; i++)
        {
            if (InsideAtomic(atomic, i)) continue;
            var c = text[i];
            var end = -1;
            if (c is '。' or '！' or '？') end = i + 1;
            else if (c is '.' or '!' or '?' or '…')
            {
                var j = i + 1;
                while (j < paragraph.End && text[j] is '”' or '’' or '"' or '\'' or ')' or '»' or '.') j++;
                if (j < paragraph.End && !char.IsWhiteSpace(text[j])) continue;
                var k = j;
                while (k < paragraph.End && char.IsWhiteSpace(text[k])) k++;
                if (k < paragraph.End && !StartsSentence(text[k])) continue;
                if (c == '.' && IsAbbreviation(text, paragraph.Start, i)) continue;
                end = j;
            }
            if (end < 0) continue;
            Add(result, text, start, end);
            start = end;
            i = end - 1;
        }
        Add(result, text, start, paragraph.End);
        return result;
    }

    private static bool InsideAtomic(IReadOnlyList<Segment>? atomic, int index)
    {
        if (atomic is null) return false;
        foreach (var region in atomic)
            // The full stop just before a closing mark may end the sentence: “… kept.” He said …
            if (index > region.Start && index < region.End - 2) return true;
        return false;
    }

    private static bool StartsSentence(char c) =>
        char.IsUpper(c) || char.IsDigit(c) || c is '“' or '"' or '‘' or '\'' or '(' or '-' or '«' or '「' || char.IsSurrogate(c) || c > '\u2E80';

    private static bool IsAbbreviation(string text, int floor, int dot)
    {
        var s = dot;
        while (s > floor && (char.IsLetter(text[s - 1]) || text[s - 1] == '.')) s--;
        var word = text[s..dot];
        if (word.Length == 1 && char.IsUpper(word[0])) return true;
        return Abbreviations.Contains(word);
    }

    private static void Add(List<Segment> result, string text, int start, int end)
    {
        var trimmed = Document.Trim(text, start, end);
        if (trimmed.Length > 0) result.Add(trimmed);
    }
}
