using Archive.Domain.Common;
using Archive.Domain.Statements;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests.Statements;

/// <summary>"Supersedes" must stay acyclic: within one actor the decision sees the links, across actors the caller says what is reachable.</summary>
public sealed class LinkStatementCycleTests
{
    private const string ThirdQuote = "Reporters asked about the summit.";
    private static readonly string A = StatementId, B = SecondStatementId, C = Record(ThirdQuote).StatementId!;
    private static StatementLinked Supersedes(string from, string to) => new(ActorId, from, to, LinkRelations.Supersedes, Archivist, Earlier);

    private static Decision Link(string from, string to, params object[] history) =>
        LinkStatement.Handle(Given([ActorRegistered(), Recorded(), Recorded(Record(SecondQuote)), Recorded(Record(ThirdQuote)), .. history]),
            new LinkStatement(from, to, LinkRelations.Supersedes), true, Context);

    [Fact]
    public void LinkStatement_SupersedesBackToTarget_IsConflictOnTargetId() =>
        Then.Refused(Link(B, A, Supersedes(A, B)), ErrorKind.Conflict, "targetId");

    [Fact]
    public void LinkStatement_SupersedesClosingLongerCycle_IsConflictOnTargetId() =>
        Then.Refused(Link(C, A, Supersedes(A, B), Supersedes(B, C)), ErrorKind.Conflict, "targetId");

    [Fact]
    public void LinkStatement_SupersedesAlongChain_IsAccepted() =>
        Then.Accepted<StatementLinked>(Link(A, C, Supersedes(A, B), Supersedes(B, C)));

    [Fact]
    public void LinkStatement_OtherRelationBack_IsAccepted() =>
        Then.Accepted<StatementLinked>(LinkStatement.Handle(Given(ActorRegistered(), Recorded(), Recorded(Record(SecondQuote)), Supersedes(A, B)),
            new LinkStatement(B, A, "responds-to"), true, Context));

    [Fact]
    public void LinkStatement_CycleThroughOtherActor_IsConflictWhenCallerReportsIt()
    {
        // B (here) would supersede X (another actor's), which supersedes Y, which supersedes A (here); A supersedes B.
        const string x = "st-00000000000000000001", y = "st-00000000000000000002";
        var state = Given(ActorRegistered(), Recorded(), Recorded(Record(SecondQuote)), Supersedes(A, B));

        var decision = LinkStatement.Handle(state, new LinkStatement(B, x, LinkRelations.Supersedes), new LinkTarget(true, [y, A]), Context);

        Then.Refused(decision, ErrorKind.Conflict, "targetId");
    }

    [Fact]
    public void LinkStatement_ReachableSetWithoutSource_IsAccepted()
    {
        const string x = "st-00000000000000000001", y = "st-00000000000000000002";

        Then.Accepted<StatementLinked>(LinkStatement.Handle(Given(ActorRegistered(), Recorded()),
            new LinkStatement(A, x, LinkRelations.Supersedes), new LinkTarget(true, [y]), Context));
    }
}
