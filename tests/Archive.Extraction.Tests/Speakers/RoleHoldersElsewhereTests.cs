using Xunit;

namespace Archive.Extraction.Tests.Speakers;

/// <summary>
/// A role word names a holder the text is about: not the archive's holder of the role in a country the text never
/// names, and not another country's holder when the text sets the speaker's own name beside the title.
/// </summary>
public sealed class RoleHoldersElsewhereTests
{
    private static readonly DateOnly Day = new(2026, 12, 12);

    [Fact]
    public void Extract_BareRoleInTextAboutOtherCountries_IsNotTheArchivesHolderFromElsewhere()
    {
        var text = "DREN, 12 December 2026 – Kestria and Orland signed a fishing agreement on Friday after two years of talks.\n\n"
            + "Foreign Minister Amara Diallo said the agreement was fair to the fishermen of both countries.\n\n"
            + "The ambassador said that her government would ratify it before the spring.";

        var candidates = Given.Extract(text, Day);

        Assert.NotEqual("ines-calder", candidates.Starting("The ambassador said").Speaker.ActorId);
        Assert.Equal("amara-diallo", candidates.Starting("Foreign Minister Amara Diallo said").Speaker.ActorId);
    }

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
