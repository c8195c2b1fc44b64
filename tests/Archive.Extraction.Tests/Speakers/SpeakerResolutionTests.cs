using Xunit;

namespace Archive.Extraction.Tests.Speakers;

public sealed class SpeakerResolutionTests
{
    [Fact]
    public void Extract_RoleWord_ResolvesToWhoHeldTheRoleOnTheDayOfSaying()
    {
        // Published on Monday 2 June 2025; "on Friday" is 30 May, when Lind was still ambassador (Calder from 1 June).
        var candidate = Assert.Single(Given.Extract("The ambassador said on Friday that the tariffs would not affect steel from Kestria.", new DateOnly(2025, 6, 2)));

        Assert.Equal("oskar-lind", candidate.Speaker.ActorId);
        Assert.Equal(new DateOnly(2025, 5, 30), candidate.SaidOn);
    }

    [Fact]
    public void Extract_RoleWordAfterTheRolesHolderChanged_ResolvesToTheNewHolder()
    {
        var candidate = Assert.Single(Given.Extract("The spokesperson said that Valdoria would host the conference next week.", new DateOnly(2026, 3, 3)));

        Assert.Equal("tomas-reyes", candidate.Speaker.ActorId);
    }

    [Fact]
    public void Extract_RoleWordNamedEarlierInText_ResolvesToThatPerson()
    {
        var text = "Speaking at the ceremony, Ambassador Ines Calder said that the line had created 6,000 jobs.\n\nThe ambassador added that freight would come first.";

        var candidate = Given.Extract(text, new DateOnly(2026, 3, 3)).Starting("The ambassador added");

        Assert.Equal("ines-calder", candidate.Speaker.ActorId);
        Assert.Equal("The ambassador", candidate.Speaker.Mention);
    }

    [Fact]
    public void Extract_Pronoun_ResolvesToLastPersonSpeaker()
    {
        var text = "Kestria said that the border would reopen. Amara Diallo said that trust had grown. She added that talks would resume in May.";

        var candidate = Given.Extract(text, new DateOnly(2026, 3, 3)).Starting("She added");

        Assert.Equal("amara-diallo", candidate.Speaker.ActorId);
    }

    [Fact]
    public void Extract_PronounAfterNarrativeNamingPerson_ResolvesToThatPerson()
    {
        var text = "Ines Calder made the remarks at a ceremony in Port Aven. He said that the line would open this year.";

        var candidate = Given.Extract(text, new DateOnly(2026, 3, 3)).Starting("He said");

        Assert.Equal("ines-calder", candidate.Speaker.ActorId);
    }

    [Fact]
    public void Extract_LastNameAlone_ResolvesToTheActor()
    {
        var candidate = Assert.Single(Given.Extract("Calder said that every kilometre of track was a promise kept.", new DateOnly(2026, 3, 3)));

        Assert.Equal("ines-calder", candidate.Speaker.ActorId);
    }

    [Fact]
    public void Extract_UnknownPerson_KeepsMentionWithoutActorId()
    {
        var candidate = Assert.Single(Given.Extract("Priya Nandakumar, an economist at the Harbour Institute, said the tariffs had raised building costs.", new DateOnly(2025, 6, 2)));

        Assert.Null(candidate.Speaker.ActorId);
        Assert.Equal("Priya Nandakumar", candidate.Speaker.Mention);
        Assert.Equal(Confidences.Low, candidate.Confidence);
    }

    [Fact]
    public void Extract_RoleWithQualifier_ResolvesToTheHolderWhoseRoleCarriesIt()
    {
        var energy = Given.Person("marta-lindqvist", "Marta Lindqvist", "VD", new KnownRole("Minister of Energy", "Government of Valdoria", new(2025, 9, 1), null));
        var trade = Given.Person("jonas-vik", "Jonas Vik", "VD", new KnownRole("Minister of Trade", "Government of Valdoria", new(2024, 5, 1), null));
        var input = Given.Input("Valdoria's energy minister said on Monday that the grids were not yet compatible.", new DateOnly(2026, 5, 14))
            with { Actors = [.. Given.Actors, energy, trade] };

        var candidate = Assert.Single(Extractor.Extract(input));

        Assert.Equal("marta-lindqvist", candidate.Speaker.ActorId);
    }

    [Theory]
    [InlineData("Orland", "pm-orland")]
    [InlineData("Kestria", "pm-kestria")]
    [InlineData(null, null)]
    public void Extract_RoleHeldInSeveralCountries_ResolvesToTheHolderOfTheCountryTheTextIsAbout(string? country, string? expected)
    {
        // given two prime ministers in office, and a report that names one country (or none) throughout
        var orland = Given.Person("pm-orland", "Edda Varn", "OR", new KnownRole("Prime Minister", "Government of Orland", new(2025, 1, 1), null));
        var kestria = Given.Person("pm-kestria", "Bela Short", "KS", new KnownRole("Prime Minister", "Government of Kestria", new(2024, 1, 1), null));
        var place = country ?? "the region";
        var text = $"Floods closed three roads in {place} on Monday.\n\nThe prime minister said on Tuesday that the army would rebuild the bridges in {place} within a month.";
        var input = Given.Input(text, new DateOnly(2026, 5, 14)) with { Actors = [.. Given.Actors, orland, kestria] };

        // when its candidates are read
        var candidate = Assert.Single(Extractor.Extract(input));

        // then "the prime minister" is that country's, and stays unresolved when no country tells them apart
        Assert.Equal(expected, candidate.Speaker.ActorId);
    }

    [Fact]
    public void Extract_CountryAdjectiveSide_IsThatGovernmentInAJointStatement()
    {
        var text = "Joint Statement between Valdoria and Kestria\n\nThe Kestrian side expressed its readiness to expand the container terminal for Valdoria's exports.";

        var candidate = Assert.Single(Given.Extract(text, new DateOnly(2026, 6, 23)));

        Assert.Equal(("government-of-kestria", QuoteKinds.Joint), (candidate.Speaker.ActorId, candidate.QuoteKind));
        Assert.Equal(["government-of-valdoria"], candidate.CoSpeakers);
    }

    [Fact]
    public void Extract_ThreeSides_AreThreeGovernments()
    {
        var text = "Valdoria, Kestria and Orland met in Selva. Kestria hosted. Orland and Valdoria attended.\n\nThe three sides agreed to publish the water levels of the lake every day.";

        var candidate = Given.Extract(text, new DateOnly(2026, 6, 2)).Starting("The three sides");

        Assert.Equal(QuoteKinds.Joint, candidate.QuoteKind);
        Assert.Equal(3, candidate.CoSpeakers.Count + 1);
    }
}
