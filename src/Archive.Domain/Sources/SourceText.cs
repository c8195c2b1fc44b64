using System.Security.Cryptography;
using System.Text;

namespace Archive.Domain.Sources;

/// <summary>
/// The stored form of a source document and the arithmetic on it. Spans count Unicode code points
/// (not UTF-16 units, not bytes), end exclusive, into the normalised text.
/// </summary>
public static class SourceText
{
    public const int MaxLength = 2_000_000;

    /// <summary>NFC, LF line endings, no byte-order mark, no leading or trailing whitespace: the text the archive stores and hashes.</summary>
    public static string Normalise(string raw)
    {
        var text = raw.Replace("\r\n", "\n").Replace('\r', '\n');
        // Unpaired surrogates cannot be normalised; such text is kept as is, and refused by the decision's checks.
        // A byte-order mark is an artefact of the file, not part of the document.
        return (HasUnpairedSurrogate(text) ? text : text.Normalize(NormalizationForm.FormC)).TrimStart('\uFEFF').Trim();
    }

    internal static bool HasUnpairedSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(text[i])) return true;
        }
        return false;
    }

    public static string Hash(string normalised) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));

    /// <summary>The id of a source is derived from its text, so registering the same document twice is a no-op.</summary>
    public static string IdFor(string normalised) => "src-" + Hash(normalised)[..20];

    public static int CodePointLength(string text)
    {
        var n = 0;
        foreach (var _ in text.EnumerateRunes()) n++;
        return n;
    }

    /// <summary>The text between code point offsets [start, end), or null when the span is outside the text.</summary>
    public static string? Slice(string text, int start, int end)
    {
        if (start < 0 || end <= start) return null;
        int index = 0, codePoint = 0, from = -1;
        while (index <= text.Length)
        {
            if (codePoint == start) from = index;
            if (codePoint == end) return text[from..index];
            if (index == text.Length) break;
            index += char.IsSurrogatePair(text, index) ? 2 : 1;
            codePoint++;
        }
        return null;
    }

    /// <summary>
    /// Compares two quotes under the archive's normalisation (see <see cref="QuoteLocator"/>): whitespace runs, quote
    /// marks, dashes, ellipses, invisible characters and Unicode normalisation aside, they must be the same characters.
    /// </summary>
    public static bool QuoteMatches(string quote, string sourceSlice) =>
        string.Equals(QuoteFolding.Fold(quote), QuoteFolding.Fold(sourceSlice), StringComparison.Ordinal);
}
