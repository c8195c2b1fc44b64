using Archive.Domain.Common;
using Archive.Domain.Statements;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests.Statements;

public sealed class UnlinkStatementTests
{
    private const string Because = "Not a clarification after all.";
    private static readonly StatementLinked Clarifies = new(ActorId, StatementId, SecondStatementId, "clarifies", Archivist, Earlier);
    private static readonly StatementLinked Contradicts = new(ActorId, StatementId, SecondStatementId, "contradicts", Archivist, Earlier);

    private static Decision When(UnlinkStatement command, params object[] history) =>
        UnlinkStatement.Handle(Given([ActorRegistered(), Recorded(), Recorded(Record(SecondQuote)), .. history]), command, Context);

    [Fact]
    public void UnlinkStatement_ExistingLink_RecordsUnlinking() =>
        Assert.Equal(new StatementUnlinked(ActorId, StatementId, SecondStatementId, "clarifies", Because, Archivist, Now),
            Then.Accepted<StatementUnlinked>(When(new UnlinkStatement(StatementId, SecondStatementId, Because, "clarifies"), Clarifies)));

    [Fact]
    public void UnlinkStatement_WithoutRelation_RemovesEveryLinkToTarget()
    {
        var decision = When(new UnlinkStatement(StatementId, SecondStatementId, Because), Clarifies, Contradicts);

        Assert.True(decision.Succeeded);
        Assert.Equal(["clarifies", "contradicts"], decision.Events.Cast<StatementUnlinked>().Select(e => e.Relation));
        var state = Given([ActorRegistered(), Recorded(), Clarifies, Contradicts, .. decision.Events]);
        Assert.Empty(state.Statement(StatementId)!.Links);
    }

    [Fact]
    public void UnlinkStatement_OtherRelationOnly_IsNotFoundNamingExistingRelation()
    {
        var error = Then.Refused(When(new UnlinkStatement(StatementId, SecondStatementId, Because, "supersedes"), Clarifies), ErrorKind.NotFound, "targetId");

        Assert.Contains("as clarifies", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void UnlinkStatement_NoLink_IsNotFoundNamingTargetId() =>
        Then.Refused(When(new UnlinkStatement(StatementId, SecondStatementId, Because)), ErrorKind.NotFound, "targetId");

    [Fact]
    public void UnlinkStatement_Repeated_IsNoOp()
    {
        var unlinked = new StatementUnlinked(ActorId, StatementId, SecondStatementId, "clarifies", Because, Archivist, Earlier);

        Then.NoOp(When(new UnlinkStatement(StatementId, SecondStatementId, Because, "clarifies"), Clarifies, unlinked));
    }

    [Fact]
    public void LinkStatement_AfterUnlinking_RecordsLinkAgain()
    {
        var unlinked = new StatementUnlinked(ActorId, StatementId, SecondStatementId, "clarifies", Because, Archivist, Earlier);
        var state = Given(ActorRegistered(), Recorded(), Recorded(Record(SecondQuote)), Clarifies, unlinked);

        Then.Accepted<StatementLinked>(LinkStatement.Handle(state, new LinkStatement(StatementId, SecondStatementId, "clarifies"), true, Context));
    }

    [Theory]
    [InlineData("st-123", "clarifies", "targetId")]
    [InlineData(null, "likes", "relation")]
    public void UnlinkStatement_MalformedInput_IsRefusedNamingField(string? targetId, string relation, string field) =>
        Then.Refused(When(new UnlinkStatement(StatementId, targetId ?? SecondStatementId, Because, relation), Clarifies), ErrorKind.Validation, field);

    [Fact]
    public void UnlinkStatement_BlankReason_IsRefusedNamingReason() =>
        Then.Refused(When(new UnlinkStatement(StatementId, SecondStatementId, "", "clarifies"), Clarifies), ErrorKind.Validation, "reason");
}
