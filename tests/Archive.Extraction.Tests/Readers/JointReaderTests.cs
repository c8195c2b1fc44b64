using Xunit;

namespace Archive.Extraction.Tests.Readers;

public sealed class JointReaderTests
{
    private const string Statement = """
        Joint Statement between Valdoria and Kestria

        On February 12, 2026, the foreign ministers of Valdoria and Kestria held talks in Selva. The talks were held in a friendly atmosphere.

        The two sides agreed to complete the rail link in 2026. They will establish a joint company to operate it.

        Kestria thanked Valdoria for the medical supplies it provided after the floods.
        """;

    [Fact]
    public void Extract_TwoSidesAgreed_IsJointOfBothGovernmentsOnMeetingDay()
    {
        var candidates = Given.Extract(Statement, publishedOn: new DateOnly(2026, 2, 13));

        var agreed = candidates.Starting("The two sides agreed");
        Assert.Equal(QuoteKinds.Joint, agreed.QuoteKind);
        Assert.Equal("government-of-valdoria", agreed.Speaker.ActorId);
        Assert.Equal(["government-of-kestria"], agreed.CoSpeakers);
        Assert.Equal(new DateOnly(2026, 2, 12), agreed.SaidOn);
    }

    [Fact]
    public void Extract_TheyAfterJointSentence_StaysJoint()
    {
        var they = Given.Extract(Statement).Starting("They will establish");

        Assert.Equal(QuoteKinds.Joint, they.QuoteKind);
        Assert.Equal(["government-of-kestria"], they.CoSpeakers);
    }

    [Fact]
    public void Extract_OneGovernmentInJointStatement_SpeaksWithTheOther()
    {
        var thanked = Given.Extract(Statement).Starting("Kestria thanked");

        Assert.Equal("government-of-kestria", thanked.Speaker.ActorId);
        Assert.Equal(["government-of-valdoria"], thanked.CoSpeakers);
        Assert.Equal(QuoteKinds.Joint, thanked.QuoteKind);
    }

    [Fact]
    public void Extract_NarrativeOfTheMeeting_IsNotAStatement()
    {
        var candidates = Given.Extract(Statement);

        Assert.DoesNotContain(candidates, c => c.Quote.Contains("friendly atmosphere") || c.Quote.Contains("held talks"));
    }

    [Fact]
    public void Extract_OneGovernmentInNewsReport_IsReportedNotJoint()
    {
        var candidate = Assert.Single(Given.Extract("SELVA: Kestria stressed that it would simplify inspections for farm goods at the border.", new DateOnly(2026, 2, 13)));

        Assert.Equal(QuoteKinds.Reported, candidate.QuoteKind);
        Assert.Empty(candidate.CoSpeakers);
    }
}
