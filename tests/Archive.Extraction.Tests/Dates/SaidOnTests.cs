using Xunit;

namespace Archive.Extraction.Tests.Dates;

public sealed class SaidOnTests
{
    [Fact]
    public void Extract_WeekdayAcrossMonthBoundary_ResolvesToPreviousMonth()
    {
        // Tuesday 3 March 2026: "on Saturday" is 28 February.
        var candidate = Assert.Single(Given.Extract("Ines Calder said on Saturday that testing would begin this month.", new DateOnly(2026, 3, 3)));

        Assert.Equal(new DateOnly(2026, 2, 28), candidate.SaidOn);
        Assert.Equal("Saturday", candidate.SaidOnCue);
    }

    [Fact]
    public void Extract_WeekdayBeforeVerb_ResolvesAgainstPublicationDate()
    {
        var candidate = Assert.Single(Given.Extract("Ambassador Ines Calder Monday said that the line would open in June.", new DateOnly(2025, 6, 10)));

        Assert.Equal(new DateOnly(2025, 6, 9), candidate.SaidOn);
    }

    [Fact]
    public void Extract_YearlessDateAfterPublication_BelongsToThePreviousYear()
    {
        var candidate = Assert.Single(Given.Extract("On December 30, Amara Diallo said that the border would reopen.", new DateOnly(2026, 1, 4)));

        Assert.Equal(new DateOnly(2025, 12, 30), candidate.SaidOn);
    }

    [Fact]
    public void Extract_DateInsideWhatWasSaid_DoesNotDateTheSaying()
    {
        var candidate = Assert.Single(Given.Extract("Amara Diallo said that the forum was held on December 24 in Selva.", new DateOnly(2026, 1, 4)));

        Assert.Equal(new DateOnly(2026, 1, 4), candidate.SaidOn);
        Assert.Equal("publication date", candidate.SaidOnCue);
    }

    [Fact]
    public void Extract_SpeakerWithoutOwnDate_KeepsTheOccasionGivenEarlier()
    {
        var text = "Ines Calder said on Saturday that testing would begin soon.\n\nCalder said that freight would come first and passengers later.";

        var later = Given.Extract(text, new DateOnly(2026, 3, 3)).Starting("Calder said that freight");

        Assert.Equal(new DateOnly(2026, 2, 28), later.SaidOn);
    }

    [Fact]
    public void Extract_NoPublicationDateAndNoCue_LeavesSaidOnEmpty()
    {
        var candidate = Assert.Single(Given.Extract("Amara Diallo said that trust had grown between the neighbours."));

        Assert.Null(candidate.SaidOn);
        Assert.Null(candidate.SaidOnCue);
    }

    [Fact]
    public void Extract_DateHeaderLine_IsReferenceAndNotPartOfStatement()
    {
        var candidate = Assert.Single(Given.Extract("date 2025-02-25 Ambassador Ines Calder Monday said that the line would open soon."));

        Assert.Equal(new DateOnly(2025, 2, 24), candidate.SaidOn);
        Assert.StartsWith("Ambassador", candidate.Quote);
    }

    [Fact]
    public void Extract_DayBetweenVerbAndThat_DatesTheSaying()
    {
        // Thursday 14 May 2026: "on Wednesday" is the 13th, though it stands after "told reporters in Port Aven".
        var candidate = Assert.Single(Given.Extract("Amara Diallo told reporters in Port Aven on Wednesday that the grids were not yet compatible.", new DateOnly(2026, 5, 14)));

        Assert.Equal((new DateOnly(2026, 5, 13), "Wednesday"), (candidate.SaidOn, candidate.SaidOnCue));
    }

    [Fact]
    public void Extract_VagueCue_LeavesTheDayToTheArchivist()
    {
        var candidate = Assert.Single(Given.Extract("Amara Diallo said last week that Kestria would decide by the autumn.", new DateOnly(2026, 5, 14)));

        Assert.Null(candidate.SaidOn);
        Assert.Equal("last week", candidate.SaidOnCue);
    }

    [Fact]
    public void Extract_NarrativeDatesPersonsOccasion_QuotedWordsAfterTakeThatDay()
    {
        var text = "Ines Calder said on Monday that the line was ready.\n\nAmara Diallo struck a warmer tone on Tuesday.\n\n“We are partners, and partners finish what they start,” Diallo said.";

        var quote = Given.Extract(text, new DateOnly(2026, 3, 4)).Starting("We are partners");

        Assert.Equal(new DateOnly(2026, 3, 3), quote.SaidOn);
    }
}
