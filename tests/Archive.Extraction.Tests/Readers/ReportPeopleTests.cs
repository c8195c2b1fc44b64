using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>
/// How reports name and refer back to people the archive does not know: in full once, then by surname with or
/// without a courtesy title; introduced by a narrative sentence before their words; described in an apposition set
/// inside the sentence; and the clauses that may stand before them.
/// </summary>
public sealed class ReportPeopleTests
{
    private static readonly DateOnly Sunday = new(2026, 12, 6);

    [Fact]
    public void Extract_SurnameWithCourtesyTitle_TakesTheFullNameTheTextGave()
    {
        var text = "The leader of the farmers' league, Petra Lund, called the plan a mistake.\n\n\"It is a gesture, not a policy,\" Mr Lund told the radio.";

        var candidate = Given.Extract(text, Sunday).Starting("It is a gesture");

        Assert.Equal((null, "Petra Lund"), (candidate.Speaker.ActorId, candidate.Speaker.Mention));
    }

    [Fact]
    public void Extract_AccordingToTitleWithFullStop_IsTheNamedPerson()
    {
        var text = "The ferry will run again in January, according to Ms. Diallo.";

        var candidate = Assert.Single(Given.Extract(text, Sunday));

        Assert.Equal("amara-diallo", candidate.Speaker.ActorId);
    }

    [Fact]
    public void Extract_NarrativeSentenceIntroducingAnUnknownPerson_IsWhoThePronounMeans()
    {
        var text = "Foreign Minister Amara Diallo said the talks had gone well.\n\nThe ferry company's chief executive, Olga Marsh, was more cautious.\n\n\"We will know more in a week,\" she said.";

        var candidate = Given.Extract(text, Sunday).Starting("We will know more");

        Assert.Equal((null, "Olga Marsh"), (candidate.Speaker.ActorId, candidate.Speaker.Mention));
    }

    [Fact]
    public void Extract_SaidNameWithIndefiniteAppositionInsideTheSentence_IsThatPersonsReport()
    {
        var text = "Under the treaty, the owner of the dam must release water in dry months, said Karl Wendt, a professor of water law at the University of Selm, whatever the reservoirs hold.";

        var candidate = Assert.Single(Given.Extract(text, Sunday));

        Assert.Equal((null, "Karl Wendt", QuoteKinds.Reported), (candidate.Speaker.ActorId, candidate.Speaker.Mention, candidate.QuoteKind));
    }

    [Fact]
    public void Extract_PlaceWithRelativeClauseBeforeTheSubject_IsTheSubjectsReport()
    {
        var text = "In Dren, where two hundred families have been living in tents on the football pitch since the flood, the mayor, Ilse Brandt, said the town needed help before the frost.";

        var candidate = Assert.Single(Given.Extract(text, Sunday));

        Assert.Equal((null, "Ilse Brandt", QuoteKinds.Reported), (candidate.Speaker.ActorId, candidate.Speaker.Mention, candidate.QuoteKind));
    }

    [Fact]
    public void Extract_CallsAsANounAfterAVerb_IsNoSpeech()
    {
        var text = "The defence minister, Amara Diallo, has resisted calls from the opposition for an inquiry into the navy's response to the flood.";

        Assert.Empty(Given.Extract(text, Sunday));
    }
}
