using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>
/// Turn labels read by their shape, whatever alphabet the names use: an initial and a surname ("Ž. Černá:"), a
/// moderator the header names, and the words that only run a conference however they are put.
/// </summary>
public sealed class LabelShapesTests
{
    private static readonly DateOnly Day = new(2026, 12, 3);

    private static readonly KnownActor Cerna = Given.Person("zofia-cerna", "Žofia Černá", "VD", new KnownRole("Minister of Health", "Government of Valdoria", new(2025, 1, 1), null));

    private static IReadOnlyList<Candidate> Extract(string text) =>
        Extractor.Extract(new ExtractionInput(text, Day, "en", [.. Given.Actors, Cerna], Given.Topics, [], null));

    private const string Header = "Transcript of the press conference of the Minister of Health\n\nHolt, 3 December 2026\n\n";

    [Fact]
    public void Extract_InitialAndSurnameWithAccentedCapital_IsATurnOfThatPerson()
    {
        var text = Header
            + "Ž. Černá: The two clinics in the north will open again on Monday. We have hired forty nurses for them.\n\n"
            + "Question (Ida Lorenz, Holt Radio): Will the nurses stay after the winter?\n\n"
            + "Ž. Černá: Their contracts run for three years, and we will pay for their housing.\n\n"
            + "Question (Ida Lorenz, Holt Radio): And the pharmacies?\n\n"
            + "Ž. Černá: The pharmacies stay open on Sundays until March.";

        var candidates = Extract(text);

        Assert.Equal("zofia-cerna", candidates.Starting("The two clinics").Speaker.ActorId);
        Assert.Equal("zofia-cerna", candidates.Starting("Their contracts run").Speaker.ActorId);
        Assert.DoesNotContain(candidates, c => c.Quote.Contains("Ž. Černá:", StringComparison.Ordinal) || c.Quote.Contains('?'));
    }

    [Fact]
    public void Extract_InitialledLabelTheArchiveDoesNotKnow_KeepsTheNameAsPrinted()
    {
        var text = Header
            + "Ž. Černá: Thank you. Chief Inspector Horák will now give you the first findings of the inspection.\n\n"
            + "K. Horák: The inspectors found mould in eleven wards. Four of them are closed until the walls are dry.\n\n"
            + "Question (Ida Lorenz, Holt Radio): When did you first find it?\n\n"
            + "K. Horák: The first samples were taken in October.";

        var candidate = Extract(text).Starting("The inspectors found mould");

        Assert.Equal((null, "K. Horák"), (candidate.Speaker.ActorId, candidate.Speaker.Mention));
    }

    [Fact]
    public void Extract_ModeratorNamedInTheHeader_HerTurnsAreNoOnesStatements()
    {
        var text = Header
            + "Moderator: E. Nováková, Head of the Press Service.\n\n"
            + "E. Nováková: Good afternoon. The Minister will make a short statement, and then we will take your questions.\n\n"
            + "Ž. Černá: The two clinics in the north will open again on Monday.\n\n"
            + "Question (Ida Lorenz, Holt Radio): Will the nurses stay after the winter?\n\n"
            + "Ž. Černá: Their contracts run for three years.\n\n"
            + "E. Nováková: Thank you, the press conference is over.";

        var candidates = Extract(text);

        Assert.Equal(2, candidates.Count);
        Assert.All(candidates, c => Assert.Equal("zofia-cerna", c.Speaker.ActorId));
    }

    [Theory]
    [InlineData("Well, good morning, everybody, and thanks for getting up so early.")]
    [InlineData("Let me say a couple of things up front, and then I'm happy to take a few questions.")]
    [InlineData("Before your questions, a few words on the schedule and on the clinics.")]
    [InlineData("Sorry, say again?")]
    [InlineData("Last one, please.")]
    [InlineData("Thank you, the press conference is over.")]
    public void Extract_RunningWordsInAnAnswer_AreLeftOut(string running)
    {
        var text = Header
            + $"Ž. Černá: {running}\n\n"
            + "Question (Ida Lorenz, Holt Radio): Will the clinics open?\n\n"
            + "Ž. Černá: The two clinics in the north will open again on Monday.\n\n"
            + "Question (Ida Lorenz, Holt Radio): And the nurses?\n\n"
            + "Ž. Černá: We have hired forty nurses.";

        var candidates = Extract(text);

        Assert.DoesNotContain(candidates, c => c.Quote.Contains(running, StringComparison.Ordinal));
        Assert.Equal("zofia-cerna", candidates.Starting("The two clinics").Speaker.ActorId);
    }
}
