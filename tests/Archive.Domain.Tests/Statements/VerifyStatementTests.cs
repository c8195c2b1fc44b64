using Archive.Domain.Common;
using Archive.Domain.Statements;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests.Statements;

public sealed class VerifyStatementTests
{
    private static readonly VerifyStatement Command = new(StatementId, "video", "Matches the ministry's recording at 12:04.");

    private static StatementVerified Verified(string method = "video", string? note = "Matches the ministry's recording at 12:04.") =>
        new(ActorId, StatementId, method, note, Archivist, Earlier);

    [Fact]
    public void VerifyStatement_RecordedStatement_RecordsVerification() =>
        Assert.Equal(new StatementVerified(ActorId, StatementId, "video", Command.Note, Archivist, Now),
            Then.Accepted<StatementVerified>(VerifyStatement.Handle(Given(ActorRegistered(), Recorded()), Command, Context)));

    [Fact]
    public void VerifyStatement_UnknownStatement_IsNotFoundNamingId() =>
        Then.Refused(VerifyStatement.Handle(Given(ActorRegistered()), Command, Context), ErrorKind.NotFound, "id");

    [Fact]
    public void VerifyStatement_RetractedStatement_IsConflictOnId()
    {
        var state = Given(ActorRegistered(), Recorded(), new StatementRetracted(ActorId, StatementId, "Misattributed", Archivist, Earlier));

        Then.Refused(VerifyStatement.Handle(state, Command, Context), ErrorKind.Conflict, "id");
    }

    [Fact]
    public void VerifyStatement_TwiceWithSameMethodAndNote_IsNoOp() =>
        Then.NoOp(VerifyStatement.Handle(Given(ActorRegistered(), Recorded(), Verified()), Command, Context));

    [Theory]
    [InlineData("transcript", "Matches the ministry's recording at 12:04.")]
    [InlineData("video", "Second source: Xinhua video.")]
    [InlineData("video", null)]
    public void VerifyStatement_AgainWithOtherMethodOrNote_RecordsVerification(string method, string? note) =>
        Then.Accepted<StatementVerified>(VerifyStatement.Handle(Given(ActorRegistered(), Recorded(), Verified()),
            new VerifyStatement(StatementId, method, note), Context));

    [Fact]
    public void VerifyStatement_SameVerificationAfterQuoteAmended_RecordsVerification()
    {
        var state = Given(ActorRegistered(), Recorded(), Verified(),
            new StatementAmended(ActorId, StatementId, new StatementChanges(Quote: "We'll never accept interference in our internal affairs."),
                "Straight quotes", Archivist, Earlier));

        Then.Accepted<StatementVerified>(VerifyStatement.Handle(state, Command, Context));
    }

    [Fact]
    public void VerifyStatement_DisputedStatement_RecordsVerification()
    {
        var state = Given(ActorRegistered(), Recorded(), new StatementDisputed(ActorId, StatementId, "Embassy denies it", Archivist, Earlier));

        Then.Accepted<StatementVerified>(VerifyStatement.Handle(state, Command, Context));
    }

    [Fact]
    public void VerifyStatement_BlankMethod_IsRefusedNamingMethod() =>
        Then.Refused(VerifyStatement.Handle(Given(ActorRegistered(), Recorded()), Command with { Method = " " }, Context),
            ErrorKind.Validation, "method");
}
