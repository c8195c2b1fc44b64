using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>
/// A government's own briefing: its spokesperson's "the Prime Minister" is their own country's, a topic they turn to
/// ("On the Northern Rail Link:") is no one's label, and askers' labels in capitals name the kind of question and the asker.
/// </summary>
public sealed class OfficialsOwnTests
{
    private static readonly DateOnly Day = new(2026, 12, 3);

    private static readonly KnownActor Stenn = Given.Person("mira-stenn", "Mira Stenn", "VD", new KnownRole("Prime Minister", "Government of Valdoria", new(2024, 1, 1), null));
    private static readonly KnownActor Aske = Given.Person("jon-aske", "Jon Aske", "KS", new KnownRole("Prime Minister", "Government of Kestria", new(2023, 1, 1), null));

    private static IReadOnlyList<Candidate> Extract(string text) =>
        Extractor.Extract(new ExtractionInput(text, Day, "en", [.. Given.Actors, Stenn, Aske], Given.Topics, [], null));

    private const string Header = "Regular briefing by Spokesperson Tomas Reyes\n\n3 December 2026\n\n";

    [Fact]
    public void Extract_BarePrimeMinisterInAnOfficialsAnswer_IsTheirOwnCountrys()
    {
        var text = Header
            + "Q: Kestria says Kestria will close the crossing, and Kestria's ferries have stopped. Is Kestria right?\n\n"
            + "A: The Prime Minister told the cabinet this morning that the crossing would stay open to Kestria's lorries.\n\n"
            + "Q: Will you talk to Kestria?\n\n"
            + "A: We talk to Kestria every day.";

        var candidate = Extract(text).Starting("The Prime Minister told the cabinet");

        Assert.Equal(("mira-stenn", QuoteKinds.Reported), (candidate.Speaker.ActorId, candidate.QuoteKind));
    }

    [Fact]
    public void Extract_TopicBeforeAColonInAnAnswer_IsNoLabel()
    {
        var text = Header
            + "Tomas Reyes: Good afternoon.\n\n"
            + "On the Northern Rail Link: the ministers met on Tuesday. The ferry will run again in January.\n\n"
            + "Q: Is the bridge safe?\n\n"
            + "Tomas Reyes: The bridge was inspected last week.\n\n"
            + "Q: And the tunnel?\n\n"
            + "Tomas Reyes: The tunnel is closed until March.";

        var candidates = Extract(text);

        Assert.Contains(candidates, c => c.Speaker.ActorId == "tomas-reyes" && c.Quote.Contains("The ferry will run again", StringComparison.Ordinal));
        Assert.DoesNotContain(candidates, c => c.Speaker.Mention.StartsWith("On the", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_AdditionalQuestionLabelInCapitals_AsksAndIsNoOnesStatement()
    {
        var text = "Government press conference of 3 December 2026\n\n"
            + "REYES: The ferry will run again in January.\n\n"
            + "QUESTION HOLLER: Is the bridge safe?\n\n"
            + "REYES: The bridge was inspected last week.\n\n"
            + "ADDITIONAL QUESTION JANSSEN: And the reopening date? Kestria has said March.\n\n"
            + "REYES: We have no reason to doubt that date.";

        var candidates = Extract(text);

        Assert.DoesNotContain(candidates, c => c.Quote.Contains("reopening date", StringComparison.Ordinal));
        Assert.Equal("tomas-reyes", candidates.Starting("We have no reason").Speaker.ActorId);
    }
}
