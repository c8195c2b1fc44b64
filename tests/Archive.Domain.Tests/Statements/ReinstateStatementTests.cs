using Archive.Domain.Common;
using Archive.Domain.Statements;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests.Statements;

/// <summary>Retraction is not a dead end: a retracted statement can be reinstated to the status it had, then amended.</summary>
public sealed class ReinstateStatementTests
{
    private const string Because = "The ministry's transcript confirms the attribution.";
    private static readonly ReinstateStatement Command = new(StatementId, Because);
    private static readonly StatementRetracted Retracted = new(ActorId, StatementId, "Misattributed", Archivist, Earlier);

    private static Decision When(params object[] history) => ReinstateStatement.Handle(Given([ActorRegistered(), Recorded(), .. history]), Command, Context);

    [Fact]
    public void ReinstateStatement_RetractedRecordedStatement_ReturnsToRecorded() =>
        Assert.Equal(new StatementReinstated(ActorId, StatementId, Because, StatementStatus.Recorded, null, Archivist, Now),
            Then.Accepted<StatementReinstated>(When(Retracted)));

    [Fact]
    public void ReinstateStatement_RetractedVerifiedStatement_ReturnsToVerifiedKeepingVerification()
    {
        var verified = new StatementVerified(ActorId, StatementId, "video", "minute 12", Archivist, Earlier);
        var reinstated = Then.Accepted<StatementReinstated>(When(verified, Retracted));

        var statement = Given(ActorRegistered(), Recorded(), verified, Retracted, reinstated).Statement(StatementId)!;

        Assert.Equal(StatementStatus.Verified, statement.Status);
        Assert.Equal(Fingerprints.Verification("video", "minute 12"), statement.Verified);
    }

    [Fact]
    public void ReinstateStatement_RetractedDisputedStatement_ReturnsToDisputedWithItsReason()
    {
        var reinstated = Then.Accepted<StatementReinstated>(When(new StatementDisputed(ActorId, StatementId, "Embassy denies it", Archivist, Earlier), Retracted));

        Assert.Equal((StatementStatus.Disputed, "Embassy denies it"), (reinstated.Status, reinstated.StatusReason));
    }

    [Fact]
    public void ReinstateStatement_ThenAmend_IsAccepted()
    {
        var reinstated = Then.Accepted<StatementReinstated>(When(Retracted));
        var state = Given(ActorRegistered(), Recorded(), Retracted, reinstated);

        var amended = AmendStatement.Handle(state, new AmendStatement(StatementId, "Occasion misnamed", new StatementChanges(Occasion: "Press briefing")), Source(), Context);

        Then.Accepted<StatementAmended>(amended);
        Assert.False(state.Statement(StatementId)!.IsRetracted);
    }

    [Fact]
    public void ReinstateStatement_Repeated_IsNoOp()
    {
        var reinstated = Then.Accepted<StatementReinstated>(When(Retracted));

        Then.NoOp(When(Retracted, reinstated));
    }

    [Fact]
    public void ReinstateStatement_NotRetracted_IsConflictOnId() =>
        Assert.Contains("only a retracted statement", Then.Refused(When(), ErrorKind.Conflict, "id").Reason, StringComparison.Ordinal);

    [Fact]
    public void ReinstateStatement_RetractedAgainAfterReinstatement_CanBeReinstatedAgain()
    {
        var reinstated = new StatementReinstated(ActorId, StatementId, Because, StatementStatus.Recorded, null, Archivist, Earlier);

        Then.Accepted<StatementReinstated>(When(Retracted, reinstated, Retracted));
    }

    [Fact]
    public void ReinstateStatement_UnknownStatement_IsNotFoundNamingId() =>
        Then.Refused(ReinstateStatement.Handle(Given(ActorRegistered()), Command, Context), ErrorKind.NotFound, "id");

    [Fact]
    public void ReinstateStatement_BlankReason_IsRefusedNamingReason() =>
        Then.Refused(ReinstateStatement.Handle(Given(ActorRegistered(), Recorded(), Retracted), Command with { Reason = " " }, Context),
            ErrorKind.Validation, "reason");

    [Fact]
    public void AmendStatement_Retracted_SaysToReinstateFirst() =>
        Assert.Contains("reinstated", Then.Refused(AmendStatement.Handle(Given(ActorRegistered(), Recorded(), Retracted),
            new AmendStatement(StatementId, "Occasion misnamed", new StatementChanges(Occasion: "Press briefing")), Source(), Context), ErrorKind.Conflict, "id").Reason,
            StringComparison.Ordinal);
}
