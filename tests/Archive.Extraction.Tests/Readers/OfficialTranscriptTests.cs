using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>
/// Layouts of official transcripts and statements: a head of state's press conference with a bare spaced "Q", a
/// minister's press conference labelled by names in capitals, a broadcast interview with time codes, and a joint
/// statement in the first person plural.
/// </summary>
public sealed class OfficialTranscriptTests
{
    private static readonly DateOnly Day = new(2026, 12, 8);

    private static readonly KnownActor Korsu = Given.Person("alina-korsu", "Alina Korsu", "OR", new KnownRole("President", "Republic of Orland", new(2020, 1, 1), null));

    private static IReadOnlyList<Candidate> Extract(string text) =>
        Extractor.Extract(new ExtractionInput(text, Day, "en", [.. Given.Actors, Korsu], Given.Topics, [], null));

    [Fact]
    public void Extract_PresidentsPressConferenceWithSpacedQ_ReadsTheAnswersAndLeavesTheRunningOut()
    {
        var text = "REMARKS BY PRESIDENT KORSU IN PRESS CONFERENCE\n\n2:34 P.M. CET\n\n"
            + "PRESIDENT KORSU: Good afternoon. Please, sit down.\n\nOrland will open two new crossings on the northern border next spring.\n\n"
            + "Let's start with Orland Radio.\n\nQ    (As interpreted.) Thank you, Madam President. Will the crossings take lorries?\n\n"
            + "PRESIDENT KORSU: (As interpreted.) Yes, both of them, from the first day. Helga Frisk, Selva Courier.\n\n"
            + "Q    And the fees?\n\nPRESIDENT KORSU: The fees stay as they are. (Laughter.) Thank you all very much.\n\nEND\n\n3:19 P.M. CET";

        var candidates = Extract(text);

        Assert.Equal(["Orland will open two new crossings on the northern border next spring.", "Yes, both of them, from the first day.", "The fees stay as they are."],
            candidates.Select(c => c.Quote));
        Assert.All(candidates, c => Assert.Equal("alina-korsu", c.Speaker.ActorId));
    }

    [Fact]
    public void Extract_NamesInCapitalsWithTitlesOnFirstUse_AreTurnsAndUnknownSpeakersKeepTheirNames()
    {
        var text = "TRANSCRIPT\n\nTHE HON AMARA DIALLO\nFOREIGN MINISTER\n\nMONDAY, 7 DECEMBER 2026\n\nSUBJECTS: Border crossings; rail link.\n\n"
            + "AMARA DIALLO, FOREIGN MINISTER: Well, thanks everyone for coming out in the cold. The crossings at Holt will open in March.\n\n"
            + "JOURNALIST: Will the plant here benefit?\n\n"
            + "HEDVIG SORN, MANAGING DIRECTOR, KESSA STEELWORKS: We expect two hundred more orders a year.\n\n"
            + "JOURNALIST: And the rail link?\n\nAMARA DIALLO: The rail link follows in the autumn.\n\nJOURNALIST: Any delay?\n\nAMARA DIALLO: None that I know of.";

        var candidates = Extract(text);

        Assert.DoesNotContain(candidates, c => c.Quote.Contains("SUBJECTS", StringComparison.Ordinal) || c.Quote.Contains("thanks everyone", StringComparison.Ordinal));
        Assert.Equal("amara-diallo", candidates.Starting("The crossings at Holt").Speaker.ActorId);
        Assert.Equal("amara-diallo", candidates.Starting("The rail link follows").Speaker.ActorId);
        var sorn = candidates.Starting("We expect two hundred");
        Assert.Null(sorn.Speaker.ActorId);
        Assert.StartsWith("HEDVIG SORN", sorn.Speaker.Mention, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_InterviewWithTimeCodes_ReadsTheHostAsAskingAndTheIntroductionAsNoOnes()
    {
        var text = "Sunday Edition: Foreign Minister Amara Diallo interview transcript\n\nKTV One | Aired Sun, Dec 6, 2026\n\n"
            + "Kestria's Foreign Minister, Amara Diallo, spoke to Clara Voss on Sunday Edition about the border crossings.\n\n"
            + "Clara Voss (00:00:03):\nGood morning, and welcome to Sunday Edition. With me is the Foreign Minister. Minister, good morning.\n\n"
            + "Amara Diallo (00:00:21):\nGood morning, Clara. Thank you for having me.\n\n"
            + "Clara Voss (00:00:23):\nWill the crossings open on time?\n\n"
            + "Amara Diallo (00:00:28):\nThey will open in March, as planned.\n\n"
            + "Clara Voss (00:01:02):\nAnd the fees?\n\n"
            + "Amara Diallo (00:01:05):\nThe fees will not change this year.";

        var candidates = Extract(text);

        Assert.Equal(["They will open in March, as planned.", "The fees will not change this year."], candidates.Select(c => c.Quote));
        Assert.All(candidates, c => Assert.Equal("amara-diallo", c.Speaker.ActorId));
    }

    [Fact]
    public void Extract_JointStatementInFirstPersonPlural_IsTheParties()
    {
        var text = "Joint Statement of the Foreign Ministers of Valdoria, Kestria and Orland\n\n"
            + "We, the Foreign Ministers of Valdoria, Kestria and Orland, met today in Selva.\n\n"
            + "We welcome the agreement between Valdoria and Kestria on the rail link. We are convinced that regular consultation among Valdoria, Kestria and Orland strengthens stability.\n\n"
            + "The Foreign Minister of Valdoria and the Foreign Minister of Kestria noted that their governments hold different views on the fees.";

        var candidates = Extract(text);

        var welcome = candidates.Starting("We welcome");
        Assert.Equal(QuoteKinds.Joint, welcome.QuoteKind);
        Assert.Equal(["government-of-kestria", "government-of-orland", "government-of-valdoria"], welcome.CoSpeakers.Prepend(welcome.Speaker.ActorId!).Order());
        var noted = candidates.Starting("The Foreign Minister of Valdoria");
        Assert.Equal(["government-of-kestria", "government-of-valdoria"], noted.CoSpeakers.Prepend(noted.Speaker.ActorId!).Order());
    }

    [Fact]
    public void Extract_UnknownAmbassadorOfACountry_IsThatGovernmentNotAnotherCountrysAmbassador()
    {
        var text = "Briefing, 8 December 2026\n\nTomas Reyes: The ferry runs again from Monday.\n\nQ: And Kestria?\n\nTomas Reyes: Yesterday the Kestrian ambassador in Port Aven told our ministry that Kestria would consider sending observers.\n\nQ: When?\n\nTomas Reyes: Next week.";

        var candidate = Extract(text).Starting("Yesterday the Kestrian ambassador");

        Assert.Equal(("government-of-kestria", QuoteKinds.Reported), (candidate.Speaker.ActorId, candidate.QuoteKind));
    }
}
