namespace Archive.Extraction.Speakers;

/// <summary>The archive's actors by the names, aliases and roles a text may call them.</summary>
internal sealed class ActorIndex
{
    private readonly List<(string Surface, KnownActor Actor)> surfaces;

    public ActorIndex(IReadOnlyList<KnownActor> actors)
    {
        Actors = actors.OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        var named = Actors.SelectMany(a => a.Aliases.Prepend(a.Name).Where(s => s.Trim().Length >= 2).Select(s => (s.Trim(), a))).ToList();
        surfaces = named.Concat(Surnames(Actors, named))
            .OrderByDescending(s => s.Item1.Length).ThenBy(s => s.Item1, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<KnownActor> Actors { get; }

    // A report names a person in full once and by the last name after: "Calder said". Only names no other actor shares.
    private static IEnumerable<(string, KnownActor)> Surnames(IReadOnlyList<KnownActor> actors, List<(string, KnownActor)> named)
    {
        var last = actors.Where(IsPerson).Select(a => (Word: a.Name.Trim().Split(' ')[^1], Actor: a))
            .Where(x => x.Word.Length >= 3 && char.IsUpper(x.Word[0]) && !named.Any(n => n.Item1.Equals(x.Word, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return last.GroupBy(x => x.Word, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() == 1).Select(g => (g.Key, g.First().Actor));
    }

    public KnownActor? ById(string? id) => id is null ? null : Actors.FirstOrDefault(a => a.Id == id);

    public static bool IsPerson(KnownActor actor) => !string.Equals(actor.Kind, "organisation", StringComparison.OrdinalIgnoreCase)
        && !string.Equals(actor.Kind, "organization", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The actor a mention names. When several are named ("China's Foreign Minister Wang Yi") the one ending last wins:
    /// English puts the head of the noun phrase last.
    /// </summary>
    public KnownActor? Match(string mention)
    {
        KnownActor? best = null;
        int bestEnd = -1, bestLength = 0;
        foreach (var (surface, actor) in surfaces)
        {
            var at = FindWord(mention, surface, 0);
            while (at >= 0)
            {
                var end = at + surface.Length;
                if (end > bestEnd || (end == bestEnd && surface.Length > bestLength))
                    (best, bestEnd, bestLength) = (actor, end, surface.Length);
                at = FindWord(mention, surface, at + 1);
            }
        }
        return best;
    }

    /// <summary>Every occurrence of any actor's name or alias in a text, by position.</summary>
    public IEnumerable<(int Index, int Length, KnownActor Actor)> Occurrences(string text)
    {
        foreach (var (surface, actor) in surfaces)
            for (var at = FindWord(text, surface, 0); at >= 0; at = FindWord(text, surface, at + surface.Length))
                yield return (at, surface.Length, actor);
    }

    /// <summary>Actors who held a role named by the word on the date (any date when none), then those whose aliases name it.</summary>
    public IReadOnlyList<KnownActor> ByRole(string roleWord, DateOnly? on)
    {
        var byRole = Actors.Where(a => a.Roles.Any(r => FindWord(r.Role, roleWord, 0) >= 0 && Holds(r, on))).ToList();
        if (byRole.Count > 0) return byRole;
        return Actors.Where(a => a.Roles.Count == 0 && a.Aliases.Any(alias => FindWord(alias, roleWord, 0) >= 0)).ToList();
    }

    private static bool Holds(KnownRole role, DateOnly? on) =>
        on is null || ((role.From is null || role.From <= on) && (role.To is null || on <= role.To));

    /// <summary>Case-insensitive search for a whole word or phrase; hyphens count as boundaries ("China-Pakistan").</summary>
    public static int FindWord(string text, string word, int from)
    {
        while (from <= text.Length - word.Length)
        {
            var at = text.IndexOf(word, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0) return -1;
            var end = at + word.Length;
            var left = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var right = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (left && right) return at;
            from = at + 1;
        }
        return -1;
    }
}
