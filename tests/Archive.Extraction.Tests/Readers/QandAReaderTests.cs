using Xunit;

namespace Archive.Extraction.Tests.Readers;

public sealed class QandAReaderTests
{
    private const string Transcript = """
        Foreign Ministry Spokesperson Tomas Reyes's Regular Press Conference on March 3, 2026

        Tomas Reyes: Valdoria will host the conference on inland waterways next week.

        Reuters: Will Valdoria lift the tariffs on steel?

        Tomas Reyes: The measures are temporary and consistent with the agreement. Kestria stressed that it would support a review of the quotas. We welcome that position.

        Valdoria Broadcasting: What about the rail link? There are reports of delays.

        Tomas Reyes: At the last consultation, the two sides agreed to open the rail link to freight this year.
        """;

    [Fact]
    public void Extract_Transcript_QuestionsAreNotStatements()
    {
        var candidates = Given.Extract(Transcript);

        Assert.DoesNotContain(candidates, c => c.Quote.Contains('?'));
        Assert.All(candidates, c => Assert.StartsWith("qa:", c.Rule));
    }

    [Fact]
    public void Extract_OpeningAnnouncement_IsTheSpokespersonsDatedByHeader()
    {
        var candidates = Given.Extract(Transcript, publishedOn: new DateOnly(2026, 3, 4));

        var announcement = candidates.Starting("Valdoria will host");
        Assert.Equal("tomas-reyes", announcement.Speaker.ActorId);
        Assert.Equal(QuoteKinds.Direct, announcement.QuoteKind);
        Assert.Equal(new DateOnly(2026, 3, 3), announcement.SaidOn);
        Assert.Equal("March 3, 2026", announcement.SaidOnCue);
    }

    [Fact]
    public void Extract_OtherGovernmentInsideAnswer_IsThatGovernmentReported()
    {
        var candidates = Given.Extract(Transcript);

        var kestria = candidates.Starting("Kestria stressed");
        Assert.Equal("government-of-kestria", kestria.Speaker.ActorId);
        Assert.Equal(QuoteKinds.Reported, kestria.QuoteKind);
        Assert.Equal("tomas-reyes", candidates.Starting("The measures are temporary").Speaker.ActorId);
        Assert.Equal("tomas-reyes", candidates.Starting("We welcome that position.").Speaker.ActorId);
    }

    [Fact]
    public void Extract_TwoSidesAgreedInsideAnswer_IsJointOfBothGovernments()
    {
        var candidates = Given.Extract(Transcript);

        var joint = candidates.Starting("At the last consultation");
        Assert.Equal(QuoteKinds.Joint, joint.QuoteKind);
        Assert.Equal(["government-of-kestria", "government-of-valdoria"], joint.CoSpeakers.Append(joint.Speaker.ActorId!).Order().ToArray());
    }

    [Fact]
    public void Extract_UnknownAnswerer_KeepsTheMentionWithoutActor()
    {
        var text = "Q: Is there a date for the meeting?\n\nPaul Andersen: Our technical team has prepared proposals on data exchange.\n\nQ: Thank you. Anything else?\n\nPaul Andersen: Nothing further today.";

        var candidate = Given.Extract(text).Starting("Our technical team");

        Assert.Null(candidate.Speaker.ActorId);
        Assert.Equal("Paul Andersen", candidate.Speaker.Mention);
    }
}
