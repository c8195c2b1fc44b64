using Xunit;

namespace Archive.Extraction.Tests.Dates;

/// <summary>A web story's masthead, headline, byline and posting time stand above the paragraph that dates its events.</summary>
public sealed class OpeningBelowBylineTests
{
    [Fact]
    public void Extract_OpeningParagraphBelowBylineAndPostingTime_DatesTheUndatedQuotations()
    {
        var text = "HOLT EVENING STAR\nCity News\n\n"
            + "Crowds return to the old bridge as the ferry stays idle\n\n"
            + "By Ada Quist\nPosted Dec 6, 2026 12:35 AM\n\n"
            + "HOLT — Several hundred people walked across the reopened old bridge on Saturday evening while the ferry stayed in port.\n\n"
            + "“We waited two years for this bridge, and now we cannot stop walking over it,” said Nora Vik, who runs a bakery by the river.";

        var candidate = Given.Extract(text, new DateOnly(2026, 12, 6)).Starting("We waited two years");

        Assert.Equal(new DateOnly(2026, 12, 5), candidate.SaidOn);
    }
}
