using System.Text.RegularExpressions;
using Archive.Extraction.Text;

namespace Archive.Extraction.Readers.News;

/// <summary>
/// A readout relayed whole by a spokesperson: "A spokesperson for the Prime Minister said:" and then paragraphs that
/// each reopen the quotation mark, as a quotation running over several paragraphs is printed, only the last one
/// closing it. When what is quoted speaks of others in the third person ("The Prime Minister said that …", "The
/// leaders agreed …") and never in the first, the spokesperson only passes the readout on: its sentences are read as
/// the readout's own, each given to whoever it says spoke or agreed.
/// </summary>
internal static partial class Relayed
{
    public static IEnumerable<Segment> Unwrap(string text, IReadOnlyList<Segment> paragraphs)
    {
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (i + 2 < paragraphs.Count && text[paragraphs[i].End - 1] == ':' && Run(text, paragraphs, i + 1) is var end and > 0)
            {
                yield return paragraphs[i];
                for (var j = i + 1; j <= end; j++) yield return Inside(text, paragraphs[j], last: j == end);
                i = end;
                continue;
            }
            yield return paragraphs[i];
        }
    }

    // The index of the run's last paragraph, or 0 when the paragraphs from `first` are no relayed third-person readout.
    private static int Run(string text, IReadOnlyList<Segment> paragraphs, int first)
    {
        for (var j = first; j < paragraphs.Count; j++)
        {
            var paragraph = paragraphs[j];
            if (!Opens(text[paragraph.Start])) return 0;
            var inner = Inside(text, paragraph, last: false);
            var quotes = Quotes.Find(text, inner);
            // The mark closes at the paragraph's end: this is the last paragraph of the quotation.
            var closes = Closes(text[paragraph.End - 1]) && !quotes.Any(q => q.Outer.End == paragraph.End);
            if (FirstPerson().IsMatch(Outside(text, Inside(text, paragraph, last: closes), quotes))) return 0;
            if (closes) return j - first >= 1 ? j : 0;
            // A paragraph in the middle reopens the mark without closing it; a quotation of its own must close inside.
            if (quotes.Any(q => q.Unclosed)) return 0;
        }
        return 0;
    }

    private static Segment Inside(string text, Segment paragraph, bool last) =>
        Document.Trim(text, paragraph.Start + 1, last && Closes(text[paragraph.End - 1]) ? paragraph.End - 1 : paragraph.End);

    private static string Outside(string text, Segment paragraph, IReadOnlyList<QuoteRegion> quotes)
    {
        var words = text[paragraph.Start..paragraph.End];
        foreach (var quote in quotes.OrderByDescending(q => q.Outer.Start))
            if (quote.Outer.Start >= paragraph.Start && quote.Outer.End <= paragraph.End)
                words = words.Remove(quote.Outer.Start - paragraph.Start, quote.Outer.Length);
        return words;
    }

    private static bool Opens(char c) => c is '"' or '“' or '„' or '«';

    private static bool Closes(char c) => c is '"' or '”' or '»';

    [GeneratedRegex(@"\b(?:I|we|We|me|us|my|My|our|Our|ours)\b")]
    private static partial Regex FirstPerson();
}
