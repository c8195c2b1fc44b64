using Archive.Domain.Common;
using Archive.Domain.Statements;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests.Statements;

public sealed class DisputeStatementTests
{
    private static readonly DisputeStatement Command = new(StatementId, "The embassy denies the remark.");

    [Fact]
    public void DisputeStatement_RecordedStatement_RecordsDispute() =>
        Assert.Equal(new StatementDisputed(ActorId, StatementId, Command.Reason, Archivist, Now),
            Then.Accepted<StatementDisputed>(DisputeStatement.Handle(Given(ActorRegistered(), Recorded()), Command, Context)));

    [Fact]
    public void DisputeStatement_UnknownStatement_IsNotFoundNamingId() =>
        Then.Refused(DisputeStatement.Handle(Given(ActorRegistered()), Command, Context), ErrorKind.NotFound, "id");

    [Fact]
    public void DisputeStatement_TwiceWithSameReason_IsNoOp()
    {
        var state = Given(ActorRegistered(), Recorded(), new StatementDisputed(ActorId, StatementId, Command.Reason, Archivist, Earlier));

        Then.NoOp(DisputeStatement.Handle(state, Command, Context));
    }

    [Fact]
    public void DisputeStatement_AgainWithOtherReason_RecordsDispute()
    {
        var state = Given(ActorRegistered(), Recorded(), new StatementDisputed(ActorId, StatementId, Command.Reason, Archivist, Earlier));

        Then.Accepted<StatementDisputed>(DisputeStatement.Handle(state, Command with { Reason = "A second outlet contradicts it." }, Context));
    }

    [Fact]
    public void DisputeStatement_RetractedStatement_IsConflictOnId()
    {
        var state = Given(ActorRegistered(), Recorded(), new StatementRetracted(ActorId, StatementId, "Misattributed", Archivist, Earlier));

        Then.Refused(DisputeStatement.Handle(state, Command, Context), ErrorKind.Conflict, "id");
    }

    [Fact]
    public void DisputeStatement_BlankReason_IsRefusedNamingReason() =>
        Then.Refused(DisputeStatement.Handle(Given(ActorRegistered(), Recorded()), Command with { Reason = "" }, Context),
            ErrorKind.Validation, "reason");
}
