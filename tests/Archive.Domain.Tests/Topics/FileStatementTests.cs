using Archive.Domain.Common;
using Archive.Domain.Topics;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests.Topics;

public sealed class FileStatementTests
{
    private static readonly FileStatement Command = new(TopicId, StatementId, ActorId);
    private static StatementFiled Filed() => new(TopicId, StatementId, ActorId, Archivist, Earlier);

    [Fact]
    public void FileStatement_OpenTopic_RecordsStatementFiled() =>
        Assert.Equal(new StatementFiled(TopicId, StatementId, ActorId, Archivist, Now),
            Then.Accepted<StatementFiled>(FileStatement.Handle(GivenTopic(TopicOpened()), Command, Context)));

    [Fact]
    public void FileStatement_Twice_IsNoOp() =>
        Then.NoOp(FileStatement.Handle(GivenTopic(TopicOpened(), Filed()), Command, Context));

    [Fact]
    public void FileStatement_AfterUnfiled_RecordsStatementFiled()
    {
        var state = GivenTopic(TopicOpened(), Filed(), new StatementUnfiled(TopicId, StatementId, "Off topic", Archivist, Earlier));

        Then.Accepted<StatementFiled>(FileStatement.Handle(state, Command, Context));
    }

    [Fact]
    public void FileStatement_TopicNotOpen_IsNotFoundNamingTopicId() =>
        Then.Refused(FileStatement.Handle(TopicState.Empty, Command, Context), ErrorKind.NotFound, "topicId");

    [Fact]
    public void FileStatement_MergedTopic_IsConflictOnTopicId()
    {
        var state = GivenTopic(TopicOpened(), new TopicMerged(TopicId, "belt-and-road", "Folded into the wider topic", Archivist, Earlier));

        Then.Refused(FileStatement.Handle(state, Command, Context), ErrorKind.Conflict, "topicId");
    }

    [Theory]
    [InlineData("lin-jian")]
    [InlineData("st-XYZ")]
    [InlineData("")]
    public void FileStatement_MalformedStatementId_IsRefusedNamingStatementId(string statementId) =>
        Then.Refused(FileStatement.Handle(GivenTopic(TopicOpened()), Command with { StatementId = statementId }, Context),
            ErrorKind.Validation, "statementId");
}
