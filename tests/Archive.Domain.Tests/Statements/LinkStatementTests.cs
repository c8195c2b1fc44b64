using Archive.Domain.Common;
using Archive.Domain.Statements;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests.Statements;

public sealed class LinkStatementTests
{
    private static readonly LinkStatement Command = new(StatementId, SecondStatementId, "clarifies");

    private static Decision When(LinkStatement command, bool targetExists = true, params object[] more) =>
        LinkStatement.Handle(Given([ActorRegistered(), Recorded(), Recorded(Record(SecondQuote)), .. more]), command, targetExists, Context);

    [Fact]
    public void LinkStatement_KnownTarget_RecordsLink() =>
        Assert.Equal(new StatementLinked(ActorId, StatementId, SecondStatementId, "clarifies", Archivist, Now),
            Then.Accepted<StatementLinked>(When(Command)));

    [Fact]
    public void LinkStatement_UnknownStatement_IsNotFoundNamingId() =>
        Then.Refused(LinkStatement.Handle(Given(ActorRegistered()), Command, true, Context), ErrorKind.NotFound, "id");

    [Fact]
    public void LinkStatement_ToItself_IsRefusedNamingTargetId() =>
        Then.Refused(When(Command with { TargetId = StatementId }), ErrorKind.Validation, "targetId");

    [Fact]
    public void LinkStatement_UnknownTarget_IsNotFoundNamingTargetId() =>
        Then.Refused(When(Command, targetExists: false), ErrorKind.NotFound, "targetId");

    [Theory]
    [InlineData("lin-jian")]
    [InlineData("st-0123")]
    [InlineData("")]
    public void LinkStatement_MalformedTargetId_IsRefusedNamingTargetId(string targetId) =>
        Then.Refused(When(Command with { TargetId = targetId }), ErrorKind.Validation, "targetId");

    [Fact]
    public void LinkStatement_UnknownRelation_IsRefusedNamingRelation() =>
        Then.Refused(When(Command with { Relation = "likes" }), ErrorKind.Validation, "relation");

    [Fact]
    public void LinkStatement_Twice_IsNoOp() =>
        Then.NoOp(When(Command, true, new StatementLinked(ActorId, StatementId, SecondStatementId, "clarifies", Archivist, Earlier)));

    [Fact]
    public void LinkStatement_SameTargetOtherRelation_RecordsLink() =>
        Then.Accepted<StatementLinked>(When(Command with { Relation = "contradicts" }, true,
            new StatementLinked(ActorId, StatementId, SecondStatementId, "clarifies", Archivist, Earlier)));

    [Theory]
    [InlineData("repeats")]
    [InlineData("clarifies")]
    [InlineData("contradicts")]
    [InlineData("supersedes")]
    [InlineData("responds-to")]
    public void LinkStatement_EachDesignRelation_IsAccepted(string relation) =>
        Then.Accepted<StatementLinked>(When(Command with { Relation = relation }));
}
