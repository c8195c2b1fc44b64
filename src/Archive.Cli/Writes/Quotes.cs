using System.Text;
using Archive.Cli.Shell;

namespace Archive.Cli.Writes;

/// <summary>Quotes and passages of a source as one readable line: whitespace runs as one space, long ones shortened in the middle.</summary>
public static class Quotes
{
    public const int MaxShown = 160;

    public static string Shown(string quote)
    {
        var line = OneLine(quote);
        if (line.Length <= MaxShown) return line;
        // never between the two halves of a surrogate pair (an emoji)
        var headEnd = MaxShown * 2 / 3;
        if (char.IsLowSurrogate(line[headEnd])) headEnd--;
        var tailStart = line.Length - (MaxShown / 3 - 3);
        if (char.IsLowSurrogate(line[tailStart])) tailStart++;
        var (head, tail) = (line[..headEnd], line[tailStart..]);
        return $"{head.TrimEnd()} … {tail.TrimStart()}";
    }

    /// <summary>
    /// The occurrence at [<paramref name="start"/>, <paramref name="end"/>) (code points) with up to <paramref name="around"/> code points
    /// of the text on each side, cut at a space when there is one, an ellipsis marking where the text goes on.
    /// </summary>
    public static string InContext(string text, int[] starts, int start, int end, int around = 40)
    {
        var last = starts.Length - 1;
        if (start < 0 || end > last || end <= start) return "";
        var (from, to) = (Math.Max(0, start - around), Math.Min(last, end + around));
        var before = text[starts[from]..starts[start]];
        var after = text[starts[end]..starts[to]];
        // a cut word says less than no word
        if (from > 0 && before.IndexOfAny([' ', '\n']) is var space and >= 0) before = before[(space + 1)..];
        if (to < last && after.LastIndexOfAny([' ', '\n']) is var lastSpace and > 0) after = after[..lastSpace];
        var passage = OneLine(before + text[starts[start]..starts[end]] + after);
        return (from > 0 ? "…" : "") + passage + (to < last ? "…" : "");
    }

    private static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c)) space = true;
            else
            {
                if (space) builder.Append(' ');
                builder.Append(c);
                space = false;
            }
        }
        return Printable.Line(builder.ToString());
    }
}
