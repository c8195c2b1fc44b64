using System.Runtime.CompilerServices;
using Archive.Domain.Statements;

namespace Archive.Domain.Sources;

/// <summary>
/// Finds a typed quote in a source's stored text under the archive's normalisation, and answers with the source's
/// own characters. Folded away: runs of whitespace and line breaks (NBSP and the ideographic space included) become
/// one space; straight, curly, prime, guillemet and CJK quote marks and apostrophes become ' or "; hyphens, dashes and
/// minus signs become -; an ellipsis character equals three full stops; soft hyphens and zero-width spaces vanish;
/// the quote is put in NFC and its leading and trailing whitespace ignored. Everything else is compared exactly:
/// the search is case-sensitive, because an archived quote is exact.
/// Spans count code points of the stored text, end exclusive, and always start and end on a character the quote matched.
/// </summary>
public sealed class QuoteLocator
{
    /// <summary>At most this many occurrences are listed (all are counted).</summary>
    public const int MaxListed = 1000;

    // Folding a two-million-character text takes tens of milliseconds: do it once per text, for as long as the
    // text itself is alive (a grain keeps the sources it reads), whoever asks.
    private static readonly ConditionalWeakTable<string, QuoteLocator> Cache = new();

    private readonly string _text;
    private readonly string _folded;
    private readonly int[] _map;
    private readonly int[] _astral;

    private QuoteLocator(string text)
    {
        _text = text;
        (_folded, _map, CodePointLength, _astral) = QuoteFolding.FoldWithMap(text);
    }

    /// <summary>The locator for a source's stored (normalised) text, built once per text instance.</summary>
    public static QuoteLocator For(string text) => Cache.GetValue(text, t => new QuoteLocator(t));

    /// <summary>The text's length in code points.</summary>
    public int CodePointLength { get; }

    /// <summary>Every occurrence of <paramref name="quote"/>, and the closest passage when there is none.</summary>
    public QuoteSearch Locate(string quote)
    {
        var folded = QuoteFolding.Fold(quote);
        var occurrences = new List<Passage>();
        var count = 0;
        if (folded.Length > 0)
        {
            for (var at = _folded.IndexOf(folded, StringComparison.Ordinal); at >= 0;
                 at = at + 1 < _folded.Length ? _folded.IndexOf(folded, at + 1, StringComparison.Ordinal) : -1)
            {
                var end = at + folded.Length;
                if (!StartsCharacter(at) || !StartsCharacter(end)) continue;
                if (++count <= MaxListed) occurrences.Add(PassageOf(at, end));
            }
        }
        var closest = count == 0 && folded.Length > 0 && ClosestPassage.Find(_folded, folded) is { } range
            ? Snapped(range.Start, range.End)
            : null;
        return new QuoteSearch(occurrences, count, closest);
    }

    /// <summary>
    /// True when <paramref name="quote"/> occurs exactly at <paramref name="span"/>: the same as one of
    /// <see cref="Locate"/>'s occurrences, found without searching the whole text.
    /// </summary>
    public bool OccursAt(string quote, TextSpan span)
    {
        var folded = QuoteFolding.Fold(quote);
        if (folded.Length == 0 || span.Start < 0 || span.End <= span.Start || span.End > CodePointLength) return false;
        // The map is non-decreasing, so the folded range of a span is found by binary search; the span must start on
        // a character of its own (not inside a whitespace run, not on an invisible one) and end just after one.
        var start = FirstFoldedAtOrAfter(span.Start);
        var end = FirstFoldedAtOrAfter(span.End);
        return start < end && _map[start] == span.Start && _map[end - 1] + 1 == span.End
               && end - start == folded.Length && string.CompareOrdinal(_folded, start, folded, 0, folded.Length) == 0
               && StartsCharacter(start) && StartsCharacter(end);
    }

    /// <summary>The passage at <paramref name="span"/>, or null when the span does not lie inside the text.</summary>
    public Passage? At(TextSpan span) =>
        span.Start < 0 || span.End <= span.Start || span.End > CodePointLength
            ? null
            : new Passage(span, _text[IndexOf(span.Start)..IndexOf(span.End)]);

    /// <summary>True when a folded index begins a source character (or is the end), so a match there takes whole characters.</summary>
    private bool StartsCharacter(int folded) => folded == 0 || folded == _folded.Length || _map[folded] != _map[folded - 1];

    // Every folded unit a match can end on stands for exactly one code point (spaces are never at a match's ends).
    private Passage PassageOf(int start, int end) => At(new TextSpan(_map[start], _map[end - 1] + 1))!;

    /// <summary>A folded range widened to whole characters and stripped of spaces at its ends.</summary>
    private Passage? Snapped(int start, int end)
    {
        while (start > 0 && !StartsCharacter(start)) start--;
        while (end < _folded.Length && !StartsCharacter(end)) end++;
        while (start < end && _folded[start] == ' ') start++;
        while (end > start && _folded[end - 1] == ' ') end--;
        return start < end ? PassageOf(start, end) : null;
    }

    private int FirstFoldedAtOrAfter(int codePoint)
    {
        int low = 0, high = _map.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_map[mid] < codePoint) low = mid + 1; else high = mid;
        }
        return low;
    }

    private int IndexOf(int codePoint)
    {
        // Each astral code point before this one takes two UTF-16 units.
        var before = Array.BinarySearch(_astral, codePoint);
        return codePoint + (before >= 0 ? before : ~before);
    }
}
