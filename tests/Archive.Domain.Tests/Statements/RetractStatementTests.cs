using Archive.Domain.Common;
using Archive.Domain.Statements;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests.Statements;

public sealed class RetractStatementTests
{
    private static readonly RetractStatement Command = new(StatementId, "Misattributed: the remark was the interpreter's.");

    private static StatementRetracted Retracted(string reason) => new(ActorId, StatementId, reason, Archivist, Earlier);

    [Fact]
    public void RetractStatement_RecordedStatement_RecordsRetraction() =>
        Assert.Equal(new StatementRetracted(ActorId, StatementId, Command.Reason, Archivist, Now),
            Then.Accepted<StatementRetracted>(RetractStatement.Handle(Given(ActorRegistered(), Recorded()), Command, Context)));

    [Fact]
    public void RetractStatement_UnknownStatement_IsNotFoundNamingId() =>
        Then.Refused(RetractStatement.Handle(Given(ActorRegistered()), Command, Context), ErrorKind.NotFound, "id");

    [Fact]
    public void RetractStatement_TwiceWithSameReason_IsNoOp() =>
        Then.NoOp(RetractStatement.Handle(Given(ActorRegistered(), Recorded(), Retracted(Command.Reason)), Command, Context));

    [Fact]
    public void RetractStatement_TwiceWithOtherReason_IsConflictOnId() =>
        Then.Refused(RetractStatement.Handle(Given(ActorRegistered(), Recorded(), Retracted("Duplicate entry")), Command, Context),
            ErrorKind.Conflict, "id");

    [Fact]
    public void RetractStatement_VerifiedStatement_RecordsRetraction()
    {
        var state = Given(ActorRegistered(), Recorded(), new StatementVerified(ActorId, StatementId, "video", null, Archivist, Earlier));

        Then.Accepted<StatementRetracted>(RetractStatement.Handle(state, Command, Context));
    }

    [Fact]
    public void RetractStatement_BlankReason_IsRefusedNamingReason() =>
        Then.Refused(RetractStatement.Handle(Given(ActorRegistered(), Recorded()), Command with { Reason = "\n" }, Context),
            ErrorKind.Validation, "reason");
}
