using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>
/// Report conventions met on unseen material: a clause describing the speaker between subject and verb, an
/// attribution in the middle of a sentence, a description before an unknown name, short quotations beside an
/// attributed one, and meetings that state no position.
/// </summary>
public sealed class ReportRulesTests
{
    private static readonly DateOnly Thursday = new(2026, 3, 5);

    [Fact]
    public void Extract_DescribingClauseBetweenSubjectAndVerb_IsTheSubjectsReportedStatement()
    {
        var text = "Amara Diallo, who had flown to Selva on an early flight from the capital, said on Wednesday that the crossing would open in May.";

        var candidate = Assert.Single(Given.Extract(text, Thursday));

        Assert.Equal(("amara-diallo", QuoteKinds.Reported, new DateOnly(2026, 3, 4)), (candidate.Speaker.ActorId, candidate.QuoteKind, candidate.SaidOn));
    }

    [Fact]
    public void Extract_PositionVerbWithShortObject_IsAReportedStatement()
    {
        var text = "Orland, which had asked the council for a ruling last month, welcomed the decision.";

        var candidate = Assert.Single(Given.Extract(text, Thursday));

        Assert.Equal(("government-of-orland", QuoteKinds.Reported), (candidate.Speaker.ActorId, candidate.QuoteKind));
    }

    [Fact]
    public void Extract_AttributionInTheMiddleOfSentence_IsReportedForTheWholeSentence()
    {
        var text = "Amara Diallo spoke to reporters in Brask. The crossings will open on March 15, she said, and will be staffed by joint teams.";

        var candidate = Given.Extract(text, Thursday).Starting("The crossings will open");

        Assert.Equal(("amara-diallo", QuoteKinds.Reported), (candidate.Speaker.ActorId, candidate.QuoteKind));
        Assert.EndsWith("joint teams.", candidate.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_DescriptionBeforeUnknownName_KeepsTheNameAsMention()
    {
        var text = "Opposition leader Viktor Haas said the plan had been drawn up in a hurry and would have to be rewritten.";

        var candidate = Assert.Single(Given.Extract(text, Thursday));

        Assert.Equal((null, "Viktor Haas", QuoteKinds.Reported), (candidate.Speaker.ActorId, candidate.Speaker.Mention, candidate.QuoteKind));
    }

    [Fact]
    public void Extract_ShortQuotationBesideAttributedOne_IsTheSameSpeakers()
    {
        var text = "\"We warned them two years ago,\" Amara Diallo said. \"Nobody listened.\"";

        var candidates = Given.Extract(text, Thursday);

        Assert.Equal("amara-diallo", candidates.Starting("Nobody listened").Speaker.ActorId);
    }

    [Fact]
    public void Extract_ShortQuotationAlone_IsNoOnesStatement()
    {
        var text = "The campaign's slogan was \"Nobody listened.\"\n\nAmara Diallo said the crossing would open in May.";

        var candidates = Given.Extract(text, Thursday);

        Assert.DoesNotContain(candidates, c => c.Quote.StartsWith("Nobody", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_SidesExchangingViews_IsNotAJointStatement()
    {
        var text = "Readout of the meeting between Valdoria and Kestria\n\nThe foreign ministers of Valdoria and Kestria met in Selva on March 4, 2026. The two sides exchanged views on the situation around Lake Orra. The two sides agreed to meet again in June.";

        var candidates = Given.Extract(text, Thursday);

        Assert.DoesNotContain(candidates, c => c.Quote.Contains("exchanged views", StringComparison.Ordinal));
        Assert.Equal(QuoteKinds.Joint, candidates.Starting("The two sides agreed").QuoteKind);
    }

    [Fact]
    public void Extract_SidesCommittingUnderAnOpeningPhrase_IsJoint()
    {
        var text = "The crossings are part of the agreement Valdoria and Kestria signed in October. Under that agreement, both sides committed to halve waiting times at the border.";

        var candidate = Given.Extract(text, Thursday).Starting("Under that agreement");

        Assert.Equal(QuoteKinds.Joint, candidate.QuoteKind);
        Assert.Equal(["government-of-kestria", "government-of-valdoria"], new[] { candidate.Speaker.ActorId! }.Concat(candidate.CoSpeakers).Order());
    }

    [Fact]
    public void Extract_DescriptionThenNameInApposition_KeepsTheNameAsMention()
    {
        var text = "Valdoria's delegation described the meeting as constructive. Its head, Karin Holt, told journalists that Valdoria had offered to share its data.";

        var candidate = Given.Extract(text, Thursday).Starting("Its head");

        Assert.Equal((null, "Karin Holt", QuoteKinds.Reported), (candidate.Speaker.ActorId, candidate.Speaker.Mention, candidate.QuoteKind));
    }

    [Fact]
    public void Extract_SidesThatDidAgree_IsJoint()
    {
        var text = "Valdoria and Kestria failed to settle the fees. The two sides did agree to publish their measurements on a common website.";

        var candidate = Given.Extract(text, Thursday).Starting("The two sides did agree");

        Assert.Equal(QuoteKinds.Joint, candidate.QuoteKind);
    }
}
