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

    private static readonly KnownActor Stenn = Given.Person("mira-stenn", "Mira Stenn", "VD", new KnownRole("Prime Minister", "Government of Valdoria", new(2024, 1, 1), null));
    private static readonly KnownActor Aske = Given.Person("jon-aske", "Jon Aske", "KS", new KnownRole("Prime Minister", "Government of Kestria", new(2023, 1, 1), null));

    private static IReadOnlyList<Candidate> WithPrimeMinisters(string text, string? title) =>
        Extractor.Extract(new ExtractionInput(text, Day, "en", [.. Given.Actors, Stenn, Aske], Given.Topics, [], title));

    [Fact]
    public void Extract_BareTitleWhileTheOtherHolderIsAlwaysNamed_IsTheIssuersOwnHolder()
    {
        var text = "The Prime Minister spoke to the Prime Minister of Kestria, Jon Aske, this morning.\n\n"
            + "The Prime Minister said that Valdoria would reopen the ferry to Kestria on Monday.\n\n"
            + "Prime Minister Aske set out the concerns of Kestrian fishermen about the quotas in Kestria's waters.\n\n"
            + "The Prime Minister informed him that the port fees for Kestrian boats would be halved.\n\n"
            + "Prime Minister Aske said that Kestria would send its fisheries minister to the talks.";

        var candidates = WithPrimeMinisters(text, "Readout of the Prime Minister's call with Prime Minister Aske of Kestria");

        Assert.Equal(("mira-stenn", QuoteKinds.Reported), (candidates.Starting("The Prime Minister said that").Speaker.ActorId, candidates.Starting("The Prime Minister said that").QuoteKind));
        Assert.Equal("mira-stenn", candidates.Starting("The Prime Minister informed him").Speaker.ActorId);
        Assert.Equal("jon-aske", candidates.Starting("Prime Minister Aske set out").Speaker.ActorId);
        Assert.Equal("jon-aske", candidates.Starting("Prime Minister Aske said").Speaker.ActorId);
    }

    [Fact]
    public void Extract_BareTitleAfterTheSurnameStandsAlone_IsStillThatPerson()
    {
        var text = "Prime Minister Aske said on Monday that Kestria would reopen the ferry.\n\n"
            + "Aske said the fees would be halved for Kestrian boats.\n\n"
            + "The prime minister said Prime Minister Aske's government would also hire more inspectors.\n\n"
            + "The prime minister added that the talks with Valdoria would resume in January.";

        var candidates = WithPrimeMinisters(text, null);

        Assert.Equal("jon-aske", candidates.Starting("The prime minister added").Speaker.ActorId);
    }
}
