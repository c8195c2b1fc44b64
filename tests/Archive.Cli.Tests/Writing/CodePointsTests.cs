using Archive.Cli.Shell;
using Archive.Cli.Writes;
using Archive.Domain.Sources;
using Xunit;

namespace Archive.Cli.Tests.Writing;

/// <summary>The offsets and passages the command line prints are the archive's: code points, whatever the script.</summary>
public sealed class CodePointsTests
{
    [Theory]
    [InlineData("one line")]
    [InlineData("😀\n😀😀\n")]
    [InlineData("a\n\n\nb")]
    [InlineData("𠀀 (an ideograph beyond the first plane)\n中文 and 😀 mixed\nend 👍🏽")]
    [InlineData("\ud800 a lone surrogate\nafter it")]
    public void Lines_AnyText_EachOffsetIsWhereTheArchiveFindsTheLine(string text)
    {
        // given any text, when it is split into lines with offsets
        var lines = CodePoints.Lines(text).ToArray();

        // then the lines are the text's, and the offset of each is the code-point length of everything before it
        Assert.Equal(text.Split('\n'), lines.Select(l => l.Line));
        var before = 0;
        foreach (var (offset, line) in lines)
        {
            Assert.Equal(before, offset);
            before += Count(line) + 1;
        }
    }

    [Fact]
    public void Starts_EmojiAndCjk_OneEntryPerCodePointAndTheEnd()
    {
        var starts = CodePoints.Starts("a😀中b");

        Assert.Equal([0, 1, 3, 4, 5], starts);
    }

    [Fact]
    public void InContext_PassageAfterAnEmoji_ShowsTheSourcesCharactersThere()
    {
        // given a text whose second line follows an emoji
        const string text = "Opening remarks 😀 by the chair.\n中文 the port will open in spring, she said.";
        var starts = CodePoints.Starts(text);
        var start = SourceText.CodePointLength(text[..text.IndexOf("the port", StringComparison.Ordinal)]);

        // when the passage at its code-point span is shown in context
        var shown = Quotes.InContext(text, starts, start, start + 28, around: 8);

        // then
        Assert.Equal("…中文 the port will open in spring, she…", shown);
    }

    [Fact]
    public void Shown_LongQuoteOfEmoji_ShortensWithoutSplittingOne()
    {
        var quote = string.Concat(Enumerable.Repeat("😀", 200));

        var shown = Quotes.Shown(quote);

        Assert.Contains(" … ", shown);
        Assert.True(shown.Length < quote.Length);
        Assert.DoesNotContain(shown.Replace("😀", "").Replace(" … ", ""), c => char.IsSurrogate(c));
    }

    private static int Count(string text)
    {
        var n = 0;
        for (var i = 0; i < text.Length; i++, n++)
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
        return n;
    }
}
