using Archive.Domain.Common;
using Archive.Domain.Topics;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests.Topics;

public sealed class MergeTopicTests
{
    private const string Into = "belt-and-road";
    private const string Because = "The corridor is covered as part of the wider initiative.";
    private static readonly MergeTopic Command = new(TopicId, Into, Because);
    private static readonly MergeTarget Open = new(true);
    private static readonly TopicMerged Merged = new(TopicId, Into, Because, Archivist, Earlier);

    private static Decision When(MergeTopic command, MergeTarget into, params object[] history) =>
        MergeTopic.Handle(GivenTopic([TopicOpened(), .. history]), command, into, Context);

    [Fact]
    public void MergeTopic_IntoOpenTopic_RecordsTopicMerged() =>
        Assert.Equal(new TopicMerged(TopicId, Into, Because, Archivist, Now), Then.Accepted<TopicMerged>(When(Command, Open)));

    [Fact]
    public void FileStatement_AfterMerge_IsConflictSayingWhereTopicWent()
    {
        var state = GivenTopic(TopicOpened(), Then.Accepted<TopicMerged>(When(Command, Open)));

        var error = Then.Refused(FileStatement.Handle(state, new FileStatement(TopicId, StatementId, ActorId), Context), ErrorKind.Conflict, "topicId");

        Assert.Equal($"topic '{TopicId}' was merged into '{Into}'; file the statement under '{Into}'", error.Reason);
    }

    [Fact]
    public void RenameTopic_AfterMerge_IsConflictOnTopicId() =>
        Then.Refused(RenameTopic.Handle(GivenTopic(TopicOpened(), Merged), new RenameTopic(TopicId, "CPEC"), Context), ErrorKind.Conflict, "topicId");

    [Fact]
    public void MergeTopic_Repeated_IsNoOp() =>
        Then.NoOp(When(Command, Open, Merged));

    [Fact]
    public void MergeTopic_AlreadyMergedElsewhere_IsConflictOnTopicId() =>
        Then.Refused(When(Command with { IntoTopicId = "diplomacy" }, Open, Merged), ErrorKind.Conflict, "topicId");

    [Fact]
    public void MergeTopic_IntoTopicThatWasMerged_IsConflictNamingWhereItWent()
    {
        var error = Then.Refused(When(Command, new MergeTarget(true, "asia")), ErrorKind.Conflict, "intoTopicId");

        Assert.Contains("merge into 'asia' instead", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MergeTopic_IntoUnknownTopic_IsNotFoundNamingIntoTopicId() =>
        Then.Refused(When(Command, new MergeTarget(false)), ErrorKind.NotFound, "intoTopicId");

    [Fact]
    public void MergeTopic_IntoItself_IsRefusedNamingIntoTopicId() =>
        Then.Refused(When(Command with { IntoTopicId = TopicId }, Open), ErrorKind.Validation, "intoTopicId");

    [Fact]
    public void MergeTopic_TopicNotOpen_IsNotFoundNamingTopicId() =>
        Then.Refused(MergeTopic.Handle(TopicState.Empty, Command, Open, Context), ErrorKind.NotFound, "topicId");

    [Fact]
    public void MergeTopic_BlankReason_IsRefusedNamingReason() =>
        Then.Refused(When(Command with { Reason = "" }, Open), ErrorKind.Validation, "reason");
}
