using Archive.Domain.Common;
using Archive.Domain.Statements;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests.Statements;

/// <summary>An amended quote is located or checked like a recorded one, and the source's own characters are kept.</summary>
public sealed class AmendStatementQuoteTests
{
    private const string Reason = "Re-selected against the transcript.";
    private const string Repeating = "China said no. Then China said no again. He left.";

    private static Decision When(StatementChanges changes, params object[] more) =>
        AmendStatement.Handle(Given([ActorRegistered(), Recorded(), .. more]), new AmendStatement(StatementId, Reason, changes), Source(), Context);

    private static Decision InRepeatingSource(TextSpan recordedAt, StatementChanges changes)
    {
        var source = GivenSource(SourceRegistered(Repeating));
        var record = Record() with { SourceId = source.Id!, Quote = "China said no", Span = recordedAt };
        return AmendStatement.Handle(Given(ActorRegistered(), Recorded(record)),
            new AmendStatement(record.StatementId!, Reason, changes), source, Context);
    }

    [Fact]
    public void AmendStatement_NewQuoteWithoutSpan_IsLocatedAndStoredAsSourceCharacters()
    {
        var amended = Then.Accepted<StatementAmended>(When(new StatementChanges(Quote: "the corridor would bring prosperity to the whole region.")));

        Assert.Equal(new StatementChanges(Quote: SecondQuote, Span: SpanOf(SecondQuote)), amended.Changes);
    }

    [Fact]
    public void AmendStatement_NewQuoteNotInSource_IsRefusedWithClosestPassage()
    {
        var error = Then.Refused(When(new StatementChanges(Quote: "the corridor will bring prosperity to the whole region.")), ErrorKind.Validation, "quote");

        Assert.StartsWith("not found in the source; the closest passage is", error.Reason);
        Assert.Equal(SecondQuote, error.Details?.Closest?.Text);
    }

    [Fact]
    public void AmendStatement_NewQuoteOccurringSeveralTimesElsewhere_IsConflictListingSpans()
    {
        var error = Then.Refused(InRepeatingSource(new TextSpan(41, 49), new StatementChanges(Quote: "China said no")), ErrorKind.Conflict, "quote");

        Assert.Equal([new TextSpan(0, 13), new TextSpan(20, 33)], error.Details!.Occurrences.Select(o => o.Span));
    }

    [Fact]
    public void AmendStatement_QuoteOccurringSeveralTimesIncludingCurrentSpan_KeepsCurrentSpan() =>
        Then.NoOp(InRepeatingSource(new TextSpan(20, 33), new StatementChanges(Quote: "China  said\nno")));

    [Fact]
    public void AmendStatement_LegacyTypedQuote_IsReplacedBySourceCharacters()
    {
        // Recorded before the archive kept the source's words: the typed straight apostrophe was stored.
        var legacy = Recorded(Record() with { Quote = "We'll never accept interference in our internal affairs." });
        var decision = AmendStatement.Handle(Given(ActorRegistered(), legacy),
            new AmendStatement(StatementId, Reason, new StatementChanges(Quote: "We'll never accept interference in our internal affairs.")), Source(), Context);

        Assert.Equal(new StatementChanges(Quote: Quote), Then.Accepted<StatementAmended>(decision).Changes);
    }

    [Fact]
    public void AmendStatement_QuoteWithSpanWhereItDoesNotOccur_SaysWhatSourceHasThere()
    {
        var error = Then.Refused(When(new StatementChanges(Quote: SecondQuote, Span: new TextSpan(0, 8))), ErrorKind.Validation, "quote");

        var right = SpanOf(SecondQuote);
        Assert.Equal($"the source has “At the p” at 0–8; the quote occurs at {right.Start}–{right.End}", error.Reason);
    }

    [Fact]
    public void AmendStatement_ReportedFabricationToReportedKind_IsCheckedLikeDirect()
    {
        var legacy = Record() with { Quote = "Pakistan will withdraw from CPEC next year.", QuoteKind = QuoteKinds.Direct, Span = new TextSpan(0, 8) };
        var state = Given(ActorRegistered(), Recorded(legacy));

        var decision = AmendStatement.Handle(state, new AmendStatement(legacy.StatementId!, Reason, new StatementChanges(QuoteKind: QuoteKinds.Reported)),
            Source(), Context);

        Then.Refused(decision, ErrorKind.Validation, "quote");
    }
}
