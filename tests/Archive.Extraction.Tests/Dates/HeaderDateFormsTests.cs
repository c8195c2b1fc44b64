using Xunit;

namespace Archive.Extraction.Tests.Dates;

/// <summary>Header dates in other styles: Roman-numeral months, ordinals with weekdays, an interview's own day.</summary>
public sealed class HeaderDateFormsTests
{
    private const string Interview = """
        Interview of the Spokesperson, Tomas Reyes, with the Selva Herald
        Published: 6.V.2026

        The interview was conducted in Port Aven on 4 May, before the spokesperson left for Selva.

        Herald: Is the bridge late? Why?

        Tomas Reyes: It is on time. It will open in the autumn.

        Herald: And the costs? Are they rising?

        Tomas Reyes: They are within the budget.

        Interview by Mara Holm. Reproduced with the permission of the Selva Herald.
        """;

    [Fact]
    public void Extract_InterviewIntroductionGivesItsDay_DatesTheAnswersNotThePublication()
    {
        var candidates = Given.Extract(Interview, new DateOnly(2026, 5, 6));

        Assert.All(candidates, c => Assert.Equal(new DateOnly(2026, 5, 4), c.SaidOn));
        Assert.Equal(2, candidates.Count);
    }

    [Fact]
    public void Extract_RomanNumeralMonthInHeader_DatesTheAnswers()
    {
        var text = Interview.Replace("The interview was conducted in Port Aven on 4 May, before the spokesperson left for Selva.\n\n", "", StringComparison.Ordinal);

        var candidates = Given.Extract(text);

        Assert.Equal(new DateOnly(2026, 5, 6), candidates.Starting("It is on time.").SaidOn);
    }

    [Fact]
    public void Extract_IntroductionAndCredits_AreNoOnesWords()
    {
        var candidates = Given.Extract(Interview, new DateOnly(2026, 5, 6));

        Assert.DoesNotContain(candidates, c => c.Quote.Contains("conducted") || c.Quote.Contains("Reproduced") || c.Quote.Contains("Interview by"));
    }

    [Fact]
    public void Extract_WeekdayAndOrdinalHeader_DatesTheAnswers()
    {
        var text = "Press Briefing by the Spokesperson\nTuesday, May 5th, 2026, 11:00 a.m.\n\nTomas Reyes (Spokesperson): The bridge will open in the autumn.\n\nQ [Selva Herald]: Is that final? Who decided?\n\nTomas Reyes (Spokesperson): It is final.\n\nQ [Selva Herald]: Thank you. And the costs?";

        var candidates = Given.Extract(text);

        Assert.All(candidates, c => Assert.Equal(new DateOnly(2026, 5, 5), c.SaidOn));
        Assert.Equal(2, candidates.Count);
    }
}
