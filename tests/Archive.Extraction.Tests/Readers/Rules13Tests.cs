using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>
/// Mainstream layouts: a chair nobody labels as one, greetings that go on after the greeting word, and an envoy known
/// only by the country that sent them.
/// </summary>
public sealed class Rules13Tests
{
    private static readonly DateOnly Day = new(2026, 5, 5);

    // The chair is a government spokesperson known to no one by that function: only the shape of their turns tells.
    private const string ChairedConference = """
        Press conference by Foreign Minister Amara Diallo
        Selva, 5 May 2026

        Lotte Varga, Government Spokesperson: Good morning. The Minister will begin with a statement on the border, and then she will take your questions.

        Amara Diallo: Kestria will open the new border crossing in June, and the customs posts on both sides will share one building.

        Lotte Varga, Government Spokesperson: Thank you, Minister. Ivo Lenk from Radio Orland first.

        Ivo Lenk, Radio Orland: Will the crossing be open at night?

        Amara Diallo: It will be open day and night from the first day.

        Lotte Varga, Government Spokesperson: Next, the Selva Herald.

        Mara Holt, Selva Herald: Is the date fixed?

        Amara Diallo: The date is fixed, and the contractor has confirmed it in writing.

        Lotte Varga, Government Spokesperson: Thank you all.
        """;

    [Fact]
    public void Extract_SpeakerWhoNeverAnswersAQuestionAndOnlyGivesTheFloor_IsNotQuoted()
    {
        var candidates = Given.Extract(ChairedConference, Day);

        Assert.DoesNotContain(candidates, c => c.Quote.Contains("will take your questions") || c.Quote.Contains("Selva Herald") || c.Quote.Contains("Thank you all"));
        Assert.Equal("amara-diallo", candidates.Starting("Kestria will open").Speaker.ActorId);
        Assert.Equal("amara-diallo", candidates.Starting("The date is fixed").Speaker.ActorId);
    }

    [Fact]
    public void Extract_SpeakerWithALongTurnOutsideTheQuestions_IsStillQuoted()
    {
        // Two ministers: the second never follows a question but makes an opening statement of substance.
        var text = """
            Joint press conference, Selva, 5 May 2026

            Amara Diallo: Kestria will open the new border crossing in June, and the customs posts on both sides will share one building.

            Tomas Reyes: Valdoria welcomes the decision. Our customs service has trained forty officers for the new post, and the road on our side will be finished in April, two months before the opening, so that lorries can use it from the first day. We will also open a second lane for buses and cars in the summer, when the traffic is heaviest. The border police of both countries will work in the same building.

            Q: Will the crossing be open at night?

            Amara Diallo: It will be open day and night.

            Tomas Reyes: Thank you.
            """;

        var candidates = Given.Extract(text, Day);

        Assert.Equal("tomas-reyes", candidates.Starting("Valdoria welcomes the decision").Speaker.ActorId);
    }

    [Theory]
    [InlineData("Good afternoon, friends from the press.")]
    [InlineData("Good morning, and a happy New Year to all of you.")]
    public void Extract_GreetingWhateverFollowsIt_IsNotAStatement(string greeting)
    {
        var text = $"""
            Regular press conference, 5 May 2026

            Tomas Reyes: {greeting} Valdoria will open a consulate in Orland in June.

            Q: When will it open?

            Tomas Reyes: In the first week of June.
            """;

        var candidate = Given.Extract(text, Day).Starting("Valdoria will open");

        Assert.DoesNotContain(greeting, candidate.Quote);
        Assert.DoesNotContain(Given.Extract(text, Day), c => c.Quote.Contains(greeting));
    }

    [Fact]
    public void Extract_TheAmbassadorAfterTheTextNamedTheAmbassadorOfACountryWithNoKnownHolder_IsThatGovernment()
    {
        var text = """
            Regular press conference, 5 May 2026

            Tomas Reyes: Yesterday the Ministry summoned the Ambassador of Orland and handed him a note of protest.

            Q: What did the ambassador say?

            Tomas Reyes: The ambassador expressed his regret and promised to pass our note to his government. He told us that Orland was ready to cooperate.
            """;

        var candidates = Given.Extract(text, Day);

        Assert.Equal("government-of-orland", candidates.Starting("The ambassador expressed").Speaker.ActorId);
        Assert.Equal("government-of-orland", candidates.Starting("He told us").Speaker.ActorId);
    }

    [Fact]
    public void Extract_PossessiveAmbassadorOfACountryWithNoKnownHolder_IsThatGovernment()
    {
        var text = "SELVA, May 5 – Orland's ambassador said on Monday that the ferry would not run before March.";

        var candidate = Given.Extract(text, Day).Starting("Orland's ambassador");

        Assert.Equal("government-of-orland", candidate.Speaker.ActorId);
    }

    [Fact]
    public void Extract_AmbassadorNamedByWhereTheyServe_StaysTheSendingCountrysHolder()
    {
        var text = "SELVA, May 5 – The Valdorian ambassador to Kestria said on Monday that the ferry would not run before March.";

        var candidate = Given.Extract(text, Day).Starting("The Valdorian ambassador");

        Assert.Equal("ines-calder", candidate.Speaker.ActorId);
    }
}
