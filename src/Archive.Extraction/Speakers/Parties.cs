namespace Archive.Extraction.Speakers;

/// <summary>
/// The governments a document is about: those it names most. "The two sides" are the first two of them, "the three
/// delegations" the first three, each listed in the order the text first names them.
/// </summary>
internal sealed class Parties
{
    private readonly List<(string Id, int First)> byWeight;

    private Parties(List<(string Id, int First)> byWeight) => this.byWeight = byWeight;

    public static Parties Of(ActorIndex index, string text) =>
        new(index.Occurrences(text)
            .Where(o => !ActorIndex.IsPerson(o.Actor) && o.Actor.Country is not null)
            .GroupBy(o => o.Actor.Id)
            .Select(g => (Id: g.Key, First: g.Min(o => o.Index), Count: g.Count()))
            .OrderByDescending(p => p.Count).ThenBy(p => p.First).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => (p.Id, p.First)).ToList());

    /// <summary>Every party, the most named first.</summary>
    public IReadOnlyList<string> All => byWeight.Select(p => p.Id).ToList();

    /// <summary>The parties a joint phrase speaks for, in the order the text first names them.</summary>
    public IReadOnlyList<string> For(string mention) =>
        byWeight.Take(Count(mention)).OrderBy(p => p.First).Select(p => p.Id).ToList();

    private static int Count(string mention)
    {
        var lower = mention.ToLowerInvariant();
        if (lower.Contains("both") || lower.Contains("two")) return 2;
        if (lower.Contains("three")) return 3;
        if (lower.Contains("four")) return 4;
        return int.MaxValue;
    }
}
