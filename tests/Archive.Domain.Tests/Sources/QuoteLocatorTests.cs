using Archive.Domain.Sources;
using Archive.Domain.Statements;
using Xunit;

namespace Archive.Domain.Tests.Sources;

/// <summary>A typed quote finds the source's own characters, with spans a person would count in code points.</summary>
public sealed class QuoteLocatorTests
{
    private static QuoteSearch Locate(string text, string quote) => QuoteLocator.For(SourceText.Normalise(text)).Locate(quote);

    private static Passage Single(string text, string quote)
    {
        var search = Locate(text, quote);
        Assert.True(search.Count == 1, $"expected one occurrence of '{quote}', found {search.Count}");
        return Assert.Single(search.Occurrences);
    }

    [Fact]
    public void Locate_EmojiBeforeQuote_CountsCodePointsNotUtf16UnitsOrBytes()
    {
        // "😀😀 " is 3 code points, 5 UTF-16 units and 9 UTF-8 bytes: "we win" starts at code point 3.
        var found = Single("😀😀 we win 🎉 today", "we win");

        Assert.Equal(new TextSpan(3, 9), found.Span);
        Assert.Equal("we win", found.Text);
    }

    [Fact]
    public void Locate_QuoteContainingEmoji_SpansEmojiAsOneCodePoint()
    {
        var found = Single("Smile 😀 we win", "Smile 😀 we");

        Assert.Equal(new TextSpan(0, 10), found.Span);
        Assert.Equal("Smile 😀 we", found.Text);
    }

    [Theory]
    [InlineData("他说：「我们不会接受干涉。」然后离开。", "\"我们不会接受干涉。\"", "「我们不会接受干涉。」", 3, 14)]
    [InlineData("他说：『合作共赢』。", "“合作共赢”", "『合作共赢』", 3, 9)]
    [InlineData("他说：〝合作〞。", "\"合作\"", "〝合作〞", 3, 7)]
    public void Locate_CjkQuoteMarks_MatchTypedQuoteMarksAndKeepSourceOnes(string text, string quote, string expected, int start, int end)
    {
        var found = Single(text, quote);

        Assert.Equal(expected, found.Text);
        Assert.Equal(new TextSpan(start, end), found.Span);
    }

    [Fact]
    public void Locate_QuoteAcrossLineBreak_MatchesTypedSpace()
    {
        var found = Single("He added that the corridor\nwould bring prosperity.", "the corridor would bring");

        Assert.Equal("the corridor\nwould bring", found.Text);
        Assert.Equal(new TextSpan(14, 38), found.Span);
    }

    [Theory]
    [InlineData("We’ll go.", "We'll go.")]
    [InlineData("We'll go.", "We’ll go.")]
    [InlineData("“We go”", "\"We go\"")]
    [InlineData("«We go»", "\"We go\"")]
    [InlineData("‘We go’", "'We go'")]
    [InlineData("Sino-Pakistani ties", "Sino–Pakistani ties")]
    [InlineData("Sino–Pakistani ties", "Sino-Pakistani ties")]
    [InlineData("ties — strong ties", "ties - strong ties")]
    [InlineData("−5 degrees", "-5 degrees")]
    [InlineData("no\u00A0change", "no change")]
    [InlineData("no\u3000change", "no change")]
    [InlineData("no  \n\t change", "no change")]
    [InlineData("co\u00ADoperation", "cooperation")]
    [InlineData("Wait… and see", "Wait... and see")]
    [InlineData("Wait... and see", "Wait… and see")]
    public void Locate_TypedFormDiffersOnlyInFoldedCharacters_FindsSourceCharacters(string text, string quote)
    {
        var found = Single(text, quote);

        Assert.Equal(text, found.Text);
        Assert.Equal(new TextSpan(0, SourceText.CodePointLength(text)), found.Span);
    }

    [Fact]
    public void Locate_NfdTypedQuoteAgainstNfcSource_FindsIt()
    {
        const string nfd = "Cafe\u0301 diplomacy";

        var found = Single("Caf\u00E9 diplomacy works", nfd);

        Assert.Equal("Caf\u00E9 diplomacy", found.Text);
        Assert.Equal(new TextSpan(0, 14), found.Span);
    }

    [Fact]
    public void Locate_QuoteWithSurroundingWhitespace_IgnoresItAndSpansOnlyMatchedCharacters()
    {
        var found = Single("He said:  \n  we win  \n today", " \n we win\t ");

        Assert.Equal("we win", found.Text);
        Assert.Equal(new TextSpan(13, 19), found.Span);
    }

    [Theory]
    [InlineData("we win")]
    [InlineData("We Win")]
    public void Locate_CaseDiffers_IsNotFound(string quote) =>
        Assert.Equal(0, Locate("We win today.", quote).Count);

    [Fact]
    public void Locate_SeveralOccurrences_ListsEveryOneInTextOrder()
    {
        var search = Locate("China said no. Then China said no again. China said no.", "China said no");

        Assert.Equal(3, search.Count);
        Assert.Equal([new TextSpan(0, 13), new TextSpan(20, 33), new TextSpan(41, 54)], search.Occurrences.Select(o => o.Span));
        Assert.All(search.Occurrences, o => Assert.Equal("China said no", o.Text));
        Assert.Null(search.Closest);
        Assert.Null(search.Single);
    }

    [Fact]
    public void Locate_QuoteEndingInsideEllipsis_IsNotFound() =>
        Assert.Equal(0, Locate("Wait… and see", "Wait..").Count);

    [Fact]
    public void Locate_MoreOccurrencesThanListed_CountsAllListsTheFirst()
    {
        var text = string.Join(" ", Enumerable.Repeat("yes", QuoteLocator.MaxListed + 5));

        var search = Locate(text, "yes");

        Assert.Equal(QuoteLocator.MaxListed + 5, search.Count);
        Assert.Equal(QuoteLocator.MaxListed, search.Occurrences.Count);
        Assert.Equal(new TextSpan(0, 3), search.Occurrences[0].Span);
    }

    [Fact]
    public void Locate_NotFound_GivesClosestPassageWithSourceCharacters()
    {
        const string text = "At the press conference Lin Jian said: “We’ll never accept interference in our internal affairs.” Then he left.";

        var search = Locate(text, "We will never accept interference in our internal affairs.");

        Assert.Equal(0, search.Count);
        var closest = Assert.IsType<Passage>(search.Closest);
        Assert.Equal("We’ll never accept interference in our internal affairs.", closest.Text);
        Assert.Equal(new TextSpan(40, 96), closest.Span);
    }

    [Fact]
    public void Locate_NotFoundOnlyByCase_ClosestPassageIsTheSourceCasing()
    {
        var closest = Locate("Reporters asked about the summit. No answer was given.", "no answer was given.").Closest;

        Assert.Equal("No answer was given.", closest?.Text);
    }

    [Fact]
    public void Locate_NothingAlike_HasNoClosestPassage()
    {
        var search = Locate("abc def", "xyz");

        Assert.Equal(0, search.Count);
        Assert.Null(search.Closest);
    }

    [Fact]
    public void Locate_TwoMillionCharacterSource_FindsQuoteNearTheEndAndClosestPassage()
    {
        var filler = string.Concat(Enumerable.Repeat("The delegation discussed trade 😀 and ports. ", 22_200));
        var text = filler + "“We’ll never accept interference.” " + filler.TrimEnd();
        Assert.InRange(text.Length, 1_990_000, SourceText.MaxLength);
        var locator = QuoteLocator.For(text);
        var expectedStart = SourceText.CodePointLength(filler) + 1;

        var found = locator.Locate("We'll never accept interference.");
        var closest = locator.Locate("We'll always accept interference.").Closest;

        Assert.Equal(new TextSpan(expectedStart, expectedStart + 32), Assert.Single(found.Occurrences).Span);
        Assert.NotNull(closest);
        Assert.Contains("accept interference", closest.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void For_SameTextInstance_ReturnsSameLocator()
    {
        var text = SourceText.Normalise("Some text to fold once.");

        Assert.Same(QuoteLocator.For(text), QuoteLocator.For(text));
    }

    [Theory]
    [InlineData(3, 9, true)]
    [InlineData(2, 9, false)]
    [InlineData(3, 10, false)]
    [InlineData(0, 9, false)]
    public void OccursAt_SpanOfOccurrenceOrNot_TellsExactly(int start, int end, bool expected) =>
        Assert.Equal(expected, QuoteLocator.For("😀😀 we win 🎉 today").OccursAt("we win", new TextSpan(start, end)));

    [Theory]
    [InlineData(0, 1, "😀")]
    [InlineData(3, 9, "we win")]
    [InlineData(10, 11, "🎉")]
    public void At_SpanInCodePoints_SlicesSourceCharacters(int start, int end, string expected) =>
        Assert.Equal(expected, QuoteLocator.For("😀😀 we win 🎉 today").At(new TextSpan(start, end))?.Text);

    [Theory]
    [InlineData(0, 18)]
    [InlineData(-1, 2)]
    [InlineData(5, 5)]
    public void At_SpanOutsideText_IsNull(int start, int end) =>
        Assert.Null(QuoteLocator.For("😀😀 we win 🎉 today").At(new TextSpan(start, end)));
}
