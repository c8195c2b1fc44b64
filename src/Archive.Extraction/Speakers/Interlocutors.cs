using System.Text.RegularExpressions;

namespace Archive.Extraction.Speakers;

/// <summary>
/// The person someone says they spoke to ("I had a long conversation this morning with Nils Anker from the union.",
/// "Yesterday I spoke to President Okafor of Kestria, and she told me …"): who "he" or "she" means next, whether or
/// not the archive knows them.
/// </summary>
internal static partial class Interlocutors
{
    public static Speaker? Find(ActorIndex index, string sentence)
    {
        var talk = Talk().Match(sentence);
        if (!talk.Success) return null;
        var rest = sentence[(talk.Index + talk.Length)..];
        var phrase = rest[..(PhraseEnd().Match(rest) is { Success: true } end ? end.Index : rest.Length)];
        // "President Okafor's foreign minister, Amara Diallo": the person named last is the one spoken to.
        var person = index.Occurrences(phrase).Where(o => ActorIndex.IsPerson(o.Actor)).OrderBy(o => o.Index + o.Length).LastOrDefault();
        if (person.Actor is not null) return new Speaker(person.Actor.Id, phrase.Substring(person.Index, person.Length), true, []);
        if (index.Occurrences(phrase).Any()) return null;
        var name = Name().Match(phrase);
        return name.Success && MentionKinds.RoleWord(name.Groups["name"].Value.Split(' ')[^1]) is null
            ? Speaker.Unresolved(name.Groups["name"].Value, isPerson: true)
            : null;
    }

    [GeneratedRegex(@"\b(?:(?:spoke|spoken|talked|speak|talk) (?:to|with)|(?:conversation|call|talk|meeting|talks)(?: [a-z]+){0,3} with|(?:phoned|telephoned|called) (?=[A-Z]))\s+")]
    private static partial Regex Talk();

    [GeneratedRegex(@"\s+(?:on|only|yesterday|today|this|last|earlier|by|about|at|in|and|but|when|after|before|during|for|from)\b|[.;:!?]|,\s+(?:and|but|only|on|yesterday|who|which|when)\b")]
    private static partial Regex PhraseEnd();

    // "Nils Anker", "Minister Vesk": capitalised words opening the phrase.
    [GeneratedRegex(@"^(?:the\s+)?(?<name>\p{Lu}[\w'’-]+(?:\s+\p{Lu}[\w'’-]+){1,2})\s*,?\s*$")]
    private static partial Regex Name();
}
