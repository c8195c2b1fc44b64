using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>Attributions reports write in many ways: split quotations, a colon before a quoted paragraph, ", saying".</summary>
public sealed class NewsAttributionTests
{
    private static readonly DateOnly Tuesday = new(2026, 3, 3);

    [Fact]
    public void Extract_QuoteSplitAroundAttribution_BothPartsAreTheSpeakers()
    {
        var text = "Amara Diallo disagreed. \"A rise of this size is not an adjustment,\" she said, \"it is a tax on our farmers.\"";

        var candidates = Given.Extract(text, Tuesday);

        Assert.Equal("amara-diallo", candidates.Starting("A rise of this size").Speaker.ActorId);
        Assert.Equal("amara-diallo", candidates.Starting("it is a tax").Speaker.ActorId);
    }

    [Fact]
    public void Extract_ParagraphEndingSaidColon_GivesNextQuotedParagraphsItsSpeaker()
    {
        var text = "“The line will open in June,” Ines Calder said.\n\nAmara Diallo struck a warmer tone. In a statement posted online, she said:\n\n“Kestria is a partner, not a customer.\n\n“We will finish this together.”";

        var candidates = Given.Extract(text, Tuesday);

        Assert.Equal("amara-diallo", candidates.Starting("Kestria is a partner").Speaker.ActorId);
        Assert.Equal("amara-diallo", candidates.Starting("We will finish").Speaker.ActorId);
    }

    [Fact]
    public void Extract_VerbThenCommaSaying_IsTheSubjectsReportedStatement()
    {
        var text = "Kestria's government on Monday raised the fees at its ports, saying the money was needed to dredge the harbours.";

        var candidate = Assert.Single(Given.Extract(text, Tuesday));

        Assert.Equal(("government-of-kestria", QuoteKinds.Reported), (candidate.Speaker.ActorId, candidate.QuoteKind));
        Assert.Equal(text, candidate.Quote);
        Assert.Equal(new DateOnly(2026, 3, 2), candidate.SaidOn);
    }

    [Fact]
    public void Extract_PositionVerbOutsideSpeech_IsReported()
    {
        var candidate = Assert.Single(Given.Extract("Orland, the largest exporter of steel, has called the tariffs discriminatory and unfair.", Tuesday));

        Assert.Equal("government-of-orland", candidate.Speaker.ActorId);
    }

    [Fact]
    public void Extract_SpeakerInRelativeClause_IsTheClausesSubject()
    {
        var text = "The dispute is likely to come up at the regional trade council in Port Aven next month, where Ambassador Ines Calder has already called for common rules on port charges.";

        var candidate = Assert.Single(Given.Extract(text, Tuesday));

        Assert.Equal("ines-calder", candidate.Speaker.ActorId);
    }

    [Fact]
    public void Extract_TitleCommaName_IsOnePersonNotTwoSpeakers()
    {
        var candidate = Assert.Single(Given.Extract("Kestria's foreign minister, Amara Diallo, said on Monday that the border would reopen in May.", Tuesday));

        Assert.Equal(("amara-diallo", QuoteKinds.Reported), (candidate.Speaker.ActorId, candidate.QuoteKind));
        Assert.Empty(candidate.CoSpeakers);
    }

    [Fact]
    public void Extract_PersonQualifiedByCountry_IsThePerson()
    {
        var candidate = Assert.Single(Given.Extract("Diallo, who spoke after a cabinet meeting in the Kestria capital, said the talks would go on.", Tuesday));

        Assert.Equal("amara-diallo", candidate.Speaker.ActorId);
    }

    [Fact]
    public void Extract_SingleQuotesBritishPunctuation_AreQuotations()
    {
        var text = "Ines Calder said on Monday that the line was on time. ‘This is the cheapest railway we will ever build’, she said. ‘The question is who pays for the delays.’";

        var candidates = Given.Extract(text, Tuesday);

        Assert.Equal("This is the cheapest railway we will ever build", candidates.Starting("This is the cheapest").Quote);
        Assert.Equal("ines-calder", candidates.Starting("The question is").Speaker.ActorId);
    }

    [Fact]
    public void Extract_QuoteGivenAsTheWordsOfAPost_IsThePostersDirectStatement()
    {
        var text = "Ines Calder later posted a photograph of the first locomotive online with the words “Next stop: a new era for travel.”";

        var candidate = Assert.Single(Given.Extract(text, Tuesday));

        Assert.Equal(("ines-calder", QuoteKinds.Direct, "Next stop: a new era for travel."), (candidate.Speaker.ActorId, candidate.QuoteKind, candidate.Quote));
    }

    [Fact]
    public void Extract_TrailingAttributionFollowedByCircumstance_IsTheSpeakersNotAJointStatement()
    {
        var text = "Valdoria and Kestria will build a second bridge, Ines Calder said yesterday after meeting the Kestrian governor.";

        var candidate = Assert.Single(Given.Extract(text, Tuesday));

        Assert.Equal(("ines-calder", QuoteKinds.Reported, new DateOnly(2026, 3, 2)), (candidate.Speaker.ActorId, candidate.QuoteKind, candidate.SaidOn));
    }

    [Fact]
    public void Extract_ListUnderItsSpeaker_EachItemIsAJointStatement()
    {
        var text = "Joint Press Release of Valdoria and Kestria\n\nThe Ministers:\n- welcomed the opening of the rail link;\n- agreed to meet again in Selva next year.";

        var candidates = Given.Extract(text, Tuesday);

        Assert.Equal(["welcomed the opening of the rail link", "agreed to meet again in Selva next year"], candidates.Select(c => c.Quote).ToArray());
        Assert.All(candidates, c => Assert.Equal((QuoteKinds.Joint, 2), (c.QuoteKind, c.CoSpeakers.Count + 1)));
    }

    [Fact]
    public void Extract_UnknownSpeakerWithAffiliation_KeepsTheNameAsMention()
    {
        var candidate = Assert.Single(Given.Extract("“A fund is only as good as its projects,” said Ana Ruiz of the Lake Orra Alliance.", Tuesday));

        Assert.Equal((null, "Ana Ruiz"), (candidate.Speaker.ActorId, candidate.Speaker.Mention));
    }
}
