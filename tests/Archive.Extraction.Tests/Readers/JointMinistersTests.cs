using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>Joint statements of two ministers in numbered sections, naming third countries, dated where they close.</summary>
public sealed class JointMinistersTests
{
    private const string Statement = """
        JOINT STATEMENT
        by the Foreign Ministers of Valdoria and Kestria

        The Foreign Ministers of Valdoria and Kestria met in Port Aven. Valdoria and Kestria discussed trade and the rail link.

        1. Transport

        The Ministers signed a protocol on the rail link. They underlined that the line will carry freight between Valdoria and Kestria from June.

        The two Ministers instructed their transport agencies to publish a timetable by March.

        2. Regional questions

        The Ministers took note of the wish of Orland to join the rail project. The Ministers agreed that Orland's request will be examined in good faith.

        The Valdorian side raised the case of the detained drivers and asked for their release.

        Done at Port Aven on 4 May 2026, in two originals.

        For Valdoria
        For Kestria
        """;

    [Fact]
    public void Extract_TheMinistersAndThey_AreTheTwoPartiesNotEveryGovernmentNamed()
    {
        var candidates = Given.Extract(Statement);

        foreach (var words in new[] { "They underlined", "The two Ministers instructed", "The Ministers took note", "The Ministers agreed" })
        {
            var joint = candidates.Starting(words);
            Assert.Equal(QuoteKinds.Joint, joint.QuoteKind);
            Assert.Equal(["government-of-kestria", "government-of-valdoria"], joint.CoSpeakers.Append(joint.Speaker.ActorId!).Order(StringComparer.Ordinal));
        }
        Assert.DoesNotContain(candidates, c => c.Quote.StartsWith("The Ministers signed", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_OneSideRaisingACase_IsThatSidesStatement()
    {
        var raised = Given.Extract(Statement).Starting("The Valdorian side raised");

        Assert.Equal("government-of-valdoria", raised.Speaker.ActorId);
    }

    [Fact]
    public void Extract_DoneAtLine_DatesTheStatementWithoutPublicationDate()
    {
        var candidates = Given.Extract(Statement);

        Assert.All(candidates, c => Assert.Equal(new DateOnly(2026, 5, 4), c.SaidOn));
    }
}
