using Xunit;

namespace Archive.Extraction.Tests.Speakers;

/// <summary>
/// A last name the archive knows ("Holm" for Beatrix Holm) names her when it stands alone or after a title, and
/// nobody the archive knows when another given name stands before it ("Jana Holm, the mayor of Dren").
/// </summary>
public sealed class SharedSurnameTests
{
    private static readonly KnownActor Holm = Given.Person("beatrix-holm", "Beatrix Holm", "KS", new KnownRole("Minister of Digital Affairs", "Government of Kestria", new(2025, 1, 1), null));

    private static IReadOnlyList<Candidate> Extract(string text) =>
        Extractor.Extract(new ExtractionInput(text, new DateOnly(2026, 12, 9), "en", [.. Given.Actors, Holm], Given.Topics, [], null));

    [Fact]
    public void Extract_AnotherPersonWithTheSameLastName_IsNotTheKnownActor()
    {
        var text = "DREN, Dec 9 (Northwire) - Jana Holm, the mayor of Dren, said on Wednesday that the town had been cut off for weeks.\n\n"
            + "\"A bridge would change everything for us,\" Jana Holm said.";

        var candidates = Extract(text);

        Assert.NotEmpty(candidates);
        Assert.All(candidates, c => Assert.Null(c.Speaker.ActorId));
        Assert.All(candidates, c => Assert.StartsWith("Jana Holm", c.Speaker.Mention, StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_KnownLastNameAloneOrAfterATitle_IsTheKnownActor()
    {
        var text = "DREN, Dec 9 (Northwire) - Kestria will lay two new cables next year, Minister Holm said on Wednesday.\n\n"
            + "\"The sensors will come first,\" Holm told reporters in Dren.";

        var candidates = Extract(text);

        Assert.Equal(2, candidates.Count);
        Assert.All(candidates, c => Assert.Equal("beatrix-holm", c.Speaker.ActorId));
    }
}
