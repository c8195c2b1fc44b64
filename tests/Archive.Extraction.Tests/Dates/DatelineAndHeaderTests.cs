using Xunit;

namespace Archive.Extraction.Tests.Dates;

/// <summary>
/// Where a source's own day comes from when the archive has no publication date, or a better one: numeric header
/// dates, datelines with and without a year, the opening paragraph's day, and the words about a position or a source.
/// </summary>
public sealed class DatelineAndHeaderTests
{
    [Theory]
    [InlineData("Selva, 10.11.2026", 2026, 11, 10)]
    [InlineData("Press conference — 24/11/2026", 2026, 11, 24)]
    [InlineData("Press conference — 11/24/2026", 2026, 11, 24)]
    public void Extract_NumericHeaderDate_DatesTheAnswersWithoutPublicationDate(string headerLine, int year, int month, int day)
    {
        var text = $"Ministry of Foreign Affairs\n{headerLine}\n\nQ: Will the crossing reopen?\n\nTomas Reyes: The crossing will reopen when the repairs are finished.\n\nQ: Thank you.";

        var answer = Given.Extract(text).Starting("The crossing will reopen");

        Assert.Equal(new DateOnly(year, month, day), answer.SaidOn);
    }

    [Fact]
    public void Extract_DatelineWithYear_IsTheDayWeekdaysCountBackFrom()
    {
        var text = "BRASK, Kestria, Nov. 12, 2026 — Amara Diallo said on Tuesday that the crossings would open in December.";

        var candidate = Assert.Single(Given.Extract(text));

        Assert.Equal(new DateOnly(2026, 11, 10), candidate.SaidOn);
        Assert.StartsWith("Amara Diallo", candidate.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_YearlessDatelineBeforePublication_IsTheDayWeekdaysCountBackFrom()
    {
        // Published on Wednesday 25 November, filed on Monday 23 November: "on Sunday" is the 22nd.
        var text = "SELVA, Nov 23 (Reuters) - Amara Diallo said on Sunday that the first team had reached the valley.";

        var candidate = Assert.Single(Given.Extract(text, new DateOnly(2026, 11, 25)));

        Assert.Equal(new DateOnly(2026, 11, 22), candidate.SaidOn);
    }

    [Fact]
    public void Extract_UndatedSpeakerAfterDatedOpening_TakesTheOpeningsDay()
    {
        var text = "Crossing reopens to cars\n\nThe Holt crossing between Kestria and Valdoria reopened to cars on Wednesday, after a year of repairs.\n\nAmara Diallo, who drove across the bridge in the morning, said the reopening showed what patient work can achieve.";

        var candidate = Given.Extract(text, new DateOnly(2026, 7, 9)).Starting("Amara Diallo");

        Assert.Equal(new DateOnly(2026, 7, 8), candidate.SaidOn);
    }

    [Fact]
    public void Extract_OpeningDayAfterPublication_IsAPlanNotTheOccasion()
    {
        var text = "Crossing to reopen\n\nThe Holt crossing will reopen on December 15 after a year of repairs.\n\nAmara Diallo said the reopening showed what patient work can achieve.";

        var candidate = Given.Extract(text, new DateOnly(2026, 11, 12)).Starting("Amara Diallo");

        Assert.Equal(new DateOnly(2026, 11, 12), candidate.SaidOn);
    }

    [Fact]
    public void Extract_AccordingToSourceWhoSpokeOnADay_IsDatedByThatDay()
    {
        var text = "Kestria has sent two pumps, according to Amara Diallo, who spoke to local radio on Sunday.";

        var candidate = Assert.Single(Given.Extract(text, new DateOnly(2026, 11, 24)));

        Assert.Equal(("amara-diallo", new DateOnly(2026, 11, 22)), (candidate.Speaker.ActorId, candidate.SaidOn));
    }

    [Fact]
    public void Extract_PositionWithItsOccasionAfterTheObject_IsDatedByThatOccasion()
    {
        var text = "Amara Diallo welcomed the decision in a statement on Wednesday evening, calling it overdue.";

        var candidate = Assert.Single(Given.Extract(text, new DateOnly(2026, 11, 12)));

        Assert.Equal(new DateOnly(2026, 11, 11), candidate.SaidOn);
    }

    [Fact]
    public void Extract_JointPressReleaseWithoutTitle_IsReadAsAJointStatement()
    {
        var text = "Joint Press Release of the Foreign Ministers of Valdoria and Kestria\n\nSelva, 2 July 2026\n\nThe two sides agreed to open the new crossing at Holt by the end of the year.";

        var candidate = Assert.Single(Given.Extract(text));

        Assert.Equal((QuoteKinds.Joint, new DateOnly(2026, 7, 2)), (candidate.QuoteKind, candidate.SaidOn));
        Assert.StartsWith("joint:", candidate.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_GovernmentsPlanAttributedToAnonymousOfficials_IsNoOnesStatement()
    {
        var text = "BRASK, Nov. 12 — Kestria and Valdoria will open two new crossings in December, officials from both countries said on Thursday, weeks after their ministers met.";

        Assert.Empty(Given.Extract(text, new DateOnly(2026, 11, 12)));
    }
}
