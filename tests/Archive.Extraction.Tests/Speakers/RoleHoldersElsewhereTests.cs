using Xunit;

namespace Archive.Extraction.Tests.Speakers;

/// <summary>
/// A country's title for which the archive knows no holder in that country, set beside a name, is that person, not
/// another country's holder of the role.
/// </summary>
public sealed class RoleHoldersElsewhereTests
{
    private static readonly DateOnly Day = new(2026, 12, 12);

    [Fact]
    public void Extract_TitleOfACountryWithNoKnownHolderBesideAName_IsThatPerson()
    {
        var text = "PORT AVEN, 12 December 2026 – Valdoria and Kestria signed a rail agreement on Friday.\n\n"
            + "Kestria's ambassador, Dr Lena Morr, said that the first trains would run in June.\n\n"
            + "Ambassador Ines Calder said the agreement was the best news of the year.";

        var candidates = Given.Extract(text, Day);

        var kestrian = candidates.Starting("Kestria's ambassador, Dr Lena Morr");
        Assert.Null(kestrian.Speaker.ActorId);
        Assert.Equal("Dr Lena Morr", kestrian.Speaker.Mention);
        Assert.Equal("ines-calder", candidates.Starting("Ambassador Ines Calder said").Speaker.ActorId);
    }
}
