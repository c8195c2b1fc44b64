using Archive.Domain.Common;
using Archive.Domain.Topics;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests.Topics;

public sealed class UnfileStatementTests
{
    private static readonly UnfileStatement Command = new(TopicId, StatementId, "Not about the corridor.");
    private static StatementFiled Filed() => new(TopicId, StatementId, ActorId, Archivist, Earlier);

    [Fact]
    public void UnfileStatement_FiledStatement_RecordsStatementUnfiled() =>
        Assert.Equal(new StatementUnfiled(TopicId, StatementId, Command.Reason, Archivist, Now),
            Then.Accepted<StatementUnfiled>(UnfileStatement.Handle(GivenTopic(TopicOpened(), Filed()), Command, Context)));

    [Fact]
    public void UnfileStatement_NotFiled_IsNotFoundNamingStatementId() =>
        Then.Refused(UnfileStatement.Handle(GivenTopic(TopicOpened()), Command, Context), ErrorKind.NotFound, "statementId");

    [Fact]
    public void UnfileStatement_AlreadyUnfiledForTheSameReason_IsNoOp()
    {
        var state = GivenTopic(TopicOpened(), Filed(), new StatementUnfiled(TopicId, StatementId, Command.Reason, Archivist, Earlier));

        Then.NoOp(UnfileStatement.Handle(state, Command, Context));
    }

    [Fact]
    public void UnfileStatement_AlreadyUnfiledForAnotherReason_IsNotFoundNamingStatementId()
    {
        var state = GivenTopic(TopicOpened(), Filed(), new StatementUnfiled(TopicId, StatementId, "another reason", Archivist, Earlier));

        Then.Refused(UnfileStatement.Handle(state, Command, Context), ErrorKind.NotFound, "statementId");
    }

    [Fact]
    public void UnfileStatement_TopicNotOpen_IsNotFoundNamingTopicId() =>
        Then.Refused(UnfileStatement.Handle(TopicState.Empty, Command, Context), ErrorKind.NotFound, "topicId");

    [Fact]
    public void UnfileStatement_BlankReason_IsRefusedNamingReason() =>
        Then.Refused(UnfileStatement.Handle(GivenTopic(TopicOpened(), Filed()), Command with { Reason = "" }, Context),
            ErrorKind.Validation, "reason");
}
