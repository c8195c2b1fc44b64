using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>
/// More ways transcripts mark who speaks: bracketed tags opening paragraphs, ranks in capital labels shortened
/// after first use, a "STAFF:" moderator, and a guest briefer labelled by title and surname.
/// </summary>
public sealed class BriefingLabelFormsTests
{
    private static readonly DateOnly Day = new(2026, 12, 9);

    private static readonly KnownActor Korsu = Given.Person("alina-korsu", "Alina Korsu", "OR", new KnownRole("President", "Republic of Orland", new(2020, 1, 1), null));

    private static IReadOnlyList<Candidate> Extract(string text) =>
        Extractor.Extract(new ExtractionInput(text, Day, "en", [.. Given.Actors, Korsu], Given.Topics, [], null));

    [Fact]
    public void Extract_BracketedTagsOpeningParagraphs_AreTurnsAndModeratorAndReportersSayNothingOfRecord()
    {
        var text = "Joint Press Conference by President Korsu and Foreign Minister Diallo\n\n9 Dec 2026 (Wed)\n\n"
            + "(Moderator) Thank you for waiting. President Korsu will speak first.\n\n"
            + "(President Korsu) Welcome to Holt, Amara. We have agreed to open the crossings in March.\n\n"
            + "The fees will stay as they are until the end of next year.\n\n"
            + "(Moderator) Thank you. Minister Diallo, please.\n\n"
            + "(Minister Diallo) Kestria will pay for half of the new bridge.\n\n"
            + "(Reporter) Will the bridge be finished by the summer?\n\n"
            + "(Minister Diallo) The engineers tell us it will be finished in August.";

        var candidates = Extract(text);

        Assert.Equal("alina-korsu", candidates.Starting("Welcome to Holt").Speaker.ActorId);
        Assert.Equal("alina-korsu", candidates.Starting("The fees will stay").Speaker.ActorId);
        Assert.Equal("amara-diallo", candidates.Starting("Kestria will pay").Speaker.ActorId);
        Assert.Equal("amara-diallo", candidates.Starting("The engineers tell us").Speaker.ActorId);
        Assert.DoesNotContain(candidates, c => c.Quote.Contains("Thank you for waiting", StringComparison.Ordinal)
            || c.Quote.Contains("Will the bridge", StringComparison.Ordinal) || c.Quote.Contains("(", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_OneBracketedWordOpeningAReport_IsNoSpeaker()
    {
        var text = "HOLT, Dec 9 (Northwire) - Orland will open two crossings in March, President Alina Korsu said on Wednesday.\n\n"
            + "(Updated) \"The fees will stay as they are,\" Korsu told reporters.\n\n"
            + "Kestria's Foreign Minister Amara Diallo said Kestria would pay for half of the bridge.";

        var candidates = Extract(text);

        Assert.Equal("alina-korsu", candidates.Starting("The fees will stay").Speaker.ActorId);
        Assert.DoesNotContain(candidates, c => c.Speaker.Mention == "Updated");
    }

    [Fact]
    public void Extract_RankInCapitalsShortenedLater_KeepsTheFullNameAndStaffRunsTheBriefing()
    {
        var text = "DEFENCE BRIEFING\n\n12/9/2026\n\n"
            + "STAFF: Good morning. The Minister will speak first, then Rear Admiral Ostberg.\n\n"
            + "MINISTER OF FOREIGN AFFAIRS AMARA DIALLO: Kestria has sent two ships to the strait. Admiral.\n\n"
            + "REAR ADMIRAL INGRID OSTBERG: Thank you, Minister. The survey found a furrow four metres wide.\n\n"
            + "STAFF: First question, Lena Pohl, Harbour Post.\n\n"
            + "Q: Was it deliberate?\n\n"
            + "ADM. OSTBERG: It would be unusual to drag an anchor that far without noticing.\n\n"
            + "STAFF: Next, Bram Oster.\n\nQ: Minister, will you send more ships?\n\n"
            + "MS. DIALLO: Not this month.";

        var candidates = Extract(text);

        var survey = candidates.Starting("The survey found");
        Assert.Null(survey.Speaker.ActorId);
        Assert.Equal("Ingrid Ostberg", Assert.Single(candidates, c => c.Quote.StartsWith("It would be unusual", StringComparison.Ordinal)).Speaker.Mention);
        Assert.Equal("amara-diallo", candidates.Starting("Kestria has sent").Speaker.ActorId);
        Assert.Equal("amara-diallo", candidates.Starting("Not this month").Speaker.ActorId);
        Assert.DoesNotContain(candidates, c => c.Quote.Contains("Good morning", StringComparison.Ordinal)
            || c.Quote.Contains("First question", StringComparison.Ordinal) || c.Quote.Contains("OSTBERG:", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_GuestBrieferLabelledByTitleAndSurname_IsNamedInFullFromTheText()
    {
        var text = "Press briefing by the Spokesperson's Office\n\n7/12/2026\n\n"
            + "Spokesperson Tomas Reyes opened the briefing with the consular director, Ottilie Brun.\n\n"
            + "Tomas Reyes: Good afternoon. The rail link reopens on Friday. Ottilie, over to you.\n\n"
            + "Ms. Brun: Thank you. Our consul has visited the crew twice this week.\n\n"
            + "Question: When will the crew come home?\n\n"
            + "Ms. Brun: As soon as the prosecutor allows it, and we expect that within days.";

        var candidates = Extract(text);

        Assert.All(candidates.Where(c => c.Quote.StartsWith("Our consul", StringComparison.Ordinal) || c.Quote.StartsWith("As soon as", StringComparison.Ordinal)),
            c => Assert.Equal("Ottilie Brun", c.Speaker.Mention));
        Assert.Equal(2, candidates.Count(c => c.Speaker.Mention == "Ottilie Brun"));
    }

    [Fact]
    public void Extract_VerbatimRecordWithSpeakerLinesAboveTheirWords_ReadsEachSpeakerAndLeavesTheChairOut()
    {
        var text = "Parliament of Kestria\nOfficial Report\n\nBorder Crossings\n\nVolume 12: debated on Wednesday 9 December 2026\n\n2.15 pm\n\n"
            + "The Minister of Foreign Affairs (Amara Diallo)\nWith permission, Mr Speaker, I will make a statement on the crossings.\n\n"
            + "The crossings at Holt will open in March, and the fees will stay as they are.\n\n"
            + "Mr Speaker\nOrder. Short questions, please.\n\n"
            + "Jon Harrow (Holt East) (Opposition)\nThe people of Holt have waited two years for this, and they have been patient for long enough.\n\n"
            + "Amara Diallo\nI agree with the honourable Gentleman that the wait has been too long, and I thank him for his support.\n\n"
            + "Hon. Members: Hear, hear.\n\n"
            + "Amara Diallo\nThe bridge at Orra will follow in the autumn of next year.";

        var candidates = Extract(text);

        Assert.Equal("amara-diallo", candidates.Starting("The crossings at Holt").Speaker.ActorId);
        Assert.Equal("amara-diallo", candidates.Starting("I agree with the honourable").Speaker.ActorId);
        Assert.Equal("amara-diallo", candidates.Starting("The bridge at Orra").Speaker.ActorId);
        var member = candidates.Starting("The people of Holt");
        Assert.Null(member.Speaker.ActorId);
        Assert.Equal("Jon Harrow", member.Speaker.Mention);
        Assert.All(candidates, c => Assert.Equal(new DateOnly(2026, 12, 9), c.SaidOn));
        Assert.DoesNotContain(candidates, c => c.Quote.Contains("Short questions", StringComparison.Ordinal) || c.Quote.Contains("Hear, hear", StringComparison.Ordinal)
            || c.Quote.Contains("Official Report", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_ReportWithCrossheadsAboveParagraphs_StaysAReport()
    {
        var text = "HOLT, Dec 9 (Northwire) - Kestria will open two crossings in March, Foreign Minister Amara Diallo said on Wednesday.\n\n"
            + "Border Trade\nTraders on both sides of the border have waited two years for the crossings to open.\n\n"
            + "\"The fees will stay as they are,\" Diallo told reporters in Holt.\n\n"
            + "Next Steps\nThe bridge at Orra is expected to follow in the autumn of next year, officials said.\n\n"
            + "Border Trade\nLorries will be allowed through both crossings from the first day.";

        var candidates = Extract(text);

        Assert.Equal("amara-diallo", candidates.Starting("The fees will stay").Speaker.ActorId);
        Assert.DoesNotContain(candidates, c => c.Speaker.Mention is "Border Trade" or "Next Steps");
    }

    [Fact]
    public void Extract_ReadoutWhereThePrimeMinistersAgree_IsJointForBothGovernments()
    {
        var text = "Readout: the President's talks with Foreign Minister Diallo of Kestria\n\nHolt, 9th December 2026\n\n"
            + "1. The President and the Foreign Minister discussed the crossings. Foreign Minister Diallo stated that Kestria would pay for half of the bridge.\n\n"
            + "2. The Presidents agreed to open the crossings at Holt in March and to keep the fees as they are.\n\n"
            + "3. The Prime Ministers welcomed the progress made on the rail link between the two capitals.";

        var candidates = Extract(text);

        Assert.All(new[] { candidates.Starting("The Presidents agreed"), candidates.Starting("The Prime Ministers welcomed") },
            c => Assert.Equal("joint", c.QuoteKind));
        Assert.Equal("amara-diallo", candidates.Starting("Foreign Minister Diallo stated").Speaker.ActorId);
    }
}
