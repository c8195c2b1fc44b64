namespace Archive.Domain.Sources;

/// <summary>
/// The passage of a folded text most like a folded quote that does not occur in it: the window of about the quote's length
/// holding most of the quote's character n-grams (compared ignoring case), trimmed to its first and last shared n-gram
/// and widened to whole words. One pass over the text with a window sum: linear in the text, whatever the quote.
/// Ties go to the earliest window, so the answer is deterministic.
/// </summary>
internal static class ClosestPassage
{
    private const int MaxWordWidening = 30;

    public static (int Start, int End)? Find(string text, string quote)
    {
        // Short quotes (often CJK, without spaces) need short n-grams to score at all; long ones are sharper with longer.
        var n = quote.Length switch { < 4 => 1, < 12 => 2, < 32 => 3, _ => 4 };
        if (text.Length < n) return null;

        var grams = new HashSet<ulong>();
        for (var i = 0; i + n <= quote.Length; i++) grams.Add(Gram(quote, i, n));

        // A gram starting at i is a hit when the quote has it; the window holds the gram starts [s, s + width). It is
        // an eighth longer than the quote, since the passage meant may be longer than what was typed.
        var width = Math.Min(quote.Length - n + 1 + quote.Length / 8, text.Length - n + 1);
        var hits = new bool[width];
        int sum = 0, best = 0, bestStart = -1;
        var mask = n == 4 ? ulong.MaxValue : (1UL << (16 * n)) - 1;
        ulong key = 0;
        for (var i = 0; i < text.Length; i++)
        {
            key = ((key << 16) | char.ToLowerInvariant(text[i])) & mask;
            var start = i - n + 1;
            if (start < 0) continue;
            var slot = start % width;
            if (start >= width && hits[slot]) sum--;
            hits[slot] = grams.Contains(key);
            if (hits[slot]) sum++;
            var windowStart = Math.Max(0, start - width + 1);
            if (sum > best) { best = sum; bestStart = windowStart; }
        }
        if (bestStart < 0) return null;

        int first = -1, last = -1;
        for (var s = bestStart; s < bestStart + width && s + n <= text.Length; s++)
        {
            if (!grams.Contains(Gram(text, s, n))) continue;
            if (first < 0) first = s;
            last = s;
        }
        var (from, to) = (first, last + n);
        for (var k = 0; k < MaxWordWidening && from > 0 && IsWordCharacter(text[from - 1]) && IsWordCharacter(text[from]); k++) from--;
        for (var k = 0; k < MaxWordWidening && to < text.Length && IsWordCharacter(text[to]) && IsWordCharacter(text[to - 1]); k++) to++;
        return (from, to);
    }

    private static ulong Gram(string text, int at, int n)
    {
        ulong key = 0;
        for (var i = at; i < at + n; i++) key = (key << 16) | char.ToLowerInvariant(text[i]);
        return key;
    }

    // Scripts written without spaces would widen to the limit: only alphabetic words (with their apostrophes) are completed.
    private static bool IsWordCharacter(char c) => (char.IsLetterOrDigit(c) && c < '\u2E80') || c == '\'';
}
