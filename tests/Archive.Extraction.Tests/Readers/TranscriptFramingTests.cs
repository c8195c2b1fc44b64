using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>
/// How a transcript is framed around its turns: askers named after "Question from …", a presenter named in the header
/// and labelled in capitals, editors' notes above the turns, names standing alone above question-and-answer blocks, and
/// panel numbers set as labels.
/// </summary>
public sealed class TranscriptFramingTests
{
    private static readonly DateOnly Day = new(2026, 12, 12);

    [Fact]
    public void Extract_WrittenAnswersToQuestionsFromNamedOutlets_ProposesOnlyTheAnswers()
    {
        var text = "MINISTRY OF FOREIGN AFFAIRS OF VALDORIA\n\nAnswers of the Spokesperson, Tomas Reyes, to media questions\n\nPort Aven, 12 December 2026\n\n"
            + "Question from the Kestrian daily Morning Star: The opening of the rail link has been delayed again. Why?\n\n"
            + "Answer:\n\n"
            + "The tunnel met hard rock, and the engineers chose safety over speed.\n\n"
            + "The line will open in June.\n\n"
            + "Question from news agency KNA: Will the fares rise after the opening of the line?\n\n"
            + "Answer:\n\n"
            + "No. The fares stay as they are until 2028.";

        var candidates = Given.Extract(text, Day);

        Assert.Equal("tomas-reyes", candidates.Starting("The tunnel met hard rock").Speaker.ActorId);
        Assert.Equal("tomas-reyes", candidates.Starting("The line will open").Speaker.ActorId);
        Assert.Equal("tomas-reyes", candidates.Starting("No. The fares stay").Speaker.ActorId);
        Assert.DoesNotContain(candidates, c => c.Quote.Contains("delayed again", StringComparison.Ordinal) || c.Quote.Contains("Will the fares rise", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_PresenterNamedInHeaderAndLabelledInCapitals_SaysNothingOfRecord()
    {
        var text = "Radio Port Aven\nTranscript of the programme broadcast on Saturday, 12 December 2026\n\n"
            + "Presenter: Anna Berg\nGuest: Tomas Reyes, Spokesperson\n\n"
            + "ANNA BERG: Good morning. With me in the studio is the spokesperson, and the lines are already full.\n\n"
            + "TOMAS REYES: The rail link will open in June, whatever the rumours say.\n\n"
            + "ANNA BERG: Our first caller is Lars, who drives a lorry across the border every day.\n\n"
            + "CALLER (LARS, DREN): Will the fares rise once it opens?\n\n"
            + "TOMAS REYES: No. The fares stay as they are until 2028.\n\n"
            + "ANNA BERG: That was the spokesperson, Tomas Reyes. Thank you for listening.";

        var candidates = Given.Extract(text, Day);

        Assert.Equal("tomas-reyes", candidates.Starting("The rail link will open").Speaker.ActorId);
        Assert.Equal("tomas-reyes", candidates.Starting("No. The fares stay").Speaker.ActorId);
        Assert.DoesNotContain(candidates, c => c.Quote.Contains("first caller", StringComparison.Ordinal) || c.Quote.Contains("lines are already full", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_EditorsNotesAboveBareQuestionsAndAnswers_AreNoOnesWords()
    {
        var text = "Doorstep with Spokesperson Tomas Reyes\n\nPort Aven, 12 December 2026\n\n"
            + "Transcribed by the ministry's press service from the pool recording. Questions are shortened; answers are given in full.\n\n"
            + "Q: Is the rail link late again?\n\n"
            + "A: It will open in June, as planned.\n\n"
            + "Q: And the fares?\n\n"
            + "A: They stay as they are.";

        var candidates = Given.Extract(text, Day);

        Assert.Equal("tomas-reyes", candidates.Starting("It will open in June").Speaker.ActorId);
        Assert.Equal("tomas-reyes", candidates.Starting("They stay as they are").Speaker.ActorId);
        Assert.DoesNotContain(candidates, c => c.Quote.Contains("Transcribed", StringComparison.Ordinal) || c.Quote.Contains("shortened", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_NamesStandingAloneAboveBareQuestionsAndAnswers_AnswerTheirBlocks()
    {
        var text = "Doorstep statements on arrival at the ministers' meeting\n\nPort Aven, 12 December 2026\n\n"
            + "TOMAS REYES\nSpokesperson, Ministry of Foreign Affairs of Valdoria\n\n"
            + "Q: Is the rail link late again?\n"
            + "A: It will open in June, as planned.\n\n"
            + "AMARA DIALLO\nForeign Minister, Kestria\n\n"
            + "Q: Do you agree?\n"
            + "A: We have no reason to doubt it.\n\n"
            + "LIV AUNE\nMinister of Transport, Orland (answers in Orlandish, interpreted)\n\n"
            + "Q: And Orland?\n"
            + "A: Our trains will be ready too.";

        var candidates = Given.Extract(text, Day);

        Assert.Equal("tomas-reyes", candidates.Starting("It will open in June").Speaker.ActorId);
        Assert.Equal("amara-diallo", candidates.Starting("We have no reason").Speaker.ActorId);
        var unknown = candidates.Starting("Our trains will be ready");
        Assert.Null(unknown.Speaker.ActorId);
        Assert.Equal("Liv Aune", unknown.Speaker.Mention);
        Assert.DoesNotContain(candidates, c => c.Quote.Contains("Foreign Minister, Kestria", StringComparison.Ordinal) || c.Quote.Contains("interpreted", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_PanelNumberLabellingTheWitnessesOnce_IsNoSpeaker()
    {
        var text = "Standing Committee on Transport\n\nOral evidence: the Northern Rail Link\n\nSaturday 12 December 2026\n\nWitnesses\n\n"
            + "I: Tomas Reyes, Spokesperson, Ministry of Foreign Affairs; and Amara Diallo, Foreign Minister of Kestria.\n\n"
            + "Examination of witnesses\n\n"
            + "Q1 Chair: Why is the rail link late?\n\n"
            + "Tomas Reyes: The tunnel met hard rock, and the engineers chose safety over speed.\n\n"
            + "Q2 Chair: Will it open in June?\n\n"
            + "Amara Diallo: Kestria expects it to open in June.";

        var candidates = Given.Extract(text, Day);

        Assert.Equal("tomas-reyes", candidates.Starting("The tunnel met hard rock").Speaker.ActorId);
        Assert.DoesNotContain(candidates, c => c.Quote.Contains("Examination of witnesses", StringComparison.Ordinal) || c.Quote.Contains("Spokesperson, Ministry", StringComparison.Ordinal));
    }
}
