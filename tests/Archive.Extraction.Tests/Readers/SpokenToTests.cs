using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>
/// An answer that tells of a conversation and then of what the other person said: the person spoken to is who "he" or
/// "she" means, known to the archive or not, and the sentence about the meeting introduces and dates their words, as
/// a dated sentence about an office holder does before their words are read out.
/// </summary>
public sealed class SpokenToTests
{
    private static readonly DateOnly Friday = new(2026, 12, 4);

    private static readonly KnownActor Haldane = Given.Person("ida-haldane", "Ida Haldane", "VD", new KnownRole("Prime Minister", "Government of Valdoria", new(2022, 1, 1), null));

    private static IReadOnlyList<Candidate> Extract(string text) =>
        Extractor.Extract(new ExtractionInput(text, Friday, "en", [.. Given.Actors, Haldane], Given.Topics, []));

    // Enough turns for the text to read as a transcript, then the question and answer under test.
    private static string Briefing(string answer) =>
        "Press briefing of 4 December 2026\n\nTomas Reyes: The ferry to Kestria will run again from Monday.\n\nQuestion (Holm): And the fares?\n\n"
        + "Tomas Reyes: They will not change this winter.\n\nQuestion (Brand): What do the dockers think of the new port rules?\n\n" + $"Tomas Reyes: {answer}";

    [Fact]
    public void Extract_PronounAfterConversationWithSomeoneUnknown_IsThatPerson()
    {
        var candidates = Extract(Briefing("I had a long talk this morning with Nils Varga from the dockers' union. He told me the union will accept any rules based on evidence. I think that is fair."));

        var reported = candidates.Starting("He told me");
        Assert.Equal((null, "Nils Varga", QuoteKinds.Reported), (reported.Speaker.ActorId, reported.Speaker.Mention, reported.QuoteKind));
        Assert.DoesNotContain(candidates, c => c.Quote.Contains("long talk", StringComparison.Ordinal));
        Assert.Equal("tomas-reyes", candidates.Starting("I think that is fair").Speaker.ActorId);
    }

    [Fact]
    public void Extract_SheToldMeInTheClauseAfterISpokeTo_IsThePersonSpokenTo()
    {
        var candidate = Extract(Briefing("Yesterday I spoke to Foreign Minister Amara Diallo, and she told me that Kestria would send a delegation to the talks.")).Starting("Yesterday I spoke");

        Assert.Equal(("amara-diallo", QuoteKinds.Reported, new DateOnly(2026, 12, 3)), (candidate.Speaker.ActorId, candidate.QuoteKind, candidate.SaidOn));
    }

    [Fact]
    public void Extract_MeetingSentenceBeforeTheirWords_DatesThemAndIsNoOnesStatement()
    {
        var candidates = Extract(Briefing("I spoke to Foreign Minister Amara Diallo on Monday. She told me that the border would reopen before the holidays."));

        var reported = candidates.Starting("She told me");
        Assert.Equal(("amara-diallo", new DateOnly(2026, 11, 30)), (reported.Speaker.ActorId, reported.SaidOn));
        Assert.DoesNotContain(candidates, c => c.Quote.StartsWith("I spoke to", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_MeetingSentenceWithoutTheirWords_StaysTheAnswerersOwn()
    {
        var candidate = Extract(Briefing("I spoke to Foreign Minister Amara Diallo on Monday. The talks on the port rules will go on in March.")).Starting("I spoke to");

        Assert.Equal("tomas-reyes", candidate.Speaker.ActorId);
        Assert.EndsWith("in March.", candidate.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_DatedSentenceAboutAnOfficeHolderBeforeReadingOutTheirWords_DatesThemAndIsNoOnesStatement()
    {
        var candidates = Extract(Briefing("The plan is sound. In fact, our Prime Minister made this point in Parliament on Monday. Let me read out what she said: \"The ferry is a bridge between our two countries.\" We stand by that."));

        var quoted = candidates.Starting("The ferry is a bridge");
        Assert.Equal(("ida-haldane", new DateOnly(2026, 11, 30)), (quoted.Speaker.ActorId, quoted.SaidOn));
        Assert.DoesNotContain(candidates, c => c.Quote.Contains("made this point", StringComparison.Ordinal));
    }
}
