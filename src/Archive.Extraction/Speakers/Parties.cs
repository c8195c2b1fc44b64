namespace Archive.Extraction.Speakers;

/// <summary>
/// The governments a document is about: those it names most. "The two sides" are the first two of them, "the three
/// delegations" the first three, each listed in the order the text first names them.
/// </summary>
internal sealed class Parties
{
    private readonly List<(string Id, int First, int Count)> byWeight;

    private Parties(List<(string Id, int First, int Count)> byWeight) => this.byWeight = byWeight;

    public static Parties Of(ActorIndex index, string text) =>
        new(index.Occurrences(text)
            .Where(o => !ActorIndex.IsPerson(o.Actor) && o.Actor.Country is not null)
            .GroupBy(o => o.Actor.Id)
            .Select(g => (Id: g.Key, First: g.Min(o => o.Index), Count: g.Count()))
            .OrderByDescending(p => p.Count).ThenBy(p => p.First).ThenBy(p => p.Id, StringComparer.Ordinal)
            .ToList());

    /// <summary>How often the document names the government of <paramref name="country"/> (0 when never).</summary>
    public int Mentions(ActorIndex index, string? country) =>
        country is null ? 0 : byWeight.Where(p => index.ById(p.Id)?.Country == country).Sum(p => p.Count);

    /// <summary>Every party, the most named first.</summary>
    public IReadOnlyList<string> All => byWeight.Select(p => p.Id).ToList();

    /// <summary>
    /// The parties a joint phrase speaks for, in the order the text first names them. "The two sides" in a passage
    /// that has just named two governments (with the speaker's own, <paramref name="own"/>) are those two, whoever
    /// else the document names more; otherwise the document's most named.
    /// </summary>
    /// <param name="reporter">The government of the speaker whose words named the one nearby government: "The PMOS said
    /// the Prime Minister had spoken to the Prime Minister of Lusmark. The two leaders agreed …" names one side; the
    /// other is the reporting speaker's own.</param>
    public IReadOnlyList<string> For(string mention, IReadOnlyList<string> near, string? own, string? reporter = null)
    {
        var count = Count(mention);
        var local = (own is null ? near : near.Prepend(own)).Distinct().ToList();
        if (local.Count + 1 == count && reporter is not null && !local.Contains(reporter)) local.Insert(0, reporter);
        // "The Ministers" give no number: the parties the document names about as often as the most named one (at
        // least two), not every government it mentions in passing.
        if (count == int.MaxValue && byWeight.Count > 0) count = Math.Max(2, byWeight.Count(p => p.Count * 2 >= byWeight[0].Count));
        var chosen = local.Count == count ? local : byWeight.Take(count).Select(p => p.Id).ToList();
        return chosen.OrderBy(First).ThenBy(id => id, StringComparer.Ordinal).ToList();
    }

    private int First(string id) => byWeight.FirstOrDefault(p => p.Id == id) is { Id: not null } p ? p.First : int.MaxValue;

    private static int Count(string mention)
    {
        var lower = mention.ToLowerInvariant();
        if (lower.Contains("both") || lower.Contains("two")) return 2;
        if (lower.Contains("three")) return 3;
        if (lower.Contains("four")) return 4;
        return int.MaxValue;
    }
}
