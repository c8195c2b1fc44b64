using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>Features put the verb before the speaker after a quotation, in the present tense as often as the past.</summary>
public sealed class InvertedAttributionTests
{
    [Theory]
    [InlineData("says")]
    [InlineData("argues")]
    [InlineData("insists")]
    [InlineData("warned")]
    public void Extract_QuotationThenVerbThenSpeaker_IsThatSpeakersQuotation(string verb)
    {
        var text = $"“The harbour will not survive another winter like this,” {verb} Nils Anker, who has led the dockers' union since 2019.";

        var candidate = Assert.Single(Given.Extract(text, new DateOnly(2026, 12, 8)));

        Assert.Equal((null, "Nils Anker", QuoteKinds.Direct), (candidate.Speaker.ActorId, candidate.Speaker.Mention, candidate.QuoteKind));
    }
}
