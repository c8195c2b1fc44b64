using Archive.Domain.Common;
using Archive.Domain.Topics;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests.Topics;

public sealed class RenameTopicTests
{
    [Fact]
    public void RenameTopic_NewTitle_RecordsTopicRenamed() =>
        Assert.Equal(new TopicRenamed(TopicId, "CPEC", Archivist, Now),
            Then.Accepted<TopicRenamed>(RenameTopic.Handle(GivenTopic(TopicOpened()), new RenameTopic(TopicId, "CPEC"), Context)));

    [Fact]
    public void RenameTopic_SameTitle_IsNoOp() =>
        Then.NoOp(RenameTopic.Handle(GivenTopic(TopicOpened()), new RenameTopic(TopicId, TopicOpened().Title), Context));

    [Fact]
    public void RenameTopic_TopicNotOpen_IsNotFoundNamingTopicId() =>
        Then.Refused(RenameTopic.Handle(TopicState.Empty, new RenameTopic(TopicId, "CPEC"), Context), ErrorKind.NotFound, "topicId");
}
