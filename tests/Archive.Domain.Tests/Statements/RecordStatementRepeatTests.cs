using Archive.Domain.Actors;
using Archive.Domain.Common;
using Archive.Domain.Sources;
using Archive.Domain.Statements;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests.Statements;

/// <summary>Statement ids are deterministic, so recording again is a no-op, or a conflict when the details differ.</summary>
public sealed class RecordStatementRepeatTests
{
    [Fact]
    public void RecordStatement_SameStatementTwice_IsNoOp()
    {
        var first = Then.Accepted<StatementRecorded>(Recording(Record()));

        Then.NoOp(Recording(Record(), state: Given(ActorRegistered(), first)));
    }

    [Fact]
    public void RecordStatement_SameStatementTwiceWithOtherQuoteMarksAndTopicOrder_IsNoOp()
    {
        var state = Given(ActorRegistered(), Recorded(Record() with { Topics = ["cpec", "diplomacy"] }));

        var decision = Recording(Record() with { Quote = "We'll never accept interference in our internal affairs.", Topics = ["diplomacy", "cpec"] },
            state: state);

        Then.NoOp(decision);
    }

    [Fact]
    public void RecordStatement_SameStatementAfterItWasAmended_IsNoOp()
    {
        var state = Given(ActorRegistered(), Recorded(),
            new StatementAmended(ActorId, StatementId, new StatementChanges(Occasion: "Press briefing"), "Occasion misnamed", Archivist, Earlier));

        Then.NoOp(Recording(Record(), state: state));
    }

    [Theory]
    [InlineData("saidOn")]
    [InlineData("occasion")]
    [InlineData("topics")]
    [InlineData("language")]
    [InlineData("quoteKind")]
    public void RecordStatement_SameSpanWithOtherDetails_IsConflict(string differs)
    {
        var state = Given(ActorRegistered(), Recorded());
        var command = differs switch
        {
            "saidOn" => Record() with { SaidOn = new DateOnly(2025, 2, 21) },
            "occasion" => Record() with { Occasion = "Interview" },
            "topics" => Record() with { Topics = ["cpec", "diplomacy"] },
            "language" => Record() with { Language = "zh" },
            _ => Record() with { QuoteKind = QuoteKinds.Reported },
        };
        Assert.Equal(StatementId, command.StatementId);

        var decision = Recording(command, state: state);

        Assert.True(decision.Errors.Single().Kind == ErrorKind.Conflict, $"expected a conflict, got {decision}");
        Assert.Empty(decision.Events);
    }
}
