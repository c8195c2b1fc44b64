using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>Briefings laid out with "Q:"/"A:" lines, speaker lines standing alone, titled labels and stage notes.</summary>
public sealed class BriefingLayoutTests
{
    private const string QuestionAndAnswer = """
        Ministry of Foreign Affairs of Valdoria
        Press briefing by Spokesperson Tomas Reyes
        Port Aven, 10 March 2026

        [Recording starts]

        Valdoria will open a consulate in the northern province in April. It will issue visas to seasonal workers.

        Q: The Kestrian minister said the delays were "unacceptable". Is the consulate a response?

        A: (laughs) It has been planned for two years. Kestria welcomed the plan when we presented it.

        Follow-up: How many staff?

        A: Twelve, at first.

        That is all for today. See you on Thursday.
        """;

    private const string Layout = """
        Ministry of Foreign Affairs of Valdoria
        Regular Press Conference, 12 March 2026

        Spokesperson Tomas Reyes:

        The rail link will open to freight in June.

        Journalist (Port Aven Post):

        Will the fares change?

        Deputy Spokesperson Halvorsen:

        [Translation] The fares will stay as they are.

        A second paragraph of the answer says that tickets can be bought online.

        Spokesperson Tomas Reyes:

        We have time for one more question.
        """;

    [Fact]
    public void Extract_AnswerLabelA_IsTheBrieferNamedInTheHeader()
    {
        var candidates = Given.Extract(QuestionAndAnswer, new DateOnly(2026, 3, 10));

        Assert.Equal("tomas-reyes", candidates.Starting("It has been planned").Speaker.ActorId);
        Assert.Equal("tomas-reyes", candidates.Starting("Twelve, at first.").Speaker.ActorId);
        Assert.Equal("government-of-kestria", candidates.Starting("Kestria welcomed").Speaker.ActorId);
    }

    [Fact]
    public void Extract_AnnouncementBeforeFirstQuestion_IsTheBriefersStatement()
    {
        var candidates = Given.Extract(QuestionAndAnswer, new DateOnly(2026, 3, 10));

        var announcement = candidates.Starting("Valdoria will open a consulate");
        Assert.Equal(("tomas-reyes", QuoteKinds.Direct), (announcement.Speaker.ActorId, announcement.QuoteKind));
        Assert.Equal(new DateOnly(2026, 3, 10), announcement.SaidOn);
    }

    [Fact]
    public void Extract_StageNotesQuestionsAndClosingRemarks_AreNoOnesWords()
    {
        var candidates = Given.Extract(QuestionAndAnswer, new DateOnly(2026, 3, 10));

        Assert.DoesNotContain(candidates, c => c.Quote.Contains('[') || c.Quote.Contains("(laughs)") || c.Quote.Contains('?'));
        Assert.DoesNotContain(candidates, c => c.Quote.Contains("unacceptable") || c.Quote.Contains("That is all") || c.Quote.Contains("See you"));
    }

    [Fact]
    public void Extract_SpeakerLineStandingAlone_OwnsTheParagraphsBelow()
    {
        var candidates = Given.Extract(Layout, new DateOnly(2026, 3, 12));

        Assert.Equal("tomas-reyes", candidates.Starting("The rail link will open").Speaker.ActorId);
        Assert.DoesNotContain(candidates, c => c.Quote.Contains("Will the fares") || c.Quote.Contains("one more question"));
        Assert.StartsWith("qa:", candidates.Starting("The fares will stay").Rule);
    }

    [Fact]
    public void Extract_TitledLabelOfSomeoneUnknown_KeepsTheirNameNotTheRoleHolders()
    {
        var candidates = Given.Extract(Layout, new DateOnly(2026, 3, 12));

        foreach (var words in new[] { "The fares will stay", "A second paragraph" })
        {
            var answer = candidates.Starting(words);
            Assert.Null(answer.Speaker.ActorId);
            Assert.Contains("Halvorsen", answer.Speaker.Mention);
        }
    }

    private const string Visit = """
        Foreign Office of Orland – Press Briefing
        Tuesday, 10 March 2026
        Briefers: Spokesperson Tomas Reyes; Foreign Minister Amara Diallo

        Tomas Reyes: Welcome, everyone. Foreign Minister Amara Diallo will open today's briefing with a statement, and then we will take your questions.

        Amara Diallo: The talks ended with an agreement on the fisheries.

        Q: Did Valdoria support it?

        Amara Diallo: Tomas Reyes told me on Sunday that Valdoria would support it.

        Tomas Reyes: Thank you, that concludes today's briefing.
        """;

    [Fact]
    public void Extract_HeaderLineListingBriefers_IsNotATurn()
    {
        var candidates = Given.Extract(Visit, new DateOnly(2026, 3, 10));

        Assert.DoesNotContain(candidates, c => c.Quote.Contains("Briefers") || c.Quote.StartsWith("Spokesperson Tomas Reyes;", StringComparison.Ordinal));
        Assert.Equal("amara-diallo", candidates.Starting("The talks ended").Speaker.ActorId);
    }

    [Fact]
    public void Extract_OpeningAndClosingOfBriefing_AreNotStatements()
    {
        var candidates = Given.Extract(Visit, new DateOnly(2026, 3, 10));

        Assert.DoesNotContain(candidates, c => c.Quote.Contains("Welcome") || c.Quote.Contains("open today's briefing") || c.Quote.Contains("concludes"));
    }

    [Fact]
    public void Extract_ReportedSayingInAnswerWithItsOwnDay_IsDatedByIt()
    {
        var candidates = Given.Extract(Visit, new DateOnly(2026, 3, 10));

        var reported = candidates.Starting("Tomas Reyes told me on Sunday");
        Assert.Equal(("tomas-reyes", QuoteKinds.Reported), (reported.Speaker.ActorId, reported.QuoteKind));
        Assert.Equal(new DateOnly(2026, 3, 8), reported.SaidOn);
    }

    private const string BareRole = """
        Briefing by Tomas Reyes, Spokesperson of the Ministry of Foreign Affairs of Valdoria
        Port Aven, 10 March 2026

        Spokesperson: Good morning. Foreign Minister Amara Diallo is here to answer your questions on the floods.

        Reporter: Has Kestria asked for help?

        Spokesperson: Kestria informed us on Friday that it needs water pumps. We are sending them today.
        """;

    [Fact]
    public void Extract_BareRoleLabel_IsTheBrieferHoldingThatRole()
    {
        var candidates = Given.Extract(BareRole, new DateOnly(2026, 3, 10));

        Assert.Equal("tomas-reyes", candidates.Starting("We are sending them").Speaker.ActorId);
        Assert.DoesNotContain(candidates, c => c.Quote.Contains("here to answer"));
    }

    [Fact]
    public void Extract_GovernmentInformingTheAnswerer_IsItsReportedStatementDatedByItsDay()
    {
        var candidates = Given.Extract(BareRole, new DateOnly(2026, 3, 10));

        var reported = candidates.Starting("Kestria informed us");
        Assert.Equal(("government-of-kestria", QuoteKinds.Reported), (reported.Speaker.ActorId, reported.QuoteKind));
        Assert.Equal(new DateOnly(2026, 3, 6), reported.SaidOn);
    }
}
