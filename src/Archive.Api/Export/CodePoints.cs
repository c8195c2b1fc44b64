namespace Archive.Api.Export;

/// <summary>Slices text by Unicode code points (as spans count them), never splitting a surrogate pair.</summary>
public static class CodePoints
{
    /// <summary>The text before <paramref name="start"/> (at most <paramref name="context"/> code points), at [start, end), and after end.</summary>
    public static (string Prefix, string Exact, string Suffix) Around(string text, int start, int end, int context)
    {
        var from = Index(text, Math.Max(0, start - context));
        var (s, e) = (Index(text, start), Index(text, end));
        var to = Index(text, end + context);
        return (text[from..s], text[s..e], text[e..to]);
    }

    /// <summary>The UTF-16 index of code point <paramref name="codePoint"/> (the text's length when past its end).</summary>
    public static int Index(string text, int codePoint)
    {
        var index = 0;
        for (var n = 0; n < codePoint && index < text.Length; n++)
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        return index;
    }
}
