namespace Archive.Extraction.Tests;

/// <summary>A small archive of fictional actors and topics, and a shortcut to run the extractor over a text.</summary>
internal static class Given
{
    public static readonly KnownActor Valdoria = new("government-of-valdoria", "Government of Valdoria", ["Valdoria"], [], "VD", "organisation");
    public static readonly KnownActor Kestria = new("government-of-kestria", "Government of Kestria", ["Kestria"], [], "KS", "organisation");
    public static readonly KnownActor Orland = new("government-of-orland", "Government of Orland", ["Orland"], [], "OR", "organisation");
    public static readonly KnownActor Petrov = Person("hana-petrov", "Hana Petrov", "VD", new KnownRole("Spokesperson", "Ministry of Foreign Affairs", new(2023, 4, 1), new(2026, 2, 28)));
    public static readonly KnownActor Reyes = Person("tomas-reyes", "Tomas Reyes", "VD", new KnownRole("Spokesperson", "Ministry of Foreign Affairs", new(2026, 3, 1), null));
    public static readonly KnownActor Calder = Person("ines-calder", "Ines Calder", "VD", new KnownRole("Ambassador", "Embassy in Kestria", new(2025, 6, 1), null));
    public static readonly KnownActor Lind = Person("oskar-lind", "Oskar Lind", "VD", new KnownRole("Ambassador", "Embassy in Kestria", new(2021, 1, 15), new(2025, 5, 31)));
    public static readonly KnownActor Diallo = Person("amara-diallo", "Amara Diallo", "KS", new KnownRole("Foreign Minister", "Government of Kestria", new(2024, 9, 1), null));

    public static readonly IReadOnlyList<KnownActor> Actors = [Valdoria, Kestria, Orland, Petrov, Reyes, Calder, Lind, Diallo];

    public static readonly IReadOnlyList<KnownTopic> Topics =
    [
        new("northern-rail-link", "Northern Rail Link", ["rail link"], null, []),
        new("lake-orra-water", "Lake Orra water sharing", [], null, ["Water releases from the reservoirs upstream of the lake.", "The reservoirs must keep minimum releases in dry months."]),
    ];

    public static KnownActor Person(string id, string name, string country, params KnownRole[] roles) => new(id, name, [], roles, country);

    public static ExtractionInput Input(string text, DateOnly? publishedOn = null, string? title = null, IReadOnlyList<RecordedStatement>? recorded = null) =>
        new(text, publishedOn, "en", Actors, Topics, recorded ?? [], title);

    public static IReadOnlyList<Candidate> Extract(string text, DateOnly? publishedOn = null, string? title = null) =>
        Extractor.Extract(Input(text, publishedOn, title));

    /// <summary>The candidate whose quote starts with the given words, failing with what was found instead.</summary>
    public static Candidate Starting(this IReadOnlyList<Candidate> candidates, string words)
    {
        var found = candidates.Where(c => c.Quote.StartsWith(words, StringComparison.Ordinal)).ToList();
        Xunit.Assert.True(found.Count == 1, $"expected one candidate starting '{words}', got:\n{Describe(candidates)}");
        return found[0];
    }

    public static string Describe(IReadOnlyList<Candidate> candidates) =>
        string.Join("\n", candidates.Select(c => $"[{c.Span.Start},{c.Span.End}) {c.QuoteKind} {c.Speaker.ActorId ?? "?"} '{c.Speaker.Mention}' {c.SaidOn} {c.Rule} | {c.Quote}"));
}
