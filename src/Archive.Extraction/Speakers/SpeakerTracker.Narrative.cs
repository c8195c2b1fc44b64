using System.Text.RegularExpressions;

namespace Archive.Extraction.Speakers;

/// <summary>Narrative sentences: who a following "he" or "she" means when a sentence names someone without quoting them.</summary>
internal sealed partial class SpeakerTracker
{
    /// <summary>
    /// A narrative sentence that names a person near its start ("Spokesperson Lin Jian made the remarks…") makes
    /// that person the antecedent of a following "he", and of the role words around the name.
    /// </summary>
    public Speaker? NoteNarrative(string sentence)
    {
        var head = sentence.Length > 90 ? sentence[..90] : sentence;
        var first = index.Occurrences(head).Where(o => ActorIndex.IsPerson(o.Actor)).OrderBy(o => o.Index).FirstOrDefault();
        if (first.Actor is null) return OwnOfficeHolder(head) ?? OfficeHolderActing(head) ?? NamedInApposition(head);
        var speaker = new Speaker(first.Actor.Id, first.Actor.Name, true, []);
        lastPerson = speaker;
        // "Foreign Ministry spokesperson Lin Jian": the role words stand before the name, or are the alias itself. Only
        // the ones next to it: in "The Prime Minister will listen to whatever President Okafor says" she is the president.
        if (MentionKinds.LastRoleWord(head[Math.Max(0, first.Index - 32)..(first.Index + first.Length)]) is { } role) roleAntecedents[role] = speaker;
        return speaker;
    }

    // "In fact, our Prime Minister made this point on Monday.": the answerer's own office holder is who "she" means next.
    private Speaker? OwnOfficeHolder(string head)
    {
        var m = OurRole().Match(head);
        var country = index.ById(FirstPerson?.ActorId)?.Country;
        if (!m.Success || country is null || MentionKinds.RoleWord(m.Groups["role"].Value) is not { } role) return null;
        var holders = index.ByRole(role, null).Where(a => ActorIndex.IsPerson(a) && a.Country == country).ToList();
        if (holders.Count != 1) return null;
        lastPerson = new Speaker(holders[0].Id, m.Value.Trim(), true, []);
        return lastPerson;
    }

    // "The Prime Minister briefed Cabinet on the visit this morning. He told Cabinet that …": an office holder who
    // acts as a sentence's subject is who "he" means next.
    private Speaker? OfficeHolderActing(string head)
    {
        var m = ActingOfficeHolder().Match(head);
        if (!m.Success || Resolve(m.Groups["office"].Value, null) is not { ActorId: not null, IsPerson: true } holder || index.ById(holder.ActorId) is not { } actor || !ActorIndex.IsPerson(actor))
            return null;
        lastPerson = holder;
        return holder;
    }

    // "Skarra Link's chief executive, Hanne Rostad, was more cautious." and "Hedvig Sorn, the managing director of the
    // steelworks, does not buy it.": a person the archive does not know, introduced as the sentence's subject with a
    // description beside the name, is who "she" means next. It is not a speaker by this sentence.
    private Speaker? NamedInApposition(string head)
    {
        var m = ApposedSubject().Match(head);
        if (!m.Success) return null;
        var name = m.Groups["name"].Value;
        if (index.Match(name) is not null || index.ByDemonym(name) is not null || MentionKinds.RoleWord(name) is not null) return null;
        lastPerson = Speaker.Unresolved(name, isPerson: true);
        return lastPerson;
    }

    [GeneratedRegex(@"^(?:(?:In|At|On|Back in) \p{Lu}[\w'’-]+, )?(?:(?:(?:\p{Lu}[\w'’-]+ ){0,3}\p{Lu}[\w'’-]+['’]s|[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir) (?:(?:[a-z]|\p{Lu}(?=[\w'’-]* [a-z]))[\w'’-]* ){0,4}(?:spokesman|spokeswoman|spokesperson|director|executive|chief|head|leader|ambassador|minister|mayor|chairman|chairwoman|chair|president|secretary|manager|founder|lawyer|professor|commander|editor|official|adviser|advisor|economist|analyst)(?: (?:of|in|at|for) \p{Lu}[\w'’-]+(?: \p{Lu}[\w'’-]+){0,2})?, (?<name>\p{Lu}[\w'’-]+ \p{Lu}[\w'’-]+),|(?<name>\p{Lu}[\w'’-]+ \p{Lu}[\w'’-]+), (?:the|a|an) [a-z][^,]{2,80}, )(?! (?:said|says|told|added)\b)")]
    private static partial Regex ApposedSubject();

    [GeneratedRegex(@"^(?<office>The (?:\p{Lu}[a-z]+ ){0,2}(?:Prime Minister|President|Minister|Ambassador|Chancellor|Premier))\s+(?!of\b|and\b|or\b|who\b)[a-z]+")]
    private static partial Regex ActingOfficeHolder();

    [GeneratedRegex(@"^(?:[^,]{0,30}, )?(?:our|my) (?<role>prime minister|president|foreign minister|minister|ambassador|spokesperson|spokesman|spokeswoman|chancellor|premier)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OurRole();
}
