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

    private static bool HasUnpairedSurrogate(string text)
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
    /// Compares a quote with the source text at its span, ignoring differences an archivist
    /// cannot see or type consistently: runs of whitespace and the style of quote marks and apostrophes.
    /// </summary>
    public static bool QuoteMatches(string quote, string sourceSlice) =>
        string.Equals(Canonical(quote), Canonical(sourceSlice), StringComparison.Ordinal);

    private static string Canonical(string value)
    {
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c)) { pendingSpace = builder.Length > 0; continue; }
            if (pendingSpace) { builder.Append(' '); pendingSpace = false; }
            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '`' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
                _ => c,
            });
        }
        return builder.ToString();
    }
}
