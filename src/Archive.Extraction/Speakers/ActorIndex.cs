namespace Archive.Extraction.Speakers;

/// <summary>The archive's actors by the names, aliases and roles a text may call them.</summary>
internal sealed class ActorIndex
{
    private readonly List<(string Surface, KnownActor Actor)> surfaces;

    public ActorIndex(IReadOnlyList<KnownActor> actors)
    {
        Actors = actors.OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        var named = Actors.SelectMany(a => a.Aliases.Prepend(a.Name).Where(s => s.Trim().Length >= 2).Select(s => (s.Trim(), a))).ToList();
        var surnames = Surnames(Actors, named).ToList();
        surnameOnly = surnames.Select(s => s.Item1).ToHashSet(StringComparer.OrdinalIgnoreCase);
        surfaces = named.Concat(surnames)
            .OrderByDescending(s => s.Item1.Length).ThenBy(s => s.Item1, StringComparer.Ordinal).ToList();
        demonyms = Demonyms(Actors);
    }

    private readonly Dictionary<string, KnownActor> demonyms;

    // Surfaces that are only a person's last name ("Holm" for Beatrix Holm).
    private readonly HashSet<string> surnameOnly;

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
    /// English puts the head of the noun phrase last. A person outranks a government named around them ("Foreign
    /// Minister Elena Sorel of Orland", "Sorel, who spoke in the Orland capital"): the country only qualifies them.
    /// </summary>
    public KnownActor? Match(string mention)
    {
        KnownActor? best = null, person = null;
        int bestEnd = -1, bestLength = 0, personEnd = -1, personLength = 0;
        foreach (var (surface, actor) in surfaces)
        {
            for (var at = FindWord(mention, surface, 0); at >= 0; at = FindWord(mention, surface, at + 1))
            {
                if (surnameOnly.Contains(surface) && OtherGivenName(mention, at)) continue;
                var end = at + surface.Length;
                if (end > bestEnd || (end == bestEnd && surface.Length > bestLength))
                    (best, bestEnd, bestLength) = (actor, end, surface.Length);
                if (IsPerson(actor) && (end > personEnd || (end == personEnd && surface.Length > personLength)))
                    (person, personEnd, personLength) = (actor, end, surface.Length);
            }
        }
        return person ?? best;
    }

    /// <summary>The government of a country a mention names by its adjective ("the Kestrian side", "Chinese").</summary>
    public KnownActor? ByDemonym(string mention)
    {
        foreach (var word in mention.Split([' ', ',', '’', '\''], StringSplitOptions.RemoveEmptyEntries))
            if (word.Length >= 5 && char.IsUpper(word[0]) && demonyms.TryGetValue(word, out var actor)) return actor;
        return null;
    }

    // Kestria → Kestrian, China → Chinese, Pakistan → Pakistani: the regular ways English makes a country's adjective.
    private static Dictionary<string, KnownActor> Demonyms(IReadOnlyList<KnownActor> actors)
    {
        var result = new Dictionary<string, KnownActor>(StringComparer.OrdinalIgnoreCase);
        foreach (var actor in actors.Where(a => !IsPerson(a) && a.Country is not null))
            foreach (var place in actor.Aliases.Prepend(actor.Name).Select(n => n.Trim()).Where(n => n.Length >= 4 && !n.Contains(' ')))
                foreach (var suffix in DemonymSuffixes)
                {
                    result.TryAdd(place + suffix, actor);
                    if (place[^1] is 'a' or 'e' or 'o' or 'y') result.TryAdd(place[..^1] + suffix, actor);
                }
        return result;
    }

    /// <summary>
    /// Of several holders of a role, those whose role or organisation carries the mention's other words ("the energy
    /// minister" is the Minister of Energy, "the foreign ministry spokesperson" speaks for the Ministry of Foreign Affairs).
    /// </summary>
    public List<KnownActor> Qualified(List<KnownActor> holders, string mention, string role, DateOnly? on)
    {
        var words = mention.Split([' ', ',', '’', '\'', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 4 && !role.Contains(w, StringComparison.OrdinalIgnoreCase) && FindWord(Filler, w, 0) < 0)
            .Select(w => w.StartsWith("minist", StringComparison.OrdinalIgnoreCase) ? "ministr" : w.TrimEnd('s'))
            .ToList();
        if (words.Count == 0) return holders;
        int Score(KnownActor a) => a.Roles.Where(r => Holds(r, on) && Names(r.Role, role))
            .Select(r => words.Count(w => $"{r.Role} {r.Organisation}".Contains(w, StringComparison.OrdinalIgnoreCase))).DefaultIfEmpty(0).Max();
        var best = holders.Max(Score);
        return best == 0 ? holders : holders.Where(a => Score(a) == best).ToList();
    }

    private static readonly string[] DemonymSuffixes = ["n", "an", "ian", "ese", "i", "ish", "ic"];

    private const string Filler = "the this that their with from said also then';";

    /// <summary>Every occurrence of any actor's name or alias in a text, by position.</summary>
    public IEnumerable<(int Index, int Length, KnownActor Actor)> Occurrences(string text)
    {
        foreach (var (surface, actor) in surfaces)
            for (var at = FindWord(text, surface, 0); at >= 0; at = FindWord(text, surface, at + surface.Length))
                if (!surnameOnly.Contains(surface) || !OtherGivenName(text, at))
                    yield return (at, surface.Length, actor);
    }

    /// <summary>
    /// "Jana Holm, the mayor of Dren": a last name the archive knows, after a capitalised word that is no title, role
    /// or sentence opener, is someone else's full name, not a second mention of Beatrix Holm.
    /// </summary>
    private static bool OtherGivenName(string text, int surnameAt)
    {
        var end = surnameAt - 1;
        if (end < 1 || text[end] != ' ') return false;
        var start = end;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] is '-' or '\'' or '’')) start--;
        var word = text[start..end];
        return word.Length >= 2 && char.IsUpper(word[0]) && word.Skip(1).Any(char.IsLower)
            && !NotGivenNames.Contains(word) && MentionKinds.RoleWord(word) is null;
    }

    // Titles and sentence openers; the role words ("Minister", "Mayor", "Consul") are MentionKinds.RoleWord's.
    private static readonly HashSet<string> NotGivenNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr", "Ms", "Mrs", "Miss", "Dr", "Prof", "Sir", "Dame", "Lord", "Lady", "Madam", "Madame", "Monsieur", "Herr", "Frau",
        "Prime", "Senator", "Admiral", "General", "Colonel", "Captain", "Commander", "Deputy", "Vice", "Foreign", "Finance",
        "Defence", "Defense", "Interior", "Trade", "Energy", "Justice", "Chair", "Prince", "Princess", "Sheikh",
        "When", "While", "But", "And", "As", "After", "Before", "Then", "So", "Yet", "If", "Since", "Because", "Although",
        "Though", "Meanwhile", "However", "Yesterday", "Today", "Asked", "Pressed", "On", "In", "At", "For", "With", "From",
        "By", "To", "Of", "That", "This", "The", "Said", "Says", "Told", "Added", "Thanks", "Thank", "Dear", "Hon", "Honourable",
    };

    /// <summary>Actors who held a role named by the word on the date (any date when none), then those whose aliases name it.</summary>
    public IReadOnlyList<KnownActor> ByRole(string roleWord, DateOnly? on)
    {
        var byRole = Actors.Where(a => a.Roles.Any(r => Names(r.Role, roleWord) && Holds(r, on))).ToList();
        if (byRole.Count > 0) return byRole;
        return Actors.Where(a => a.Roles.Count == 0 && a.Aliases.Any(alias => FindWord(alias, roleWord, 0) >= 0)).ToList();
    }

    // A spokesman, a spokeswoman and a spokesperson hold the same office.
    private static bool Names(string role, string word) =>
        FindWord(role, word, 0) >= 0 || (word == "spokesperson" && (FindWord(role, "spokesman", 0) >= 0 || FindWord(role, "spokeswoman", 0) >= 0));

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
