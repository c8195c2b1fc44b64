using Archive.Domain.Common;
using Archive.Domain.Topics;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests.Topics;

public sealed class OpenTopicTests
{
    private static readonly OpenTopic Command = new(TopicId, "China–Pakistan Economic Corridor", "Statements on the corridor");

    [Fact]
    public void OpenTopic_NewTopic_RecordsTopicOpened() =>
        Assert.Equal(TopicOpened() with { OpenedAt = Now },
            Then.Accepted<TopicOpened>(OpenTopic.Handle(TopicState.Empty, Command, false, Context)));

    [Fact]
    public void OpenTopic_TwiceWithSameDetails_IsNoOp() =>
        Then.NoOp(OpenTopic.Handle(GivenTopic(TopicOpened()), Command, false, Context));

    [Fact]
    public void OpenTopic_TwiceWithOtherTitle_IsConflictOnId() =>
        Then.Refused(OpenTopic.Handle(GivenTopic(TopicOpened()), Command with { Title = "CPEC" }, false, Context), ErrorKind.Conflict, "id");

    [Theory]
    [InlineData("CPEC")]
    [InlineData("belt and road")]
    [InlineData("belt_road")]
    [InlineData("x")]
    [InlineData("")]
    public void OpenTopic_MalformedId_IsRefusedNamingId(string topicId) =>
        Then.Refused(OpenTopic.Handle(TopicState.Empty, Command with { TopicId = topicId }, false, Context), ErrorKind.Validation, "id");

    [Fact]
    public void OpenTopic_WithOpenParent_RecordsParent() =>
        Assert.Equal("belt-and-road",
            Then.Accepted<TopicOpened>(OpenTopic.Handle(TopicState.Empty, Command with { ParentId = "belt-and-road" }, true, Context)).ParentId);

    [Fact]
    public void OpenTopic_ParentNotOpen_IsNotFoundNamingParentId() =>
        Then.Refused(OpenTopic.Handle(TopicState.Empty, Command with { ParentId = "belt-and-road" }, false, Context), ErrorKind.NotFound, "parentId");

    [Fact]
    public void OpenTopic_OwnParent_IsRefusedNamingParentId() =>
        Then.Refused(OpenTopic.Handle(TopicState.Empty, Command with { ParentId = TopicId }, true, Context), ErrorKind.Validation, "parentId");

    [Fact]
    public void OpenTopic_MalformedParentId_IsRefusedNamingParentId() =>
        Then.Refused(OpenTopic.Handle(TopicState.Empty, Command with { ParentId = "Belt and Road" }, true, Context), ErrorKind.Validation, "parentId");

    [Fact]
    public void OpenTopic_BlankTitle_IsRefusedNamingTitle() =>
        Then.Refused(OpenTopic.Handle(TopicState.Empty, Command with { Title = "" }, false, Context), ErrorKind.Validation, "title");
}
