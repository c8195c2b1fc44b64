using System.Text.Json;
using Archive.Domain.Common;
using Archive.Domain.Statements;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests.Statements;

/// <summary>A speaker's state keeps what its decisions need: fingerprints, not quotes, so it stays small and still knows a repeat.</summary>
public sealed class LeanStatementStateTests
{
    private const string Reason = "Re-selected against the transcript.";

    [Fact]
    public void Apply_StatementRecordedAndAmended_KeepsNeitherQuoteNorOccasionText()
    {
        var state = Given(ActorRegistered(), Recorded(),
            new StatementAmended(ActorId, StatementId, new StatementChanges(Quote: SecondQuote, Span: SpanOf(SecondQuote), Occasion: "Weekly briefing"),
                Reason, Archivist, Now));

        var json = JsonSerializer.Serialize(state);

        Assert.DoesNotContain("interference", json, StringComparison.Ordinal);
        Assert.DoesNotContain("prosperity", json, StringComparison.Ordinal);
        Assert.DoesNotContain("briefing", json, StringComparison.Ordinal);
        Assert.Equal(Fingerprints.Of(SecondQuote), state.Statement(StatementId)!.Quote);
    }

    [Fact]
    public void RecordStatement_SameSpanOtherOccasion_IsConflictWhileSameDetailsIsNoOp()
    {
        var state = Given(ActorRegistered(), Recorded());

        Then.NoOp(Recording(Record() with { Quote = "We'll  never accept interference in our internal affairs.", Topics = ["cpec"] }, state: state));
        Then.Refused(Recording(Record() with { Occasion = "Another occasion" }, state: state), ErrorKind.Conflict, "span");
    }

    [Fact]
    public void AmendStatement_SameQuoteAndOccasionAgain_IsNoOp()
    {
        var amended = new StatementAmended(ActorId, StatementId, new StatementChanges(Occasion: "Weekly briefing"), Reason, Archivist, Now);
        var state = Given(ActorRegistered(), Recorded(), amended);

        Then.NoOp(AmendStatement.Handle(state, new AmendStatement(StatementId, Reason, new StatementChanges(Quote: Quote, Occasion: "Weekly briefing")),
            Source(), Context));
    }

    [Fact]
    public void AmendStatement_KindOfQuoteRecordedAsTyped_IsRefusedAskingForTheQuote()
    {
        // Recorded before the archive kept the source's words: the stored quote is not the source's characters at its span.
        var legacy = Recorded(Record() with { Quote = "We'll never accept interference in our internal affairs." });

        var error = Then.Refused(AmendStatement.Handle(Given(ActorRegistered(), legacy),
            new AmendStatement(StatementId, Reason, new StatementChanges(QuoteKind: QuoteKinds.Reported)), Source(), Context), ErrorKind.Validation, "quote");

        Assert.Contains("send the quote", error.Reason, StringComparison.Ordinal);
    }
}
