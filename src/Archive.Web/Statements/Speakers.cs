using Archive.Store.Actors;
using Archive.Store.Topics;
using Marten;

namespace Archive.Web.Statements;

/// <summary>An actor as a form offers it: id, name and aliases (what the archivist may type to find it).</summary>
public sealed class ActorChoice
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public List<string> Aliases { get; set; } = [];

    public string Label => Aliases.Count == 0 ? Name : $"{Name} ({string.Join(", ", Aliases)})";

    public bool Matches(string typed) =>
        Id.Contains(typed, StringComparison.OrdinalIgnoreCase) || Name.Contains(typed, StringComparison.OrdinalIgnoreCase)
        || Aliases.Any(a => a.Contains(typed, StringComparison.OrdinalIgnoreCase));
}

public sealed class TopicChoice
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
}

/// <summary>Known actors and open topics for the record form, and the speaker a typed name or alias means.</summary>
public static class Speakers
{
    /// <summary>The most a form lists at once; typing into the speaker field asks for the rest.</summary>
    public const int Listed = 2000;

    public static async Task<IReadOnlyList<ActorChoice>> All(IQuerySession session, CancellationToken ct) =>
        await session.Query<ActorView>().OrderBy(a => a.Name).ThenBy(a => a.Id).Take(Listed)
            .Select(a => new ActorChoice { Id = a.Id, Name = a.Name, Aliases = a.Aliases }).ToListAsync(ct);

    public static async Task<IReadOnlyList<TopicChoice>> Topics(IQuerySession session, CancellationToken ct) =>
        await session.Query<TopicView>().Where(t => t.MergedInto == null).OrderBy(t => t.Title).ThenBy(t => t.Id).Take(Listed)
            .Select(t => new TopicChoice { Id = t.Id, Title = t.Title }).ToListAsync(ct);

    /// <summary>The actors whose id, name or an alias contain <paramref name="typed"/>, best first.</summary>
    public static IReadOnlyList<ActorChoice> Search(IEnumerable<ActorChoice> actors, string? typed, int limit = 50)
    {
        if (string.IsNullOrWhiteSpace(typed)) return actors.Take(limit).ToList();
        var term = typed.Trim();
        return actors.Where(a => a.Matches(term))
            .OrderByDescending(a => a.Id == term || a.Name.Equals(term, StringComparison.OrdinalIgnoreCase))
            .ThenBy(a => a.Name, StringComparer.OrdinalIgnoreCase).Take(limit).ToList();
    }

    /// <summary>
    /// The actor id the archivist means: an id as it is, or a name or alias that one actor alone has; otherwise the
    /// typed text, so the archive's own refusal says the actor is not registered.
    /// </summary>
    public static (string? Id, string? Problem) Resolve(IReadOnlyList<ActorChoice> actors, string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return (null, "is required: pick a known actor");
        var term = typed.Trim();
        if (actors.Any(a => a.Id == term)) return (term, null);
        var named = actors.Where(a => a.Name.Equals(term, StringComparison.OrdinalIgnoreCase)
                                      || a.Aliases.Any(x => x.Equals(term, StringComparison.OrdinalIgnoreCase))).ToList();
        return named.Count switch
        {
            1 => (named[0].Id, null),
            0 => (term, null),
            _ => (null, $"'{term}' is the name of {named.Count} actors ({string.Join(", ", named.Select(a => a.Id))}); pick one by its id"),
        };
    }
}
