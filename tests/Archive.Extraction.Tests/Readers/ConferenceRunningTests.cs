using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>What a moderator and the speakers say to run a conference is no one's statement of record.</summary>
public sealed class ConferenceRunningTests
{
    private const string Conference = """
        Joint press conference, Port Aven, 5 May 2026

        Hana Petrov (moderator): Ladies and gentlemen, good afternoon. The two ministers will begin with short statements. We will then have time for three questions. Minister Diallo, please.

        Amara Diallo: Thank you, Hana. Tomas, welcome back to Selva.

        Kestria will open the new border crossing in June.

        Hana Petrov (moderator): The first question, please. Selva Herald.

        Q: Will the crossing be open at night? And for trucks?

        Amara Diallo: Thank you, dear Hana, for the question. It will be open day and night.

        Hana Petrov (moderator): Next, Radio Orland.

        Q: Is the date fixed? Will it slip?

        Tomas Reyes: Certainly. The date is fixed. Minister Diallo has to leave us now for a meeting at the palace.

        (The press conference ended at 15:40.)

        Hana Petrov (moderator): Thank you, ministers. This concludes the press conference.
        """;

    [Fact]
    public void Extract_ModeratorCallsGreetingsAndClosing_AreNotStatements()
    {
        var candidates = Given.Extract(Conference, new DateOnly(2026, 5, 5));

        Assert.DoesNotContain(candidates, c => c.Speaker.ActorId == "hana-petrov");
        Assert.DoesNotContain(candidates, c => c.Quote.Contains("welcome back") || c.Quote.Contains("Thank you") || c.Quote.Contains("leave us")
            || c.Quote.Contains("15:40"));
    }

    [Fact]
    public void Extract_AnswersAroundCourtesies_KeepTheirOwnWords()
    {
        var candidates = Given.Extract(Conference, new DateOnly(2026, 5, 5));

        Assert.Equal("amara-diallo", candidates.Starting("Kestria will open the new border crossing").Speaker.ActorId);
        Assert.Equal("amara-diallo", candidates.Starting("It will be open day and night.").Speaker.ActorId);
        Assert.Equal("Certainly. The date is fixed.", candidates.Starting("Certainly.").Quote);
        Assert.Equal(3, candidates.Count);
    }

    [Fact]
    public void Extract_AnswerersOwnSpokespersonAndAsISaid_StayInTheAnswer()
    {
        var text = "Briefing, 5 May 2026\n\nQ: Are the fees the same for every flag? For all ships?\n\nTomas Reyes: As I said, the fees are the same for every flag. Our spokesperson has said so, and I repeat it.\n\nQ: And next year? Will they rise?\n\nTomas Reyes: They will not rise.\n\nQ: Thank you. Anything else?";

        var candidates = Given.Extract(text);

        Assert.All(candidates, c => Assert.Equal(("tomas-reyes", QuoteKinds.Direct), (c.Speaker.ActorId, c.QuoteKind)));
        Assert.Equal(2, candidates.Count);
    }
}
