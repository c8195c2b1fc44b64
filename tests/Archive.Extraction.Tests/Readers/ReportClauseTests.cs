using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>
/// Clauses of report sentences: a long opening phrase before the subject, an indefinite apposition, a quotation that
/// goes on after its attribution, two speakers set side by side, two ministers acting together, and readout verbs.
/// </summary>
public sealed class ReportClauseTests
{
    private static readonly DateOnly Sunday = new(2026, 12, 6);

    [Fact]
    public void Extract_LongOpeningPhraseBeforeSubject_IsTheSubjectsReportedStatement()
    {
        var text = "Standing in a school gym that has housed three hundred people for two weeks, Foreign Minister Amara Diallo promised on Saturday that the government would rebuild every bridge.";

        var candidate = Assert.Single(Given.Extract(text, Sunday));

        Assert.Equal(("amara-diallo", QuoteKinds.Reported, new DateOnly(2026, 12, 5)), (candidate.Speaker.ActorId, candidate.QuoteKind, candidate.SaidOn));
    }

    [Fact]
    public void Extract_IndefiniteAppositionAfterUnknownName_KeepsTheNameAsMention()
    {
        var text = "Lena Stavik, a hydrologist at the University of Selm who has studied the river for two decades, said both sets of figures could be right.";

        var candidate = Assert.Single(Given.Extract(text, Sunday));

        Assert.Equal((null, "Lena Stavik", QuoteKinds.Reported), (candidate.Speaker.ActorId, candidate.Speaker.Mention, candidate.QuoteKind));
    }

    [Fact]
    public void Extract_QuotationGoingOnInLowerCaseAfterAttribution_IsTheSameSpeakersWords()
    {
        var text = "\"We will rebuild,\" Amara Diallo said, as families queued behind her for hot meals, \"every bridge and every home, however long it takes.\"";

        var candidates = Given.Extract(text, Sunday);

        var rest = candidates.Starting("every bridge");
        Assert.Equal(("amara-diallo", QuoteKinds.Direct), (rest.Speaker.ActorId, rest.QuoteKind));
        Assert.Equal("amara-diallo", candidates.Starting("We will rebuild").Speaker.ActorId);
    }

    [Fact]
    public void Extract_QuotationInCapitalsAfterNarrativeWords_IsNotContinued()
    {
        var text = "\"We will rebuild,\" Amara Diallo said, as families queued behind her. \"Every bridge will stand again.\" The crowd cheered the arrival of the \"Relief Convoy Number Four\" from Orland.";

        var candidates = Given.Extract(text, Sunday);

        Assert.DoesNotContain(candidates, c => c.Rule == "news.quote.split");
    }

    [Fact]
    public void Extract_WhileJoiningTwoSpeakers_GivesEachTheirOwnStatement()
    {
        var text = "Valdoria accused Kestria on Wednesday of cutting the river's flow by a fifth with its new dam, while Kestria said on Thursday that the river was low because of a dry autumn.";

        var candidates = Given.Extract(text, Sunday);

        var first = candidates.Starting("Valdoria accused");
        var second = candidates.Starting("Kestria said");
        Assert.EndsWith("new dam", first.Quote, StringComparison.Ordinal);
        Assert.Equal(("government-of-valdoria", new DateOnly(2026, 12, 2)), (first.Speaker.ActorId, first.SaidOn));
        Assert.Equal(("government-of-kestria", new DateOnly(2026, 12, 3)), (second.Speaker.ActorId, second.SaidOn));
    }

    [Fact]
    public void Extract_WhileOpeningATimeClause_KeepsTheSentenceWhole()
    {
        var text = "Amara Diallo said the crossings would stay open all winter, while the repairs to the northern bridge continued.";

        var candidate = Assert.Single(Given.Extract(text, Sunday));

        Assert.EndsWith("continued.", candidate.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_MinisterAndCounterpartAgreeing_IsJointForTheirGovernments()
    {
        var text = "In a telephone call on Saturday, Kestria's foreign minister, Amara Diallo, and her Valdorian counterpart agreed to convene the joint river commission in January.";

        var candidate = Assert.Single(Given.Extract(text, Sunday));

        Assert.Equal(QuoteKinds.Joint, candidate.QuoteKind);
        Assert.Equal(["government-of-kestria", "government-of-valdoria"], candidate.CoSpeakers.Prepend(candidate.Speaker.ActorId!).Order());
    }

    [Theory]
    [InlineData("Minister Diallo conveyed the condolences of the people of Kestria to the families of the victims.")]
    [InlineData("Minister Diallo undertook to look into the matter with the competent authorities.")]
    [InlineData("Minister Diallo offered on Tuesday to mediate between the two countries.")]
    public void Extract_ReadoutVerbs_AreTheMinistersReportedStatement(string text)
    {
        var candidate = Assert.Single(Given.Extract(text, Sunday));

        Assert.Equal(("amara-diallo", QuoteKinds.Reported), (candidate.Speaker.ActorId, candidate.QuoteKind));
    }
}
