using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>
/// The formal joint declaration: the parties named once at the top, preambular paragraphs in the diplomatic
/// formulary ending with commas, and operative paragraphs under enacting words without a subject.
/// </summary>
public sealed class DeclarationFormTests
{
    private static readonly DateOnly Day = new(2026, 12, 12);

    private const string Text = "JOINT DECLARATION\nof the Governments of Valdoria and Kestria on the Northern Rail Link\n\n"
        + "The Government of Valdoria and the Government of Kestria (hereinafter \"the Parties\"),\n\n"
        + "Meeting in Port Aven on 12 December 2026,\n\n"
        + "Recalling the long friendship between the peoples of the two countries,\n\n"
        + "Convinced that a fast rail link will bring their capitals closer together,\n\n"
        + "Have agreed as follows:\n\n"
        + "1. The Parties will open the rail link to passengers in June 2027.\n\n"
        + "2. Valdoria will finish the tunnel under the Orra hills by March 2027.\n\n"
        + "Done at Port Aven on 12 December 2026, in two originals.";

    [Fact]
    public void Extract_PreambularParagraphs_AreThePartiesJointStatements()
    {
        var candidates = Given.Extract(Text, Day);

        foreach (var opening in new[] { "Recalling the long friendship", "Convinced that a fast rail link" })
        {
            var preamble = candidates.Starting(opening);
            Assert.Equal("joint", preamble.QuoteKind);
            Assert.Equal(["government-of-kestria", "government-of-valdoria"], new[] { preamble.Speaker.ActorId! }.Concat(preamble.CoSpeakers).Order());
        }
        Assert.DoesNotContain(candidates, c => c.Quote.StartsWith("Meeting in Port Aven", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_OperativeParagraphsUnderEnactingWords_AreThePartiesJointStatements()
    {
        var candidates = Given.Extract(Text, Day);

        foreach (var opening in new[] { "The Parties will open the rail link", "Valdoria will finish the tunnel" })
        {
            var operative = candidates.Starting(opening);
            Assert.Equal("joint", operative.QuoteKind);
            Assert.Equal(["government-of-kestria", "government-of-valdoria"], new[] { operative.Speaker.ActorId! }.Concat(operative.CoSpeakers).Order());
        }
        Assert.DoesNotContain(candidates, c => c.Speaker.Mention == "Have");
    }
}
