using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>Two office holders of two countries acting together speak for their two governments, however each is named.</summary>
public sealed class LeadersTogetherTests
{
    private static readonly DateOnly Day = new(2026, 12, 8);

    private static readonly KnownActor Stenn = Given.Person("mira-stenn", "Mira Stenn", "VD", new KnownRole("Prime Minister", "Government of Valdoria", new(2024, 1, 1), null));
    private static readonly KnownActor Aske = Given.Person("jon-aske", "Jon Aske", "KS", new KnownRole("Prime Minister", "Government of Kestria", new(2023, 1, 1), null));

    private static IReadOnlyList<Candidate> Extract(string text) =>
        Extractor.Extract(new ExtractionInput(text, Day, "en", [.. Given.Actors, Stenn, Aske], Given.Topics, [], null));

    private static string[] Governments(Candidate c) => new[] { c.Speaker.ActorId! }.Concat(c.CoSpeakers).Order().ToArray();

    [Fact]
    public void Extract_PronounAndNamedLeaderAgreeing_IsJointForTheirGovernments()
    {
        var text = "Prime Minister Aske arrived in Holt on Monday for his first visit since the storm.\n\n"
            + "He and Prime Minister Stenn agreed that the ferry between the two ports would run again in March.";

        var candidate = Extract(text).Starting("He and Prime Minister Stenn");

        Assert.Equal(QuoteKinds.Joint, candidate.QuoteKind);
        Assert.Equal(["government-of-kestria", "government-of-valdoria"], Governments(candidate));
    }

    [Fact]
    public void Extract_OwnTitleAndNamedLeaderAgreeingInAnAnswer_IsJointForTheirGovernments()
    {
        var text = "Regular briefing by Spokesperson Tomas Reyes\n\n8 December 2026\n\n"
            + "Q: What came of the call with Kestria?\n\n"
            + "A: Yesterday the Prime Minister and Prime Minister Aske agreed that the ferry would run again in March.\n\n"
            + "Q: And the port fees?\n\n"
            + "A: The fees stay as they are until the summer.";

        var candidate = Extract(text).Starting("Yesterday the Prime Minister and Prime Minister Aske");

        Assert.Equal(QuoteKinds.Joint, candidate.QuoteKind);
        Assert.Equal(["government-of-kestria", "government-of-valdoria"], Governments(candidate));
    }
}
