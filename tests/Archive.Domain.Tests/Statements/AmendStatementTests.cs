using Archive.Domain.Common;
using Archive.Domain.Statements;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests.Statements;

public sealed class AmendStatementTests
{
    private const string Reason = "Corrected against the ministry's transcript.";
    private const string StraightQuote = "We'll never accept interference in our internal affairs.";

    private static Decision When(StatementChanges changes, params object[] more) =>
        AmendStatement.Handle(Given([ActorRegistered(), Recorded(), .. more]), new AmendStatement(StatementId, Reason, changes), Source(), Context);

    private static StatementAmended Amended(StatementChanges changes) => new(ActorId, StatementId, changes, Reason, Archivist, Earlier);

    [Fact]
    public void AmendStatement_ChangedSaidOn_RecordsAmendment() =>
        Assert.Equal(new StatementAmended(ActorId, StatementId, new StatementChanges(SaidOn: new DateOnly(2025, 2, 21)), Reason, Archivist, Now),
            Then.Accepted<StatementAmended>(When(new StatementChanges(SaidOn: new DateOnly(2025, 2, 21)))));

    [Fact]
    public void AmendStatement_SomeFieldsUnchanged_RecordsOnlyChangedFields()
    {
        var changes = new StatementChanges(Quote: Quote, Span: SpanOf(Quote), SaidOn: SaidOn, Occasion: "Press briefing", QuoteKind: QuoteKinds.Direct, Language: "en");

        var amended = Then.Accepted<StatementAmended>(When(changes));

        Assert.Equal(new StatementChanges(Occasion: "Press briefing"), amended.Changes);
    }

    [Fact]
    public void AmendStatement_Repeated_IsNoOp() =>
        Then.NoOp(When(new StatementChanges(Occasion: "Press briefing"), Amended(new StatementChanges(Occasion: "Press briefing"))));

    [Fact]
    public void AmendStatement_AllFieldsEqualCurrent_IsNoOp() =>
        Then.NoOp(When(new StatementChanges(Quote: Quote, SaidOn: SaidOn, Language: "en")));

    [Fact]
    public void AmendStatement_NoFields_IsRefusedNamingChanges() =>
        Then.Refused(When(new StatementChanges()), ErrorKind.Validation, "changes");

    [Fact]
    public void AmendStatement_BlankReason_IsRefusedNamingReason() =>
        Then.Refused(AmendStatement.Handle(Given(ActorRegistered(), Recorded()),
            new AmendStatement(StatementId, " ", new StatementChanges(Occasion: "Press briefing")), Source(), Context), ErrorKind.Validation, "reason");

    [Fact]
    public void AmendStatement_UnknownStatement_IsNotFoundNamingId() =>
        Then.Refused(AmendStatement.Handle(Given(ActorRegistered()), new AmendStatement(StatementId, Reason, new StatementChanges(Occasion: "Press briefing")),
            Source(), Context), ErrorKind.NotFound, "id");

    [Fact]
    public void AmendStatement_RetractedStatement_IsConflictOnId() =>
        Then.Refused(When(new StatementChanges(Occasion: "Press briefing"), new StatementRetracted(ActorId, StatementId, "Misattributed", Archivist, Earlier)),
            ErrorKind.Conflict, "id");

    [Fact]
    public void AmendStatement_SpanToOtherTextWithSameDirectQuote_IsRefusedNamingQuote() =>
        Then.Refused(When(new StatementChanges(Span: SpanOf(SecondQuote))), ErrorKind.Validation, "quote");

    [Fact]
    public void AmendStatement_SpanAndQuoteToOtherText_RecordsBoth()
    {
        var changes = new StatementChanges(Quote: SecondQuote, Span: SpanOf(SecondQuote));

        Assert.Equal(changes, Then.Accepted<StatementAmended>(When(changes)).Changes);
    }

    [Fact]
    public void AmendStatement_SpanBeyondText_IsRefusedNamingSpanEnd() =>
        Then.Refused(When(new StatementChanges(Span: new TextSpan(Text.Length - 3, Text.Length + 1))), ErrorKind.Validation, "span.end");

    [Fact]
    public void AmendStatement_SpanEndNotAfterStart_IsRefusedNamingSpanEnd() =>
        Then.Refused(When(new StatementChanges(Span: new TextSpan(5, 5))), ErrorKind.Validation, "span.end");

    [Fact]
    public void AmendStatement_QuoteToDifferentWord_IsRefusedNamingQuote() =>
        Then.Refused(When(new StatementChanges(Quote: "We’ll never accept interference in our external affairs.")), ErrorKind.Validation, "quote");

    [Fact]
    public void AmendStatement_QuoteRetypedWithStraightQuoteMarks_IsNoOpKeepingSourceWords() =>
        Then.NoOp(When(new StatementChanges(Quote: StraightQuote)));

    [Fact]
    public void AmendStatement_QuoteWithoutSource_IsNotFoundNamingSourceId() =>
        Then.Refused(AmendStatement.Handle(Given(ActorRegistered(), Recorded()),
            new AmendStatement(StatementId, Reason, new StatementChanges(Quote: StraightQuote)), null, Context), ErrorKind.NotFound, "sourceId");

    [Fact]
    public void AmendStatement_OccasionWithoutSource_RecordsAmendment() =>
        Then.Accepted<StatementAmended>(AmendStatement.Handle(Given(ActorRegistered(), Recorded()),
            new AmendStatement(StatementId, Reason, new StatementChanges(Occasion: "Press briefing")), null, Context));

    [Fact]
    public void AmendStatement_ReportedToDirectWithNonMatchingQuote_IsRefusedNamingQuote()
    {
        var reported = Record() with { Quote = "He rejected outside interference.", QuoteKind = QuoteKinds.Reported };
        var state = Given(ActorRegistered(), Recorded(reported));

        var decision = AmendStatement.Handle(state, new AmendStatement(reported.StatementId!, Reason, new StatementChanges(QuoteKind: QuoteKinds.Direct)),
            Source(), Context);

        Then.Refused(decision, ErrorKind.Validation, "quote");
    }

    [Fact]
    public void AmendStatement_ToJointWithoutCoSpeakers_IsRefusedNamingQuoteKind() =>
        Then.Refused(When(new StatementChanges(QuoteKind: QuoteKinds.Joint)), ErrorKind.Validation, "quoteKind");

    [Fact]
    public void AmendStatement_SaidOnAfterNow_IsRefusedNamingSaidOn() =>
        Then.Refused(When(new StatementChanges(SaidOn: new DateOnly(2025, 3, 3))), ErrorKind.Validation, "saidOn");

    [Fact]
    public void AmendStatement_SaidOnBeforeYear1000_IsRefusedNamingSaidOn() =>
        Then.Refused(When(new StatementChanges(SaidOn: new DateOnly(999, 1, 1))), ErrorKind.Validation, "saidOn");

    [Fact]
    public void Apply_QuoteAmendedOnVerifiedStatement_DropsVerification()
    {
        const string other = "Reporters asked about the summit.";
        var verified = Given(ActorRegistered(), Recorded(), new StatementVerified(ActorId, StatementId, "video", null, Archivist, Earlier));
        Assert.NotNull(verified.Statement(StatementId)!.Verified);
        var amended = Then.Accepted<StatementAmended>(AmendStatement.Handle(verified,
            new AmendStatement(StatementId, Reason, new StatementChanges(Quote: other)), Source(), Context));

        var statement = verified.Apply(amended).Statement(StatementId)!;

        Assert.Equal(StatementStatus.Recorded, statement.Status);
        Assert.Null(statement.Verified);
        Assert.Equal(Fingerprints.Of(other), statement.Quote);
        Assert.Equal(SpanOf(other), statement.Span);
        Assert.Equal(3, statement.Revision);
    }

    [Fact]
    public void Apply_SpanAmendedOnVerifiedStatement_SetsStatusBackToRecorded()
    {
        var state = Given(ActorRegistered(), Recorded(), new StatementVerified(ActorId, StatementId, "video", null, Archivist, Earlier),
            Amended(new StatementChanges(Quote: SecondQuote, Span: SpanOf(SecondQuote))));

        Assert.Equal(StatementStatus.Recorded, state.Statement(StatementId)!.Status);
    }

    [Fact]
    public void Apply_OccasionAmendedOnVerifiedStatement_KeepsVerified()
    {
        var state = Given(ActorRegistered(), Recorded(), new StatementVerified(ActorId, StatementId, "video", null, Archivist, Earlier),
            Amended(new StatementChanges(Occasion: "Press briefing")));

        Assert.Equal(StatementStatus.Verified, state.Statement(StatementId)!.Status);
        Assert.NotNull(state.Statement(StatementId)!.Verified);
        Assert.Equal(Fingerprints.Of("Press briefing"), state.Statement(StatementId)!.Occasion);
    }

    [Fact]
    public void Apply_QuoteAmendedOnDisputedStatement_KeepsDisputed()
    {
        var state = Given(ActorRegistered(), Recorded(), new StatementDisputed(ActorId, StatementId, "Embassy denies it", Archivist, Earlier),
            Amended(new StatementChanges(Quote: SecondQuote, Span: SpanOf(SecondQuote))));

        Assert.Equal(StatementStatus.Disputed, state.Statement(StatementId)!.Status);
    }
}
