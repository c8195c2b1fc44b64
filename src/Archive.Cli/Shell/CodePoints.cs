namespace Archive.Cli.Shell;

/// <summary>
/// The archive counts offsets in Unicode code points (an emoji or a CJK character is one); .NET strings count UTF-16 units.
/// These convert, so nobody has to.
/// </summary>
public static class CodePoints
{
    /// <summary>Each line of <paramref name="text"/> (split at <c>\n</c>) with the code-point offset of its first character.</summary>
    public static IEnumerable<(int Offset, string Line)> Lines(string text)
    {
        int codePoint = 0, lineStart = 0, lineOffset = 0;
        for (var i = 0; i < text.Length; i++, codePoint++)
        {
            if (text[i] == '\n')
            {
                yield return (lineOffset, text[lineStart..i]);
                (lineStart, lineOffset) = (i + 1, codePoint + 1);
            }
            else if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
        }
        yield return (lineOffset, text[lineStart..]);
    }

    /// <summary>The UTF-16 index at which each code point of <paramref name="text"/> starts, and the text's length last.</summary>
    public static int[] Starts(string text)
    {
        var starts = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            starts.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
        }
        starts.Add(text.Length);
        return [.. starts];
    }
}
