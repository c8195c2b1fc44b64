using Archive.Domain.Common;
using Archive.Domain.Sources;
using Archive.Domain.Statements;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests.Statements;

/// <summary>The archive finds the span of a typed quote, checks every kind against the source, and keeps the source's words.</summary>
public sealed class RecordStatementLocateTests
{
    private const string StraightQuote = "We'll never accept interference in our internal affairs.";
    private const string Repeating = "China said no. Then China said no again.";

    private static RecordStatement Typed(string quote, string kind = QuoteKinds.Direct) => Record() with
    {
        Quote = quote, Span = null, QuoteKind = kind, CoSpeakers = kind == QuoteKinds.Joint ? [CoSpeakerId] : null,
    };

    private static (RecordStatement Command, RecordingContext Context) InRepeatingSource(string quote)
    {
        var source = GivenSource(SourceRegistered(Repeating));
        return (Typed(quote) with { SourceId = source.Id! }, Known(source));
    }

    [Fact]
    public void RecordStatement_NoSpanQuoteOccursOnce_RecordsAtLocatedSpanWithSourceWords()
    {
        var recorded = Then.Accepted<StatementRecorded>(Recording(Typed(StraightQuote)));

        Assert.Equal(SpanOf(Quote), recorded.Span);
        Assert.Equal(Quote, recorded.Quote);
        Assert.Equal(StatementIds.For(ActorId, SourceId, SpanOf(Quote)), recorded.StatementId);
    }

    [Fact]
    public void RecordStatement_SpanGivenQuoteTypedWithStraightMarks_StoresSourceCharacters() =>
        Assert.Equal(Quote, Then.Accepted<StatementRecorded>(Recording(Record() with { Quote = StraightQuote })).Quote);

    [Theory]
    [InlineData(QuoteKinds.Direct)]
    [InlineData(QuoteKinds.Reported)]
    [InlineData(QuoteKinds.Joint)]
    public void RecordStatement_SpanFromLocate_RecordsEveryKindThere(string kind)
    {
        var (search, errors) = LocateQuote.Handle(Source(), new LocateQuote("the corridor would bring prosperity to the whole region."));
        Assert.Empty(errors);
        var located = Assert.IsType<Passage>(search?.Single);

        var recorded = Then.Accepted<StatementRecorded>(Recording(Typed("the corridor would bring prosperity to the whole region.", kind) with { Span = located.Span }));

        Assert.Equal(located.Span, recorded.Span);
        Assert.Equal(located.Text, recorded.Quote);
        Assert.Equal(SecondQuote, recorded.Quote);
    }

    [Fact]
    public void RecordStatement_NoSpanQuoteNotInSource_IsRefusedOnQuoteWithClosestPassage()
    {
        var error = Then.Refused(Recording(Typed("We will never accept interference in our internal affairs.")), ErrorKind.Validation, "quote");

        var span = SpanOf(Quote);
        Assert.Equal($"not found in the source; the closest passage is “{Quote}” at {span.Start}–{span.End}", error.Reason);
        Assert.Equal(new Passage(span, Quote), error.Details?.Closest);
        Assert.Equal(0, error.Details?.Count);
    }

    [Fact]
    public void RecordStatement_NoSpanQuoteOccursSeveralTimes_IsConflictListingEverySpan()
    {
        var (command, context) = InRepeatingSource("China said no");

        var error = Then.Refused(Recording(command, context), ErrorKind.Conflict, "quote");

        Assert.Equal("occurs 2 times in the source (at 0–13, 20–33); send the span of the one you mean", error.Reason);
        Assert.Equal([new TextSpan(0, 13), new TextSpan(20, 33)], error.Details!.Occurrences.Select(o => o.Span));
    }

    [Fact]
    public void RecordStatement_SeveralOccurrencesAndOneSpanSent_RecordsThatOne()
    {
        var (command, context) = InRepeatingSource("China said no");

        Assert.Equal(new TextSpan(20, 33), Then.Accepted<StatementRecorded>(Recording(command with { Span = new TextSpan(20, 33) }, context)).Span);
    }

    [Fact]
    public void RecordStatement_FabricatedReportedQuoteAtSpanOfOtherWords_IsRefusedSayingWhatSourceHas()
    {
        var command = Typed("Pakistan will withdraw from CPEC next year.", QuoteKinds.Reported) with { Span = new TextSpan(0, 8) };

        var error = Then.Refused(Recording(command), ErrorKind.Validation, "quote");

        Assert.StartsWith("the source has “At the p” at 0–8; the quote does not occur in the source", error.Reason);
        Assert.Equal(new Passage(new TextSpan(0, 8), "At the p"), error.Details?.AtSpan);
        Assert.Empty(error.Details!.Occurrences);
    }

    [Fact]
    public void RecordStatement_DirectQuoteAtWrongSpan_SaysWhereQuoteOccurs()
    {
        var wrong = SpanOf(SecondQuote);

        var error = Then.Refused(Recording(Record() with { Span = wrong }), ErrorKind.Validation, "quote");

        var right = SpanOf(Quote);
        Assert.Equal($"the source has “{SecondQuote}” at {wrong.Start}–{wrong.End}; the quote occurs at {right.Start}–{right.End}", error.Reason);
        Assert.Equal(right, Assert.Single(error.Details!.Occurrences).Span);
    }

    [Fact]
    public void RecordStatement_SpanIncludingSpaceBeforeQuote_IsRefusedNamingTheExactSpan()
    {
        var exact = SpanOf(SecondQuote);

        var error = Then.Refused(Recording(Record(SecondQuote) with { Span = exact with { Start = exact.Start - 1 } }), ErrorKind.Validation, "quote");

        Assert.EndsWith($"the quote occurs at {exact.Start}–{exact.End}", error.Reason);
    }

    [Fact]
    public void RecordStatement_LongPassageAtWrongSpan_ShortensItInReasonButNotInDetails()
    {
        var sentence = "The spokesperson said " + string.Join(", ", Enumerable.Range(1, 30).Select(i => $"point {i}")) + ".";
        var source = GivenSource(SourceRegistered(sentence + " Then the briefing ended."));
        var command = Typed("Then the briefing ended.") with { SourceId = source.Id!, Span = new TextSpan(0, sentence.Length) };

        var error = Then.Refused(Recording(command, Known(source)), ErrorKind.Validation, "quote");

        Assert.Matches(@"^the source has “The spokesperson said point 1, [^…]*point \d+, … \d+, point 29, point 30\.” at 0–312; the quote occurs at 313–337$", error.Reason);
        Assert.True(error.Reason.Length < sentence.Length + 60, error.Reason);
        Assert.Equal(sentence, error.Details?.AtSpan?.Text);
    }

    [Fact]
    public void RecordStatement_SameLocatedQuoteAgain_IsNoOp()
    {
        var first = Then.Accepted<StatementRecorded>(Recording(Typed(StraightQuote)));

        Then.NoOp(Recording(Typed(Quote), state: Given(ActorRegistered(), first)));
    }

    [Fact]
    public void Located_QuoteOccursOnce_FillsSpanAndId()
    {
        var located = Typed(StraightQuote).Located(Source());

        Assert.Equal(SpanOf(Quote), located.Span);
        Assert.Equal(StatementId, located.StatementId);
    }

    [Fact]
    public void Located_QuoteOccursSeveralTimes_LeavesSpanUnknown()
    {
        var (command, context) = InRepeatingSource("China said no");

        var located = command.Located(context.Source);

        Assert.Null(located.Span);
        Assert.Null(located.StatementId);
    }

    [Fact]
    public void RecordStatement_QuoteOfInvisibleCharactersOnly_IsRefusedNamingQuote() =>
        Then.Refused(Recording(Typed("\u200B\u00AD")), ErrorKind.Validation, "quote");

    [Fact]
    public void RecordStatement_TopicMerged_IsConflictNamingWhereItWent()
    {
        var context = Known() with { MergedTopics = new Dictionary<string, string> { ["cpec"] = "belt-and-road" } };

        var error = Then.Refused(Recording(Record(), context), ErrorKind.Conflict, "topics");

        Assert.Contains("'belt-and-road'", error.Reason, StringComparison.Ordinal);
    }
}
