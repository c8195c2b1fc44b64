using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>
/// Transcript conventions met on unseen briefings: askers named with their outlet after a comma, titled labels in
/// capitals, the briefing's own running words, and what an answer says of others.
/// </summary>
public sealed class AnswerRulesTests
{
    private static readonly DateOnly Briefing = new(2026, 11, 3);

    [Fact]
    public void Extract_AskerNamedWithOutletAfterComma_IsAQuestion()
    {
        var text = "Press conference, 3 November 2026\n\nHana Petrov: The ferry service to Kestria resumes on Friday.\n\nLena Brook, Port Aven Post: Will the fares go up?\n\nHana Petrov: The fares stay as they are.\n\nLena Brook, Port Aven Post: And the timetable?\n\nHana Petrov: The timetable will be published this week.";

        var candidates = Given.Extract(text, Briefing);

        Assert.DoesNotContain(candidates, c => c.Quote.Contains('?') || c.Quote.Contains("Port Aven Post"));
        Assert.Equal(3, candidates.Count);
        Assert.All(candidates, c => Assert.Equal("hana-petrov", c.Speaker.ActorId));
    }

    [Fact]
    public void Extract_CapitalLabelWithRoleBeforeName_IsTheMinistersTurn()
    {
        var text = "Joint press availability\n3 November 2026\n\nFOREIGN MINISTER DIALLO: Kestria will open a consulate in Selva next spring.\n\nQUESTION: How many staff will it have?\n\nFOREIGN MINISTER DIALLO: About twenty, most of them hired locally.\n\nQUESTION: When will it issue visas?\n\nFOREIGN MINISTER DIALLO: From the first day it opens.";

        var candidates = Given.Extract(text, Briefing);

        Assert.Equal(3, candidates.Count);
        Assert.All(candidates, c => Assert.Equal(("amara-diallo", QuoteKinds.Direct), (c.Speaker.ActorId, c.QuoteKind)));
    }

    [Theory]
    [InlineData("Let me begin with the situation at the border.")]
    [InlineData("Spokesperson Petrov is travelling, so I will brief you today.")]
    public void Extract_RunningOfTheBriefing_IsNotAStatement(string sentence)
    {
        var text = $"Briefing, 3 November 2026\n\nTomas Reyes: Good afternoon. {sentence}\n\nThe crossing at Holt reopened this morning after repairs.\n\nQ: When will the crossing at Marren reopen?\n\nTomas Reyes: Next week, if the weather allows.";

        var candidates = Given.Extract(text, Briefing);

        Assert.DoesNotContain(candidates, c => c.Quote.Contains(sentence[..12], StringComparison.Ordinal));
        Assert.Equal("tomas-reyes", candidates.Starting("The crossing at Holt").Speaker.ActorId);
    }

    [Fact]
    public void Extract_OwnMinistryInAnswer_IsTheAnswerersStatement()
    {
        var text = "Briefing, 3 November 2026\n\nTomas Reyes: The ministry also condemns the attack on the border post at Holt and calls for a full inquiry.\n\nQ: Has Kestria responded?\n\nTomas Reyes: Not yet.";

        var condemns = Given.Extract(text, Briefing).Starting("The ministry also condemns");

        Assert.Equal(("tomas-reyes", QuoteKinds.Direct), (condemns.Speaker.ActorId, condemns.QuoteKind));
    }

    [Fact]
    public void Extract_OtherPartysActionThenAnswerersVerb_StaysTheAnswerers()
    {
        var text = "Briefing, 3 November 2026\n\nQ: What did the talks produce?\n\nTomas Reyes: Kestria accepted the new fees for containers, and we agreed to keep the old fees for grain until 2029.\n\nQ: Thank you.";

        var answer = Given.Extract(text, Briefing).Starting("Kestria accepted");

        Assert.Equal(("tomas-reyes", QuoteKinds.Direct), (answer.Speaker.ActorId, answer.QuoteKind));
    }

    [Fact]
    public void Extract_OtherPartyOfferingInAnswer_IsTheirReportedStatement()
    {
        var text = "Briefing, 3 November 2026\n\nQ: Is anyone helping with the inquiry?\n\nTomas Reyes: We welcome every offer. Kestria has offered to send two investigators to Holt.\n\nQ: Thank you.";

        var offer = Given.Extract(text, Briefing).Starting("Kestria has offered");

        Assert.Equal(("government-of-kestria", QuoteKinds.Reported), (offer.Speaker.ActorId, offer.QuoteKind));
    }

    [Fact]
    public void Extract_QuotationGivenInAnswer_IsTheQuotedSpeakersDirectWordsOnTheirDay()
    {
        var text = "Briefing, 3 November 2026\n\nQ: How is the rescue going?\n\nTomas Reyes: As Foreign Minister Diallo said in her message on Sunday, \"no neighbour should face a flood alone.\" We are grateful for that.\n\nQ: Thank you.";

        var candidates = Given.Extract(text, Briefing);

        var quoted = candidates.Starting("no neighbour should");
        Assert.Equal(("amara-diallo", QuoteKinds.Direct, new DateOnly(2026, 11, 1)), (quoted.Speaker.ActorId, quoted.QuoteKind, quoted.SaidOn));
        Assert.Equal("tomas-reyes", candidates.Starting("We are grateful").Speaker.ActorId);
    }

    [Fact]
    public void Extract_AnswerReportingRemarksTheQuestionDated_TakesTheQuestionsDay()
    {
        var text = "Briefing, 3 November 2026\n\nQ: Foreign Minister Diallo said on Friday that talks could resume in May. Will Valdoria attend?\n\nTomas Reyes: We received the invitation. Minister Diallo underlined that the talks would be held at expert level first.\n\nQ: Thank you.";

        var reported = Given.Extract(text, Briefing).Starting("Minister Diallo underlined");

        Assert.Equal(("amara-diallo", new DateOnly(2026, 10, 30)), (reported.Speaker.ActorId, reported.SaidOn));
    }

    [Fact]
    public void Extract_AnswerReportingSomeoneTheQuestionDidNotDate_HasNoSaidOn()
    {
        var text = "Briefing, 3 November 2026\n\nQ: Will Valdoria attend the talks in May?\n\nTomas Reyes: We received the invitation. Minister Diallo underlined that the talks would be held at expert level first.\n\nQ: Thank you.";

        var reported = Given.Extract(text, Briefing).Starting("Minister Diallo underlined");

        Assert.Null(reported.SaidOn);
    }
}
