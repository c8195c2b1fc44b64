using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>
/// A government press conference read end to end: the chair's and the spokesperson's running of it, the answerer's
/// lead-ins to others' words, their own office holders, and a president named beside a prime minister.
/// </summary>
public sealed class BriefingAnswerTests
{
    private static readonly DateOnly Friday = new(2026, 12, 4);

    private static readonly KnownActor Haldane = Given.Person("ida-haldane", "Ida Haldane", "VD", new KnownRole("Prime Minister", "Government of Valdoria", new(2022, 1, 1), null));
    private static readonly KnownActor Brask = Given.Person("ole-brask", "Ole Brask", "KS", new KnownRole("Prime Minister", "Government of Kestria", new(2021, 1, 1), null));
    private static readonly KnownActor Okoro = Given.Person("nia-okoro", "Nia Okoro", "OR", new KnownRole("President", "Republic of Orland", new(2020, 1, 1), null));

    private static IReadOnlyList<Candidate> Extract(string text) =>
        Extractor.Extract(new ExtractionInput(text, Friday, "en", [.. Given.Actors, Haldane, Brask, Okoro], Given.Topics, [], null));

    private const string Header = "Government Press Conference of 4 December 2026\n\n";

    // Enough turns for the text to read as a transcript, then the question and answer under test.
    private static string Briefing(string question, string answer) =>
        Header + "Tomas Reyes: The ferry to Kestria will run again from Monday.\n\nQuestion (Holm): And the fares?\n\nTomas Reyes: They will not change this winter.\n\n"
        + $"Question (Brand): {question}\n\nTomas Reyes: {answer}";

    [Fact]
    public void Extract_ChairsTurns_AreNotStatements()
    {
        var text = Header + "Chair Wendt: Good morning. I open the government press conference and give the floor to Mr Reyes.\n\nTomas Reyes: The ferry to Kestria will run again from Monday.\n\nQuestion (Holm): And the fares?\n\nTomas Reyes: They will not change this winter.\n\nChair Wendt: Thank you all. The next government press conference will take place on Monday.";

        var candidates = Extract(text);

        Assert.Equal(["The ferry to Kestria will run again from Monday.", "They will not change this winter."], candidates.Select(c => c.Quote));
    }

    [Theory]
    [InlineData("Good afternoon friends, and welcome to this weekly briefing.")]
    [InlineData("I have a few announcements to make before I take your questions.")]
    [InlineData("With that, the floor is open for questions.")]
    [InlineData("Let me take these questions together, since they are all about the ferry.")]
    [InlineData("If there are no more questions, thank you all for joining this briefing.")]
    [InlineData("If I may add something.")]
    [InlineData("The next government press conference will take place on Monday.")]
    public void Extract_RunningOfTheConference_IsNotAStatement(string sentence)
    {
        var text = Header + $"Tomas Reyes: {sentence}\n\nThe ferry to Kestria will run again from Monday.\n\nQuestion (Holm): And the fares?\n\nTomas Reyes: They will not change this winter.";

        var candidates = Extract(text);

        Assert.DoesNotContain(candidates, c => c.Quote.Contains(sentence[..15], StringComparison.Ordinal));
        Assert.Equal(2, candidates.Count);
    }

    [Fact]
    public void Extract_IWouldAddThatAnotherGovernmentsEmbassySaid_IsThatGovernmentsStatement()
    {
        var text = Briefing("Has Kestria responded to the offer of help?", "We sent two planes with supplies. I would add that the Kestrian embassy in Port Aven thanked us for the assistance on Tuesday.");

        var candidate = Extract(text).Starting("I would add that");

        Assert.Equal(("government-of-kestria", QuoteKinds.Reported, new DateOnly(2026, 12, 1)), (candidate.Speaker.ActorId, candidate.QuoteKind, candidate.SaidOn));
    }

    [Fact]
    public void Extract_OurFriendsNamedByTheirCountry_AreTheirGovernment()
    {
        var text = Briefing("Is mediation needed?", "On mediation, our Kestrian friends said yesterday that they hoped to settle the matter in direct talks.");

        var candidate = Extract(text).Starting("On mediation");

        Assert.Equal(("government-of-kestria", QuoteKinds.Reported), (candidate.Speaker.ActorId, candidate.QuoteKind));
    }

    [Fact]
    public void Extract_ReadOutWhatOurPrimeMinisterSaid_IsThePrimeMinistersQuotation()
    {
        var text = Briefing("Is the dam a threat to Kestria?", "No. In fact, our Prime Minister made this point in Parliament on Monday. Let me read out what she said: \"The dam is not a wall between us and our neighbours.\" That remains our position.");

        var candidate = Extract(text).Starting("The dam is not a wall");

        Assert.Equal(("ida-haldane", QuoteKinds.Direct), (candidate.Speaker.ActorId, candidate.QuoteKind));
    }

    [Fact]
    public void Extract_PrimeMinisterAfterPresidentNamedInSentence_IsTheAnswerersPrimeMinister()
    {
        var text = Header + "Question (Holm): Will the Prime Minister meet President Okoro?\n\nTomas Reyes: Valdoria's Prime Minister will listen carefully to whatever President Okoro wishes to raise.\n\nQuestion (Holm): And the dam?\n\nTomas Reyes: The Prime Minister thanked Kestria publicly in Parliament on Monday, as she thanked every country that helped. The Prime Minister said on Monday that the dam would bring electricity to the whole region of Valdoria.";

        var candidates = Extract(text);

        var thanked = candidates.Starting("The Prime Minister thanked");
        var said = candidates.Starting("The Prime Minister said");
        Assert.Equal(("ida-haldane", new DateOnly(2026, 11, 30)), (thanked.Speaker.ActorId, thanked.SaidOn));
        Assert.Equal("ida-haldane", said.Speaker.ActorId);
    }
}
