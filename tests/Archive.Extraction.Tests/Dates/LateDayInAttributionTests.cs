using Xunit;

namespace Archive.Extraction.Tests.Dates;

/// <summary>An attribution after its quotation is all about the saying, however far into it the day stands.</summary>
public sealed class LateDayInAttributionTests
{
    [Fact]
    public void Extract_DayAtTheEndOfALongAttributionAfterTheQuotation_DatesTheQuotation()
    {
        var text = "The ferry company said on Monday that the harbour would reopen in the spring.\n\n"
            + "“The ferry will run again before the ice comes,” Foreign Minister Amara Diallo said in an interview in her office overlooking the old harbour on Thursday.";

        var candidate = Given.Extract(text, new DateOnly(2026, 12, 8)).Starting("The ferry will run");

        Assert.Equal(new DateOnly(2026, 12, 3), candidate.SaidOn);
    }
}
