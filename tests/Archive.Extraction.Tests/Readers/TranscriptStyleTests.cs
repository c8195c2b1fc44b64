using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>Transcripts set out in other house styles: capitals, askers with their outlet, greetings.</summary>
public sealed class TranscriptStyleTests
{
    private const string Capitals = """
        FOREIGN OFFICE OF ORLAND
        PRESS BRIEFING
        MAY 5, 2026

        MR REYES: Good morning, everybody. I'll start with one item. Valdoria will host the conference on inland waterways next week.

        QUESTION: Will Valdoria lift the tariffs on steel?

        MR REYES: The measures are temporary. Kestria explained that it would review the quotas in June.

        QUESTION: And the rail link?

        MR REYES: The line will open to freight this year.
        """;

    [Fact]
    public void Extract_CapitalPrefixes_AreTurnsAndHeaderDatesThem()
    {
        var candidates = Given.Extract(Capitals, new DateOnly(2026, 5, 6));

        var announcement = candidates.Starting("Valdoria will host");
        Assert.Equal(("tomas-reyes", "qa:qa.answer"), (announcement.Speaker.ActorId, announcement.Rule));
        Assert.Equal(new DateOnly(2026, 5, 5), announcement.SaidOn);
        Assert.DoesNotContain(candidates, c => c.Quote.Contains('?'));
    }

    [Fact]
    public void Extract_GreetingsAndRunningOfBriefing_AreNotStatements()
    {
        var candidates = Given.Extract(Capitals, new DateOnly(2026, 5, 6));

        Assert.DoesNotContain(candidates, c => c.Quote.Contains("Good morning") || c.Quote.Contains("one item"));
    }

    [Fact]
    public void Extract_OtherGovernmentInAnswer_IsReportedWithoutTheBriefingsDate()
    {
        var kestria = Given.Extract(Capitals, new DateOnly(2026, 5, 6)).Starting("Kestria explained");

        Assert.Equal(("government-of-kestria", QuoteKinds.Reported), (kestria.Speaker.ActorId, kestria.QuoteKind));
        Assert.Null(kestria.SaidOn);
    }

    [Fact]
    public void Extract_AskerWithOutletInBrackets_IsAQuestionNotAnAnswer()
    {
        var text = "Briefing, 5 May 2026\n\nHana Petrov: Valdoria has sent medical supplies to Kestria.\n\nLena Brook (Port Aven Post): Has Kestria accepted them? When?\n\nHana Petrov: The first shipment arrived yesterday.\n\nLena Brook (Port Aven Post): Will there be more?\n\nHana Petrov: We will send more if needed.";

        var candidates = Given.Extract(text);

        Assert.DoesNotContain(candidates, c => c.Quote.Contains('?') || c.Quote.Contains("Port Aven Post"));
        Assert.All(candidates, c => Assert.Equal("hana-petrov", c.Speaker.ActorId));
    }

    [Fact]
    public void Extract_TwoSidesInAnswer_AreTheAnswerersAndTheGovernmentJustNamed()
    {
        var text = "Briefing, 5 May 2026\n\nHana Petrov: Orland and Orland's partners are welcome. Orland is a friend.\n\nQ: Has Kestria accepted the condition?\n\nHana Petrov: Talks go on. At the last meeting, the two sides agreed that each would bear its own costs.\n\nQ: Anything on Orland?\n\nHana Petrov: Orland is a good neighbour.";

        var joint = Given.Extract(text).Starting("At the last meeting");

        Assert.Equal(QuoteKinds.Joint, joint.QuoteKind);
        Assert.Equal(["government-of-kestria", "government-of-valdoria"], joint.CoSpeakers.Append(joint.Speaker.ActorId!).Order().ToArray());
    }

    [Fact]
    public void Extract_HeaderLineWithColonAndGuestIntroduction_AreNotStatements()
    {
        var text = "Regular press conference, 5 May 2026\nSpokesperson: Tomas Reyes\n\nTomas Reyes: Good afternoon. Ambassador Ines Calder is with us today to brief you on the rail link. Ambassador, the floor is yours.\n\nInes Calder: Thank you. The line will open to freight in June.\n\nQ: And passengers?\n\nInes Calder: Passenger trains will follow in the autumn.";

        var candidates = Given.Extract(text);

        Assert.Equal(["The line will open to freight in June.", "Passenger trains will follow in the autumn."], candidates.Select(c => c.Quote).ToArray());
        Assert.All(candidates, c => Assert.Equal("ines-calder", c.Speaker.ActorId));
    }
}
