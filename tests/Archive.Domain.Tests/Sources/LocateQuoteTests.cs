using Archive.Domain.Common;
using Archive.Domain.Sources;
using Archive.Domain.Statements;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests.Sources;

public sealed class LocateQuoteTests
{
    [Fact]
    public void LocateQuote_TypedQuote_AnswersSourceCharactersAndSpan()
    {
        var (search, errors) = LocateQuote.Handle(Source(), new LocateQuote("We'll never accept interference in our internal affairs."));

        Assert.Empty(errors);
        Assert.Equal(new Passage(SpanOf(Quote), Quote), Assert.Single(search!.Occurrences));
    }

    [Fact]
    public void LocateQuote_NotInSource_AnswersNoOccurrenceAndClosestPassage()
    {
        var (search, _) = LocateQuote.Handle(Source(), new LocateQuote("No answers were given."));

        Assert.Equal(0, search!.Count);
        Assert.Equal("No answer was given.", search.Closest?.Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" \n ")]
    [InlineData("\u200B")]
    public void LocateQuote_NothingToFind_IsRefusedNamingQuote(string? quote)
    {
        var (search, errors) = LocateQuote.Handle(Source(), new LocateQuote(quote));

        Assert.Null(search);
        Assert.Equal("quote", Assert.Single(errors).Field);
    }

    [Fact]
    public void LocateQuote_SourceNotRegistered_IsNotFoundNamingSourceId()
    {
        var (_, errors) = LocateQuote.Handle(SourceState.Empty, new LocateQuote("anything"));

        Assert.Equal((ErrorKind.NotFound, "sourceId"), (Assert.Single(errors).Kind, errors[0].Field));
    }

    [Fact]
    public void LocateQuote_QuoteLongerThanLimit_IsRefusedNamingQuote() =>
        Assert.Equal("quote", Assert.Single(LocateQuote.Handle(Source(), new LocateQuote(new string('x', RecordStatement.MaxQuoteLength + 1))).Errors).Field);
}
