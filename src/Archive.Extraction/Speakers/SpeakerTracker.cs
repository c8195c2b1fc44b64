using System.Text.RegularExpressions;

namespace Archive.Extraction.Speakers;

/// <summary>
/// Resolves speaker mentions in reading order: names and aliases to actors, role words to whoever the text or the
/// archive says held the role, pronouns to the last compatible speaker, "the two sides" to the document's parties.
/// </summary>
internal sealed partial class SpeakerTracker(ActorIndex index, Parties parties, Abbreviations? abbreviations = null, string? text = null)
{
    private readonly Dictionary<string, Speaker> roleAntecedents = new(StringComparer.Ordinal);
    private Speaker? lastPerson, lastPlural, lastOrganisation;

    /// <summary>Who "we" and "I" are: the author of an article or the answerer of a turn.</summary>
    public Speaker? FirstPerson { get; set; }

    /// <summary>In a joint statement "They underlined …" with no speaker before it is the parties speaking together.</summary>
    public bool PluralMeansParties { get; set; }

    public Speaker? LastPerson => lastPerson;

    public ActorIndex Index => index;

    public IReadOnlyList<string> Parties => parties.All;

    /// <param name="near">Governments named just before the mention, which "the two sides" mean when there are enough.</param>
    /// <param name="reporter">The government of whoever just named the one government <paramref name="near"/> holds.</param>
    public Speaker? Resolve(string mention, DateOnly? on, IReadOnlyList<string>? near = null, string? reporter = null)
    {
        mention = mention.Trim().TrimEnd(',');
        // "The PMOS said …": an abbreviation the text defined resolves by its full words, and keeps its own mention.
        if (abbreviations?.Expand(mention) is { } full && full != mention)
            return Resolve(full, on, near, reporter) is { } expanded ? expanded with { Mention = mention } : null;
        switch (MentionKinds.Classify(mention))
        {
            case MentionKind.Generic: return null;
            case MentionKind.PersonPronoun: return lastPerson ?? Speaker.Unresolved(mention, isPerson: true);
            case MentionKind.PluralPronoun:
                return lastPlural ?? (PluralMeansParties ? Joint(mention, parties.For("the sides", [], null)) : Speaker.Unresolved(mention, isPerson: false));
            case MentionKind.ItPronoun: return lastOrganisation;
            // "We, the Foreign Ministers of …, welcome …": a joint statement's "we" is its parties.
            case MentionKind.FirstPerson:
                return FirstPerson ?? (PluralMeansParties && mention.Equals("we", StringComparison.OrdinalIgnoreCase) ? Joint(mention, parties.For("the ministers", [], null)) : null);
            case MentionKind.Joint: return Joint(mention, parties.For(mention, near ?? [], OwnGovernment(), reporter));
        }
        if (Counterparts(mention) is { } pair) return pair;
        if (MentionKinds.Conjuncts(mention) is { } conjuncts)
        {
            var actors = conjuncts.Select(index.Match).ToList();
            // "Kestria's finance minister, Ravi Osei": commas alone set a title beside a name, not two speakers.
            var coordinated = mention.Contains(" and ", StringComparison.Ordinal) || actors.All(a => a is not null && !ActorIndex.IsPerson(a));
            var ids = actors.Select(a => a?.Id).ToList();
            if (coordinated && ids.All(id => id is not null) && ids.Distinct().Count() >= 2) return Joint(mention, ids.Distinct().ToList()!);
            // "the Prime Minister and Prime Minister Sedlar agreed …", "he and President Okafor announced …": two office
            // holders of two countries acting together speak for their two governments, however each is named.
            if (mention.Contains(" and ", StringComparison.Ordinal) && conjuncts.Length == 2 && ids.Any(id => id is null)
                && conjuncts.Select(c => GovernmentIdOf(Resolve(c, on, near, reporter) is { IsPerson: true, IsJoint: false } person ? person.ActorId : null)).ToList() is [{ } g1, { } g2]
                && g1 != g2)
                return Joint(mention, [g1, g2]);
        }
        // "A spokeswoman for the dockers' union, Kari Dalen,": an indefinite description names no office holder, so its
        // role word must not lead to whoever holds that role; the name set after it is the speaker.
        if (IndefiniteDescription().Match(mention) is { Success: true } described)
        {
            var name = described.Groups["name"].Value;
            return index.Match(name) is { } named ? new Speaker(named.Id, name, ActorIndex.IsPerson(named), []) : Speaker.Unresolved(name, isPerson: true);
        }
        // "Orland, the largest exporter of steel to Valdoria, has said": the name before an apposition is the speaker.
        var appositionRole = MentionKinds.RoleWord(mention);
        var comma = mention.IndexOf(',');
        if (comma > 0 && MentionKinds.RoleWord(mention[..comma]) is null && index.Match(mention[..comma]) is not null) mention = mention[..comma].Trim();
        var role = MentionKinds.RoleWord(mention);
        var actor = index.Match(mention);
        var demonym = actor is null ? index.ByDemonym(mention) : null;
        // "The ministry added that …", "A ministry spokeswoman said …": a ministry no country names is the one of the
        // government that spoke last, as a report goes on about the same ministry without naming its country again.
        if (actor is null && demonym is null && BareMinistry().IsMatch(mention.Trim()) && lastOrganisation?.ActorId is { } lastId
            && index.ById(lastId) is { } last && !ActorIndex.IsPerson(last) && GovernmentOf(last)?.Id == lastId)
            return new Speaker(lastId, mention, false, []);
        if (role is not null && actor is not null && !ActorIndex.IsPerson(actor))
        {
            var named = index.Occurrences(mention).Where(o => !ActorIndex.IsPerson(o.Actor)).Select(o => o.Actor.Country).OfType<string>().ToHashSet();
            return GovernmentForHolder(mention, role, on, named) ?? ByRole(mention, role, on, named);
        }
        if (actor is not null)
        {
            var speaker = new Speaker(actor.Id, mention, ActorIndex.IsPerson(actor), []);
            // "Hana Petrov, the spokeswoman of …" is who "the spokeswoman" means next.
            if ((role ?? appositionRole) is { } held && speaker.IsPerson) roleAntecedents[held] = speaker;
            return speaker;
        }
        if (role is not null && SpokespersonOf(mention, on) is { } office) return office;
        // "Prime Minister Hallberg of Lusmark": a title before a name the archive does not know is that person, not
        // whoever the archive says holds the title.
        if (role is not null && demonym is null && TitledName().Match(mention) is { Success: true } titled
            && MentionKinds.RoleWord(titled.Groups["name"].Value) is null && index.ByDemonym(titled.Groups["name"].Value) is null)
            return Speaker.Unresolved(mention, isPerson: true);
        // "Our Minister of Defence, Orsola Brix": a description, then a name the archive does not know, is that person.
        if (role is not null && comma > 0 && MentionKinds.RoleWord(mention[..comma]) is not null && mention[(comma + 1)..].Trim() is { Length: > 0 } apposed
            && MentionKinds.RoleWord(apposed) is null && Capitalised(apposed) && index.Match(apposed) is null)
            return Speaker.Unresolved(apposed, isPerson: true);
        // "The Kestrian side", "the Kestrian foreign minister": a country named by its adjective. When the archive knows
        // no holder of the role in that country, "the Kestrian ambassador" still speaks for Kestria's government.
        if (role is not null && demonym?.Country is { } c && !index.ByRole(role, on).Any(a => a.Country == c)) return new Speaker(demonym.Id, mention, false, []);
        if (role is not null && demonym is null && !roleAntecedents.Keys.Any(k => k.EndsWith(role, StringComparison.Ordinal)) && GovernmentForHolder(mention, role, on, null) is { } envoy) return envoy;
        if (role is not null) return ByRole(mention, role, on, demonym?.Country is { } d ? new HashSet<string> { d } : null);
        if (demonym is not null && GovernmentNoun().IsMatch(mention)) return new Speaker(demonym.Id, mention, false, []);
        if (OrganisationNoun().IsMatch(mention)) return Speaker.Unresolved(mention.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? mention[4..] : mention, isPerson: false);
        // "Mr Rist's employer, the Selm Daily,": a definite apposition names an organisation, not a person.
        if (!LooksLikeName(mention)) return null;
        var person = !TheApposition().IsMatch(mention);
        var shortName = NamePart(mention);
        // "Mr Aster told ETV" after "The leader of the opposition, Paul Aster, called …": the text's full name.
        return Speaker.Unresolved(person && text is not null && FullNames.Complete(text, shortName) is { } whole ? whole : shortName, isPerson: person);
    }

    // "Ambria's foreign minister, Sela Arden, and her Teravian counterpart, Tomas Brekke": two ministers acting together
    // speak for their two governments.
    private Speaker? Counterparts(string mention)
    {
        var m = Counterpart().Match(mention);
        if (!m.Success) return null;
        var first = GovernmentOf(index.Match(m.Groups["first"].Value));
        var other = GovernmentOf(m.Groups["name"].Success ? index.Match(m.Groups["name"].Value) : null)
            ?? (m.Groups["demonym"].Success ? index.ByDemonym(m.Groups["demonym"].Value) : null);
        return first is not null && other is not null && first.Id != other.Id ? Joint(mention, [first.Id, other.Id]) : null;
    }

    // "The Prime Minister's Official Spokesperson said …": the spokesperson of whoever the possessive names, and when
    // the archive knows no spokesperson of that country, its government, for which the spokesperson speaks. It stays
    // a person to the pronouns that follow ("He said the support would be …").
    private Speaker? SpokespersonOf(string mention, DateOnly? on)
    {
        var owned = OwnedSpokesperson().Match(mention);
        if (!owned.Success || Resolve(owned.Groups["owner"].Value, on) is not { ActorId: { } ownerId } || index.ById(ownerId)?.Country is not { } country)
            return null;
        var spokespeople = index.ByRole("spokesperson", on).Where(a => ActorIndex.IsPerson(a) && a.Country == country).ToList();
        if (spokespeople.Count == 1) return new Speaker(spokespeople[0].Id, mention, true, []);
        return GovernmentOfCountry(country) is { } government ? new Speaker(government.Id, mention, true, []) : null;
    }

    [GeneratedRegex(@"^(?:the\s+)?(?<owner>[^,]{2,60}?)['’]s\s+(?:[A-Za-z]+\s+){0,2}(?:spokesperson|spokesman|spokeswoman)$", RegexOptions.IgnoreCase)]
    private static partial Regex OwnedSpokesperson();

    [GeneratedRegex(@"^(?:the\s+)?(?:\p{Lu}[a-z]+\s+){0,2}(?:Prime Minister|Minister|President|Ambassador|Spokesperson|Spokesman|Spokeswoman|Premier|Chancellor|Secretary|Governor|Mayor|Commissioner)\s+(?<name>\p{Lu}[\w'’-]+(?:\s+\p{Lu}[\w'’-]+){0,2})$")]
    private static partial Regex TitledName();

    /// <summary>The government an actor speaks for: itself, or the government of a person's country.</summary>
    public string? GovernmentIdOf(string? actorId) => GovernmentOf(index.ById(actorId))?.Id;

    private KnownActor? GovernmentOf(KnownActor? actor) =>
        actor is null ? null : !ActorIndex.IsPerson(actor) ? actor : GovernmentOfCountry(actor.Country);

    private KnownActor? GovernmentOfCountry(string? country) =>
        country is null ? null : index.Actors.FirstOrDefault(a => !ActorIndex.IsPerson(a) && a.Country == country);

    // The government of the country the answerer or author speaks for: one of "the two sides" in their own words.
    private string? OwnGovernment() => GovernmentOfCountry(index.ById(FirstPerson?.ActorId)?.Country)?.Id;

    private Speaker ByRole(string mention, string role, DateOnly? on, IReadOnlySet<string>? countries)
    {
        if (countries is null && TheOtherHolder(mention, role, on) is { } other) return other;
        // The text's own earlier "Ambassador Jiang Zaidong" outranks the archive's records of who held the role.
        // "Minister Brekke" may be who "the foreign minister" means next, but never "the prime minister".
        var antecedent = countries is not null ? null : roleAntecedents.Where(r => r.Key.EndsWith(role, StringComparison.Ordinal)
                || (role.EndsWith(r.Key, StringComparison.Ordinal) && role != "prime minister"))
            .Select(r => r.Value).LastOrDefault();
        if (antecedent is not null) return antecedent with { Mention = mention };
        // "Valdoria's ambassador in Kestria": a holder from one of the countries named, else any holder.
        var all = index.ByRole(role, on);
        var holders = all.Where(a => countries is null || countries.Contains(a.Country ?? "")).ToList();
        // "Lindovia's chief veterinary officer, Dr Saskia Morell": no holder of that country is known, so the name
        // beside the title is the speaker, not another country's holder of the role.
        if (holders.Count == 0 && countries is { Count: > 0 } && ApposedName(mention) is { } apposed) return Speaker.Unresolved(apposed, isPerson: true);
        if (holders.Count == 0) holders = all.ToList();
        if (holders.Count > 1) holders = index.Qualified(holders, mention, role, on);
        // An official's "the Prime Minister" is their own country's, whoever else the text names.
        if (holders.Count > 1 && countries is null && index.ById(FirstPerson?.ActorId)?.Country is { } own
            && holders.Where(h => h.Country == own).ToList() is { Count: 1 } ours) holders = ours;
        if (holders.Count > 1) holders = OfTheDocumentsCountry(holders);
        if (holders.Count != 1) return Speaker.Unresolved(mention, isPerson: true);
        var speaker = new Speaker(holders[0].Id, mention, ActorIndex.IsPerson(holders[0]), []);
        roleAntecedents[role] = speaker;
        return speaker;
    }

    /// <summary>
    /// A readout says "The Prime Minister spoke to the Prime Minister of Duravia, Ludvík Sedlar" and then "Prime Minister
    /// Sedlar" each time: while the other holder is never named without the title or given name, the bare title used
    /// again and again is the issuer's own office holder, the one other holder of the role on the day.
    /// </summary>
    private Speaker? TheOtherHolder(string mention, string role, DateOnly? on)
    {
        if (text is null || !string.Equals(Regex.Replace(mention.Trim(), @"^(?:the|The)\s+", ""), role, StringComparison.OrdinalIgnoreCase)) return null;
        if (!otherHolders.TryGetValue((role, on), out var other)) otherHolders[(role, on)] = other = FindOtherHolder(role, on);
        return other is null ? null : new Speaker(other.Id, mention, true, []);
    }

    private readonly Dictionary<(string, DateOnly?), KnownActor?> otherHolders = [];

    private KnownActor? FindOtherHolder(string role, DateOnly? on)
    {
        var titles = "(?i:" + Regex.Escape(role).Replace("\\ ", "\\s+") + ")";
        if (Regex.Matches(text!, $@"\b[Tt]he\s+{titles}\b(?!\s+of\b|\s+\p{{Lu}}|['’]s)").Count < 2) return null;
        var holders = index.ByRole(role, on).Where(ActorIndex.IsPerson).ToList();
        var named = holders.Where(h =>
        {
            var surname = Regex.Escape(h.Name.Split(' ')[^1]);
            // Never "Sedlar said" alone: a report that says so after "Prime Minister Sedlar" means him by "the prime minister".
            return Regex.Matches(text!, $@"\b{titles}\s+(?:\p{{Lu}}[\w'’-]+\s+)?{surname}\b").Count >= 2
                && !Regex.IsMatch(text!, $@"(?<!\p{{Lu}}[\w'’-]*\s+){surname}\b");
        }).ToList();
        if (named.Count != 1) return null;
        var others = holders.Where(a => a.Id != named[0].Id && a.Country != named[0].Country).ToList();
        if (others.Count > 1) others = OfTheDocumentsCountry(others);
        return others.Count == 1 ? others[0] : null;
    }

    // "The Prime Minister" in a text about Orland is Orland's, when the archive knows prime ministers of other countries
    // too: the holders whose government the document names most, if that is one country; else still ambiguous.
    private List<KnownActor> OfTheDocumentsCountry(List<KnownActor> holders)
    {
        var weights = holders.Select(h => (Holder: h, Weight: parties.Mentions(index, h.Country))).ToList();
        var most = weights.Max(w => w.Weight);
        var named = weights.Where(w => w.Weight == most).Select(w => w.Holder).ToList();
        return most > 0 && named.Select(h => h.Country).Distinct().Count() == 1 ? named : holders;
    }

    private Speaker Joint(string mention, IReadOnlyList<string> ids) =>
        ids.Count >= 2 ? new Speaker(ids[0], mention, false, ids.Skip(1).ToList()) : Speaker.Unresolved(mention, isPerson: false);

    /// <summary>Remembers a speaker as the antecedent of later pronouns.</summary>
    public void Observe(Speaker speaker)
    {
        if (speaker.IsJoint) lastPlural = speaker;
        else if (speaker.IsPerson) lastPerson = speaker;
        else { lastOrganisation = speaker; lastPlural = speaker; }
    }

    private static bool Capitalised(string words) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: >= 2 and <= 4 } w && w.All(x => char.IsUpper(x[0]));

    private static bool LooksLikeName(string mention)
    {
        var name = NamePart(mention);
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 1 and <= 5 && words.All(w => char.IsUpper(w[0]) || w is "al" or "bin" or "van" or "de" or "von")
            && !words[0].Equals("The", StringComparison.Ordinal);
    }

    // "Maria Keller, a trade analyst at Northgate" is named by the part before the apposition.
    // "Ana Ruiz of the Lake Orra Alliance" likewise by the part before what she belongs to.
    private static string NamePart(string mention)
    {
        var comma = mention.IndexOf(',');
        var name = (comma > 0 ? mention[..comma] : mention).Trim();
        // "Its head, Karin Holt": a description first, the name in apposition after it.
        if (comma > 0 && !Capitalised(name) && TheApposition().Replace(mention[(comma + 1)..].Split(',')[0].Trim(), "") is { Length: > 0 } apposed && Capitalised(apposed)) name = apposed;
        var of = Affiliation().Match(name);
        name = of.Success && of.Index > 0 ? name[..of.Index] : name;
        // "Opposition leader Viktor Haas": a description set before the name, not part of it.
        return DescribedName().Match(name) is { Success: true } described ? described.Groups["name"].Value : name;
    }

    [GeneratedRegex(@"^(?:[^,]+,\s+)?the\s+(?=[A-Z])")]
    private static partial Regex TheApposition();

    [GeneratedRegex(@"^(?:\p{Lu}[\w'’-]*\s+)?(?:[a-z][\w'’-]*\s+){1,3}(?<!\b(?:of|for|at|in|on|from|with|by|to|and|the|a|an)\s+)(?<name>\p{Lu}[\w'’-]+(?:\s+\p{Lu}[\w'’-]+){1,2})$")]
    private static partial Regex DescribedName();

    [GeneratedRegex(@"^(?<first>[^,]{2,80}(?:,\s*[^,]{2,60})?),?\s+and\s+(?:his|her|their|its)\s+(?:(?<demonym>\p{Lu}[\w'’-]+)\s+)?counterparts?(?:,?\s+(?<name>[A-Z][^,]{1,60}))?,?$")]
    private static partial Regex Counterpart();

    [GeneratedRegex(@"^[Aa]n? [^,]{1,80}, (?<name>\p{Lu}[\w'’-]+(?: \p{Lu}[\w'’-]+){1,2})$")]
    private static partial Regex IndefiniteDescription();

    [GeneratedRegex(@"\s+(?:of|from|at|with)\s+(?:the\s+)?[A-Z]")]
    private static partial Regex Affiliation();

    // A country's foreign ministry speaks for its government ("the Valdorian foreign ministry said …"), and so do its
    // embassy, its attachés and, in a diplomat's words, "our Ambrian friends" or "partners".
    [GeneratedRegex(@"\b(?:side|government|delegation|authorities|administration|foreign ministry|foreign office|ministry of foreign affairs|embassy(?: in \p{Lu}[\w'’-]+(?: \p{Lu}[\w'’-]+)?)?|attach[ée]|friends|partners|counterparts)$", RegexOptions.IgnoreCase)]
    private static partial Regex GovernmentNoun();

    [GeneratedRegex(@"^(?:[Tt]he |[Aa]n? |[Ii]ts )?(?:[a-z]+ )?(?:ministry|ministry of [a-z ]+)(?: (?:spokesperson|spokesman|spokeswoman|official|statement))?$")]
    private static partial Regex BareMinistry();

    // "the Kestrian transport ministry": an organisation the archive does not know, named by what it is.
    [GeneratedRegex(@"^(?:the |a |an )?(?:\p{Lu}[\w’'-]* )+(?:ministry|office|agency|embassy|government|commission|council|department|bank|company|institute|committee|authority|police|army|court|parliament)$", RegexOptions.IgnoreCase)]
    private static partial Regex OrganisationNoun();
}
