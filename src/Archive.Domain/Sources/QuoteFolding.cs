using System.Buffers;
using System.Text;

namespace Archive.Domain.Sources;

/// <summary>
/// The archive's quote normalisation: what a person cannot see or type consistently is folded away, so a typed quote
/// finds the source's own characters. Case, letters, digits and other punctuation are kept exactly.
/// </summary>
internal static class QuoteFolding
{
    private const int Whitespace = -1;

    /// <summary>Writes the folded form of one rune into <paramref name="into"/> (up to three units) and returns how many; -1 for whitespace.</summary>
    private static int Fold(Rune rune, Span<char> into)
    {
        switch (rune.Value)
        {
            case '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '`' or '\uFF07' or '\u02BC' or '\u2039' or '\u203A':
                into[0] = '\'';
                return 1;
            case '"' or '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' or '\u300C' or '\u300D'
                or '\u300E' or '\u300F' or '\uFF02' or '\u301D' or '\u301E' or '\u301F':
                into[0] = '"';
                return 1;
            case '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D':
                into[0] = '-';
                return 1;
            // One ellipsis character and three full stops read the same; both fold to three stops.
            case '\u2026':
                into[0] = into[1] = into[2] = '.';
                return 3;
            // Invisible: soft hyphen, zero-width space, word joiner, zero-width no-break space. Pasted text carries them unseen.
            case '\u00AD' or '\u200B' or '\u2060' or '\uFEFF':
                return 0;
            default:
                return Rune.IsWhiteSpace(rune) ? Whitespace : rune.EncodeToUtf16(into);
        }
    }

    /// <summary>
    /// Folds <paramref name="text"/> (already in NFC) and maps every folded UTF-16 unit to the code point offset of the
    /// source character it came from. A whitespace run becomes one space mapped to the run's first character.
    /// Offsets of astral code points are collected so code point offsets can be turned back into string indexes.
    /// </summary>
    public static (string Folded, int[] Map, int CodePoints, int[] Astral) FoldWithMap(string text)
    {
        // Only ellipses make the folded text longer than the source; the buffers grow for a text full of them.
        var output = new char[text.Length + Math.Min(text.Length, 1024)];
        var map = new int[output.Length];
        var astral = new List<int>();
        int codePoint = 0, index = 0, length = 0;
        var inWhitespace = false;
        Span<char> folded = stackalloc char[3];
        while (index < text.Length)
        {
            var c = text[index];
            // Most of a text is plain ASCII that folds to itself: no rune decoding for it.
            if (c is > ' ' and < '\x7F' and not ('\'' or '"' or '-' or '`'))
            {
                if (length == output.Length) Grow(ref output, ref map, length + 1);
                output[length] = c;
                map[length++] = codePoint++;
                inWhitespace = false;
                index++;
                continue;
            }
            if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed) != OperationStatus.Done) rune = Rune.ReplacementChar;
            if (consumed == 2) astral.Add(codePoint);
            var count = Fold(rune, folded);
            if (count == Whitespace)
            {
                count = inWhitespace ? 0 : 1;
                folded[0] = ' ';
                inWhitespace = true;
            }
            else if (count > 0) inWhitespace = false;
            if (length + count > output.Length) Grow(ref output, ref map, length + count);
            for (var i = 0; i < count; i++)
            {
                output[length] = folded[i];
                map[length++] = codePoint;
            }
            index += Math.Max(consumed, 1);
            codePoint++;
        }
        Array.Resize(ref map, length);
        return (new string(output, 0, length), map, codePoint, astral.ToArray());
    }

    /// <summary>A typed quote folded the way source text is, without its leading and trailing spaces.</summary>
    public static string Fold(string quote)
    {
        var text = SourceText.HasUnpairedSurrogate(quote) ? quote : quote.Normalize(NormalizationForm.FormC);
        var output = new StringBuilder(text.Length);
        var inWhitespace = false;
        Span<char> folded = stackalloc char[3];
        for (var index = 0; index < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed) != OperationStatus.Done) rune = Rune.ReplacementChar;
            var count = Fold(rune, folded);
            if (count == Whitespace)
            {
                if (!inWhitespace) output.Append(' ');
                inWhitespace = true;
            }
            else if (count > 0)
            {
                output.Append(folded[..count]);
                inWhitespace = false;
            }
            index += Math.Max(consumed, 1);
        }
        return output.ToString().Trim(' ');
    }

    private static void Grow(ref char[] output, ref int[] map, int needed)
    {
        var size = Math.Max(needed, output.Length * 2);
        Array.Resize(ref output, size);
        Array.Resize(ref map, size);
    }
}
