using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>An answer reading out someone else's words: the quotation is theirs, the lead-in no one's.</summary>
public sealed class QuotedLeadInTests
{
    private const string Briefing = """
        Briefing by the Spokesperson, 5 May 2026

        Q: Does Kestria still oppose the new fees? Has it said so?

        Tomas Reyes: We have asked for talks. Let me also recall what Foreign Minister Diallo said on Monday. I quote: "The fees are a matter for negotiation, not for ultimatums." We agree with that.

        Q: And the ministry in Selva? What did it say?

        Tomas Reyes: Let me read you what the Kestrian foreign ministry said in its statement of 2 May: "Kestria will not pay fees it has not agreed." We understand that position.
        """;

    [Fact]
    public void Extract_QuotationAfterIQuote_IsTheNamedSpeakersDirectStatement()
    {
        var candidates = Given.Extract(Briefing, new DateOnly(2026, 5, 5));

        var quoted = candidates.Starting("The fees are a matter");
        Assert.Equal(("amara-diallo", QuoteKinds.Direct, new DateOnly(2026, 5, 4)), (quoted.Speaker.ActorId, quoted.QuoteKind, quoted.SaidOn));
        Assert.DoesNotContain(candidates, c => c.Quote.Contains("Let me") || c.Quote.Contains("I quote"));
    }

    [Fact]
    public void Extract_QuotationAfterColonLeadIn_IsTheGovernmentsDatedByItsStatement()
    {
        var candidates = Given.Extract(Briefing, new DateOnly(2026, 5, 5));

        var quoted = candidates.Starting("Kestria will not pay");
        Assert.Equal(("government-of-kestria", new DateOnly(2026, 5, 2)), (quoted.Speaker.ActorId, quoted.SaidOn));
        Assert.Equal("tomas-reyes", candidates.Starting("We understand that position.").Speaker.ActorId);
        Assert.Equal("tomas-reyes", candidates.Starting("We agree with that.").Speaker.ActorId);
    }
}
