using Archive.Web.Statements;
using Xunit;

namespace Archive.Web.Tests.Text;

public sealed class QuoteContextTests
{
    [Fact]
    public void Around_QuoteInTheMiddle_ShowsThePreviousAndTheNextSentence()
    {
        // given four sentences and a quote inside the third
        const string text = "One came first. Two came next. Three said “we agree” loudly. Four closed it. Five was late.";
        var start = text.IndexOf("we agree", StringComparison.Ordinal);

        // when its context is taken
        var context = QuoteContext.Around(text, start, start + "we agree".Length);

        // then it runs from the sentence before to the end of the sentence after
        Assert.Equal("Two came next. Three said “", context.Before);
        Assert.Equal("we agree", context.Quote);
        Assert.Equal("” loudly. Four closed it.", context.After);
        Assert.True(context.CutBefore && context.CutAfter);
    }

    [Fact]
    public void Around_CjkWithoutSpaces_SplitsAtFullStops()
    {
        // given Chinese sentences (no spaces) after an emoji, so UTF-16 and code points differ
        const string text = "😀第一句。第二句说了重要的话。第三句。第四句。";
        var start = text.EnumerateRunes().ToList().FindIndex(r => r.Value == '重');

        // when the context of two code points is taken
        var context = QuoteContext.Around(text, start, start + 2);

        // then it holds the first, second and third sentences, and the quote is exactly those two characters
        Assert.Equal("重要", context.Quote);
        Assert.Equal("😀第一句。第二句说了", context.Before);
        Assert.Equal("的话。第三句。", context.After);
        Assert.False(context.CutBefore);
    }

    [Fact]
    public void Around_OneLongSentence_IsCutAtAWordWithAMarker()
    {
        // given a quote in the middle of a very long sentence
        var words = string.Join(' ', Enumerable.Range(0, 400).Select(i => $"w{i}"));
        var start = words.IndexOf("w200", StringComparison.Ordinal);

        // when its context is taken
        var context = QuoteContext.Around(words, start, start + 4);

        // then each side is cut short at a word boundary
        Assert.True(context.CutBefore && context.CutAfter);
        Assert.InRange(context.Before.Length, 1, 600);
        Assert.InRange(context.After.Length, 1, 601);
        Assert.StartsWith("w", context.Before);
    }
}
