using Xunit;

namespace Archive.Extraction.Tests.Dates;

/// <summary>
/// A numeric header date that reads both ways ("12/8/2026": 12 August or 8 December) takes the reading whose month
/// the document names in words; without such a hint it stays day first, as most of the world writes it.
/// </summary>
public sealed class AmbiguousNumericDateTests
{
    private const string Briefing = "Ministry of Foreign Affairs | Transcripts\n\n{0}\n\nQ: Will the crossing reopen?\n\n"
        + "Tomas Reyes: The crossing will reopen when the repairs are finished{1}.\n\nQ: Thank you.";

    [Theory]
    [InlineData("12/8/2026", ", which we expect by 20 December", 2026, 12, 8)]
    [InlineData("8/12/2026", ", which we expect by 20 December", 2026, 12, 8)]
    [InlineData("12/8/2026", ", which we expect by 20 August", 2026, 8, 12)]
    [InlineData("12/8/2026", "", 2026, 8, 12)]
    public void Extract_SlashDateThatReadsBothWays_TakesTheMonthTheDocumentNames(string header, string later, int year, int month, int day)
    {
        var answer = Given.Extract(string.Format(System.Globalization.CultureInfo.InvariantCulture, Briefing, header, later)).Starting("The crossing will reopen");

        Assert.Equal(new DateOnly(year, month, day), answer.SaidOn);
    }
}
