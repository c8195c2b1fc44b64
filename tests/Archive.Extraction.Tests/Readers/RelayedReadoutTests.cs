using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>
/// A readout a spokesperson relays whole, each paragraph reopening the quotation mark: its sentences are the readout's,
/// given to whoever they say spoke or agreed; a quotation in the first person stays the spokesperson's words.
/// </summary>
public sealed class RelayedReadoutTests
{
    private static readonly DateOnly Day = new(2026, 12, 3);

    private const string Title = "Readout of the Foreign Minister's call with the Foreign Minister of Valdoria";

    [Fact]
    public void Extract_ThirdPersonReadoutInsideASpokespersonsQuotation_IsReadAsTheReadout()
    {
        var text = "A spokesperson for the Kestrian Ministry of Foreign Affairs said:\n\n"
            + "\"Foreign Minister Diallo spoke to her Valdorian counterpart this morning.\n\n"
            + "\"Foreign Minister Diallo said that Kestria would reopen the ferry to Valdoria on Monday.\n\n"
            + "\"The two ministers agreed that the border commission of Kestria and Valdoria would meet in January.\"";

        var candidates = Given.Extract(text, Day, Title);

        var said = candidates.Starting("Foreign Minister Diallo said that");
        Assert.Equal(("amara-diallo", QuoteKinds.Reported), (said.Speaker.ActorId, said.QuoteKind));
        var agreed = candidates.Starting("The two ministers agreed");
        Assert.Equal(QuoteKinds.Joint, agreed.QuoteKind);
        Assert.Equal(["government-of-kestria", "government-of-valdoria"], new[] { agreed.Speaker.ActorId! }.Concat(agreed.CoSpeakers).Order().ToArray());
        Assert.DoesNotContain(candidates, c => c.Quote.StartsWith('"'));
    }

    [Fact]
    public void Extract_FirstPersonQuotationOverSeveralParagraphs_StaysTheSpeakersWords()
    {
        var text = "Foreign Minister Diallo said:\n\n"
            + "\"We will reopen the ferry to Valdoria on Monday.\n\n"
            + "\"Our border commission will meet in January, and I expect it to agree on the new crossings.\"";

        var candidates = Given.Extract(text, Day);

        Assert.Equal(2, candidates.Count);
        Assert.All(candidates, c => Assert.Equal(("amara-diallo", QuoteKinds.Direct), (c.Speaker.ActorId, c.QuoteKind)));
    }
}
