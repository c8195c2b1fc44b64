using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>
/// A briefing summarised in the third person: the spokesperson named by an abbreviation the text defines or by whose
/// spokesperson they are, the question put to them before what they said, words quoted inside someone else's reported
/// speech, a title before a name the archive does not know, and "the two leaders" of a call the spokesperson reported.
/// </summary>
public sealed class BriefingSummaryTests
{
    private static readonly DateOnly Wednesday = new(2026, 12, 9);

    // Orland's prime minister; the archive knows no spokesperson of Orland.
    private static readonly KnownActor Morn = Given.Person("edda-morn", "Edda Morn", "OR", new KnownRole("Prime Minister", "Government of Orland", new(2024, 1, 1), null));

    private static IReadOnlyList<Candidate> Extract(string text) =>
        Extractor.Extract(new ExtractionInput(text, Wednesday, "en", [.. Given.Actors, Morn], Given.Topics, []));

    [Fact]
    public void Extract_AbbreviationDefinedInParentheses_ResolvesLikeItsFullWords()
    {
        var text = "Notes from the weekly briefing of the Kestrian Ministry of Foreign Affairs (KMFA) in Brask.\n\n"
            + "The KMFA said the border crossing at Selva would reopen to lorries on Monday morning.";

        var candidate = Extract(text).Starting("The KMFA said");

        Assert.Equal(("government-of-kestria", "The KMFA", QuoteKinds.Reported), (candidate.Speaker.ActorId, candidate.Speaker.Mention, candidate.QuoteKind));
    }

    [Fact]
    public void Extract_SpokespersonOfAnOfficeHolderTheArchiveKnowsNoSpokespersonFor_IsTheirGovernment()
    {
        var text = "The Prime Minister's Official Spokesperson said the government would publish the flood maps on Friday.";

        var candidate = Assert.Single(Extract(text));

        Assert.Equal("government-of-orland", candidate.Speaker.ActorId);
    }

    [Fact]
    public void Extract_HeAfterTheSpokesperson_IsTheSpokespersonStill()
    {
        var text = "The Prime Minister's spokesman said the heating allowance would rise in January. He said the increase would reach every pensioner before the end of the month.";

        var candidate = Extract(text).Starting("He said");

        Assert.Equal("government-of-orland", candidate.Speaker.ActorId);
    }

    [Fact]
    public void Extract_HeAfterAnOfficeHolderActing_IsThatOfficeHolder()
    {
        var text = "The Prime Minister's spokesman said the visit had been a success. The Prime Minister briefed the cabinet on the visit this morning. "
            + "He told the cabinet that the talks had gone well, the spokesman said, and thanked the embassy staff for their work.";

        var candidate = Extract(text).Starting("He told the cabinet");

        Assert.Equal(("edda-morn", QuoteKinds.Reported), (candidate.Speaker.ActorId, candidate.QuoteKind));
    }

    [Fact]
    public void Extract_QuestionPutToTheSpokespersonBeforeTheQuotation_IsNotTheSpeaker()
    {
        var text = "Put to him that Kestria's foreign minister had said on Monday that the border would stay closed until spring, the Prime Minister's spokesman said: \"We have heard the minister. We will answer with the facts.\"";

        var candidates = Extract(text);

        var quoted = candidates.Starting("We have heard the minister");
        Assert.Equal(("government-of-orland", QuoteKinds.Direct), (quoted.Speaker.ActorId, quoted.QuoteKind));
        Assert.DoesNotContain(candidates, c => c.Speaker.ActorId == "amara-diallo");
    }

    [Fact]
    public void Extract_QuestionNamingAnEarlierDay_DoesNotDateTheAnswer()
    {
        var text = "Asked whether the lorry drivers fined at the crossing last month would be paid back, the Prime Minister's spokesman said the matter was under review.";

        var candidate = Assert.Single(Extract(text));

        Assert.Equal(Wednesday, candidate.SaidOn);
    }

    [Fact]
    public void Extract_WordsQuotedInsideSomeonesReportedSpeech_BelongToThatReport()
    {
        var text = "Amara Diallo told the assembly that the new fees were \"a burden on every family in the valley\", the spokesperson said.";

        var candidate = Assert.Single(Extract(text));

        Assert.Equal(("amara-diallo", QuoteKinds.Reported), (candidate.Speaker.ActorId, candidate.QuoteKind));
    }

    [Fact]
    public void Extract_TitleBeforeANameTheArchiveDoesNotKnow_IsThatPersonNotTheTitlesHolder()
    {
        var text = "Prime Minister Vesk told reporters in Selva on Tuesday that his country would pay for the technical studies.";

        var candidate = Assert.Single(Extract(text));

        Assert.Null(candidate.Speaker.ActorId);
        Assert.Contains("Vesk", candidate.Speaker.Mention, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_TwoLeadersOfACallTheSpokespersonReported_AreTheSpokespersonsGovernmentAndTheOther()
    {
        var text = "The Prime Minister's spokesman said the Prime Minister had spoken to the President of Kestria by telephone last night. "
            + "The two leaders agreed that their governments would open talks on the corridor early next year.";

        var candidate = Extract(text).Starting("The two leaders");

        Assert.Equal(QuoteKinds.Joint, candidate.QuoteKind);
        Assert.Equal(["government-of-kestria", "government-of-orland"], candidate.CoSpeakers.Prepend(candidate.Speaker.ActorId!).Order());
    }

    [Fact]
    public void Extract_TitledLabelOfADeputyTheArchiveDoesNotKnow_KeepsTheFullNameTheTextGives()
    {
        var text = "Ministry of Foreign Affairs of Valdoria\nRegular press briefing, 18 August 2026\nToday we are joined by Deputy Spokesperson Aino Kask.\n\n"
            + "Q: When will the consulate open on Saturdays?\n\nDeputy Spokesperson Kask: From September, the consulate will open on Saturday mornings.\n\n"
            + "Q: Will the fee change?\n\nDeputy Spokesperson Kask: The fee will stay the same for every applicant.\n\n"
            + "Q: And the waiting times?\n\nDeputy Spokesperson Kask: We expect them to fall below ten days by the end of the year.";

        var candidate = Extract(text).Starting("The fee will stay");

        Assert.Equal((null, "Aino Kask"), (candidate.Speaker.ActorId, candidate.Speaker.Mention));
    }
}
