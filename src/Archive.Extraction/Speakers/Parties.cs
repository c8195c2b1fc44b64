namespace Archive.Extraction.Speakers;

/// <summary>The governments a document is about, in the order it first names them: who "the two sides" are.</summary>
internal static class Parties
{
    public static IReadOnlyList<string> Of(ActorIndex index, string text) =>
        index.Occurrences(text)
            .Where(o => !ActorIndex.IsPerson(o.Actor) && o.Actor.Country is not null)
            .GroupBy(o => o.Actor.Id)
            .Select(g => (Id: g.Key, First: g.Min(o => o.Index)))
            .OrderBy(p => p.First).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => p.Id).ToList();
}
