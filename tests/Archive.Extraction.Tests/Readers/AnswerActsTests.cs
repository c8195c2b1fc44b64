using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>
/// Sentences in an answer that tell of another party's act, or of thanks conveyed, rather than pass on their words,
/// stay the answerer's own statement; a quotation after "X put it very well" and an organisation set in apposition
/// ("Mr Holm's employer, the Brask Courier,") are those speakers'.
/// </summary>
public sealed class AnswerActsTests
{
    private static readonly DateOnly Friday = new(2026, 12, 4);

    private static IReadOnlyList<Candidate> Extract(string answer) => Given.Extract(
        "Press briefing of 4 December 2026\n\nTomas Reyes: The ferry to Kestria will run again from Monday.\n\nQuestion (Holm): And the fares?\n\n"
        + "Tomas Reyes: They will not change this winter.\n\nQuestion (Brand): Are you worried about the exercise?\n\n" + $"Tomas Reyes: {answer}", Friday);

    [Theory]
    [InlineData("Not at all. Kestria has announced a naval exercise close to our coast next month. We have asked for a map of it.")]
    [InlineData("Not at all. Kestria notified the exercise to us and to our neighbours on Monday. We have asked for a map of it.")]
    public void Extract_AnotherPartyAnnouncingOrNotifyingAnAct_StaysTheAnswerersStatement(string answer)
    {
        var candidate = Extract(answer).Starting("Not at all.");

        Assert.Equal(("tomas-reyes", answer), (candidate.Speaker.ActorId, candidate.Quote));
    }

    [Fact]
    public void Extract_AnotherPartyAnnouncingThat_IsStillTheirReportedStatement()
    {
        var candidate = Extract("Not at all. Kestria announced on Monday that the exercise would stay far from our coast. We have asked for a map of it.").Starting("Kestria announced");

        Assert.Equal(("government-of-kestria", QuoteKinds.Reported), (candidate.Speaker.ActorId, candidate.QuoteKind));
    }

    [Fact]
    public void Extract_ThanksConveyedByTheAnswerer_AreNotTheThankedPersonsWords()
    {
        var answer = "We thank Foreign Minister Amara Diallo for her offer, and we have conveyed our thanks to the Kestrian embassy.";

        var candidate = Extract(answer).Starting("We thank");

        Assert.Equal(("tomas-reyes", answer), (candidate.Speaker.ActorId, candidate.Quote));
    }

    [Fact]
    public void Extract_SomeonePutItWellBeforeAQuotation_IsTheirDirectStatement()
    {
        var candidates = Extract("We agree. Foreign Minister Amara Diallo put it very well in Selva last week: \"A ferry does not stop at a border, and neither should friendship.\" We share every word of that.");

        var quoted = candidates.Starting("A ferry does not stop");
        Assert.Equal(("amara-diallo", QuoteKinds.Direct), (quoted.Speaker.ActorId, quoted.QuoteKind));
        Assert.Equal("tomas-reyes", candidates.Starting("We share every word").Speaker.ActorId);
    }

    [Fact]
    public void Extract_OrganisationInDefiniteApposition_IsTheSpeakerByItsName()
    {
        var candidate = Extract("Not at all. Mr Holm's employer, the Brask Courier, said in a statement this morning that he was in Selva to report on the floods.").Starting("Mr Holm");

        Assert.Equal((null, "Brask Courier", QuoteKinds.Reported), (candidate.Speaker.ActorId, candidate.Speaker.Mention, candidate.QuoteKind));
    }
}
