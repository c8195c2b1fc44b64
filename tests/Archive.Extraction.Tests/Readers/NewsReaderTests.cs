using Xunit;

namespace Archive.Extraction.Tests.Readers;

public sealed class NewsReaderTests
{
    private static readonly DateOnly Tuesday = new(2026, 3, 3);

    [Fact]
    public void Extract_QuoteWithAttributionAfter_IsDirectWithoutTheMarks()
    {
        var candidates = Given.Extract("“We have built this railway together, tunnel by tunnel,” Ines Calder said on Saturday.", Tuesday);

        var quote = Assert.Single(candidates);
        Assert.Equal("We have built this railway together, tunnel by tunnel,", quote.Quote);
        Assert.Equal(QuoteKinds.Direct, quote.QuoteKind);
        Assert.Equal("ines-calder", quote.Speaker.ActorId);
    }

    [Fact]
    public void Extract_QuoteWithAttributionBefore_IsDirect()
    {
        var candidates = Given.Extract("Amara Diallo said, “Kestria does not see this line as a favour from anyone.”", Tuesday);

        Assert.Equal("amara-diallo", candidates.Starting("Kestria does not see").Speaker.ActorId);
    }

    [Fact]
    public void Extract_ParagraphOpeningQuoteThatNeverCloses_RunsToParagraphEndAndInheritsSpeaker()
    {
        var text = "Ines Calder said that the line would open this year.\n\n“Some people said it could not be done. They said the mountains were too steep.\n\n“They were wrong, and the engineers proved them wrong.”";

        var candidates = Given.Extract(text, Tuesday);

        var open = candidates.Starting("Some people said");
        Assert.Equal("Some people said it could not be done. They said the mountains were too steep.", open.Quote);
        Assert.Equal("ines-calder", open.Speaker.ActorId);
        Assert.Equal("ines-calder", candidates.Starting("They were wrong").Speaker.ActorId);
    }

    [Fact]
    public void Extract_QuoteOnlyParagraph_InheritsPreviousSpeaker()
    {
        var text = "Amara Diallo said on Monday that Kestria would propose a new line.\n\n“We have only just begun to connect our economies.”";

        var quote = Given.Extract(text, Tuesday).Starting("We have only just begun");

        Assert.Equal("amara-diallo", quote.Speaker.ActorId);
        Assert.Equal("news:news.quote.continued", quote.Rule);
    }

    [Fact]
    public void Extract_SaidThat_IsReportedSentenceWithSpeaker()
    {
        var candidate = Assert.Single(Given.Extract("During her visit, Amara Diallo said that Kestria would reopen the crossing to freight.", Tuesday));

        Assert.Equal(QuoteKinds.Reported, candidate.QuoteKind);
        Assert.Equal("amara-diallo", candidate.Speaker.ActorId);
        Assert.StartsWith("During her visit", candidate.Quote);
    }

    [Fact]
    public void Extract_AccordingToSpeaker_IsReported_ButAccordingToDocumentIsNot()
    {
        var text = "The line has cost 2.4 billion dollars, according to Ines Calder.\n\nFreight volumes doubled, according to the annual report.";

        var candidate = Assert.Single(Given.Extract(text, Tuesday));

        Assert.Equal("ines-calder", candidate.Speaker.ActorId);
        Assert.Equal("news:news.according-to", candidate.Rule);
    }

    [Fact]
    public void Extract_ScareQuotesInNarrative_AreNotStatements()
    {
        var candidates = Given.Extract("The two countries describe their ties as an “ironclad friendship” in every communiqué.", Tuesday);

        Assert.Empty(candidates);
    }

    [Fact]
    public void Extract_AnonymousSources_AreNotStatements()
    {
        var candidates = Given.Extract("Officials said the talks would resume in May after the holidays.", Tuesday);

        Assert.Empty(candidates);
    }

    [Fact]
    public void Extract_CjkCornerBrackets_AreQuotations()
    {
        var candidate = Given.Extract("Amara Diallo said, 「我们愿意同各方一道推进合作」.", Tuesday).Starting("我们");

        Assert.Equal("我们愿意同各方一道推进合作", candidate.Quote);
        Assert.Equal("amara-diallo", candidate.Speaker.ActorId);
    }

    [Fact]
    public void Extract_StraightDoubleQuotes_AreQuotations()
    {
        var candidate = Given.Extract("\"Kestria does not see this line as a favour,\" she told reporters after Amara Diallo arrived.", Tuesday)
            .Starting("Kestria does not see");

        Assert.Equal(QuoteKinds.Direct, candidate.QuoteKind);
    }
}
