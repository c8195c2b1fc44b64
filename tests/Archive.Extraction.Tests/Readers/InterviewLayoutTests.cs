using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>
/// Transcript layouts where the label does not tell the whole story: an answer label naming in brackets who answers,
/// a printed interview whose questions carry no label, and an introduction saying on which day the interview was held.
/// </summary>
public sealed class InterviewLayoutTests
{
    private static readonly DateOnly Day = new(2026, 12, 12);

    [Fact]
    public void Extract_AnswerLabelNamingAnotherPersonInBrackets_IsThatPersonsAnswer()
    {
        var text = "Press conference by Spokesperson Tomas Reyes\n\nPort Aven, 12 December 2026\n\n"
            + "QUESTION: When will the rail link open?\n\n"
            + "REPLY: The engineers can say more about that than I can.\n\n"
            + "REPLY (Mr. Arvid Stenlund, Director of the Rail Authority): Thank you. The tunnel will be finished in June, and trains will run from August.\n\n"
            + "QUESTION: Will the fares rise?\n\n"
            + "REPLY: No, the fares stay as they are.";

        var candidates = Given.Extract(text, Day);

        var engineer = candidates.Single(c => c.Quote.Contains("The tunnel will be finished", StringComparison.Ordinal));
        Assert.Null(engineer.Speaker.ActorId);
        Assert.Equal("Arvid Stenlund", engineer.Speaker.Mention);
        Assert.Equal("tomas-reyes", candidates.Starting("No, the fares stay").Speaker.ActorId);
        Assert.Equal("tomas-reyes", candidates.Starting("The engineers can say").Speaker.ActorId);
    }

    [Fact]
    public void Extract_PrintedInterviewWithUnlabelledQuestions_ProposesOnlyTheLabelledAnswers()
    {
        var text = "PORT AVEN REVIEW · 12 December 2026\n\nAn hour with the spokesperson\n\n"
            + "Tomas Reyes has spoken for the foreign ministry since March.\n\n"
            + "Mr Reyes, the rail link is late again. Who is to blame?\n\n"
            + "Reyes: Nobody is to blame. The tunnel met hard rock, and the engineers chose safety over speed.\n\n"
            + "Not everyone sees it that way. The opposition calls it a scandal.\n\n"
            + "Reyes: The opposition voted for the same budget. I remember that vote well.\n\n"
            + "Will the fares rise once it opens?\n\n"
            + "Reyes: They will not rise before 2028.\n\n"
            + "Mr Reyes, thank you for your time.";

        var candidates = Given.Extract(text, Day);

        Assert.Equal("tomas-reyes", candidates.Starting("Nobody is to blame").Speaker.ActorId);
        Assert.Equal("tomas-reyes", candidates.Starting("The opposition voted").Speaker.ActorId);
        Assert.Equal("tomas-reyes", candidates.Starting("They will not rise").Speaker.ActorId);
        Assert.DoesNotContain(candidates, c => c.Quote.Contains("Not everyone sees it", StringComparison.Ordinal)
            || c.Quote.Contains("Will the fares rise", StringComparison.Ordinal) || c.Quote.Contains("thank you for your time", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_InterviewIntroductionSayingWhenWeMetTheSpeaker_DatesTheAnswers()
    {
        var text = "PORT AVEN REVIEW · Saturday, 12 December 2026\n\nAn hour with the spokesperson\n\n"
            + "We met Tomas Reyes on Wednesday at the foreign ministry, the day before the rail talks.\n\n"
            + "Mr Reyes, the rail link is late again. Who is to blame?\n\n"
            + "Reyes: Nobody is to blame. The tunnel met hard rock, and the engineers chose safety over speed.\n\n"
            + "Not everyone sees it that way. The opposition calls it a scandal.\n\n"
            + "Reyes: The opposition voted for the same budget. I remember that vote well.\n\n"
            + "Will the fares rise once it opens?\n\n"
            + "Reyes: They will not rise before 2028.";

        var candidates = Given.Extract(text, Day);

        Assert.Equal(new DateOnly(2026, 12, 9), candidates.Starting("Nobody is to blame").SaidOn);
        Assert.Equal(new DateOnly(2026, 12, 9), candidates.Starting("They will not rise").SaidOn);
    }
}
