using System.Text.RegularExpressions;
using Archive.Extraction.Speakers;
using Archive.Extraction.Text;

namespace Archive.Extraction.Readers.QandA;

/// <summary>
/// Who answers a turn: the person its label names, or, for a bare "A:", the person the header names as briefing;
/// and what in a paragraph is a stage note ("[Translation]", "(laughs)") rather than anyone's words.
/// </summary>
internal static partial class Answerers
{
    /// <summary>The first person the header names ("Regular briefing by Spokesperson Mei Tanaka"), who briefs.</summary>
    public static Speaker? Briefer(ReadingContext context, IReadOnlyList<Segment> header)
    {
        foreach (var paragraph in header)
        {
            var found = context.Tracker.Index.Occurrences(context.Document.Slice(paragraph))
                .Where(o => ActorIndex.IsPerson(o.Actor)).OrderBy(o => o.Index).FirstOrDefault();
            if (found.Actor is { } actor)
                return new Speaker(actor.Id, context.Document.Slice(paragraph).Substring(found.Index, found.Length), true, []);
        }
        return null;
    }

    /// <summary>
    /// A label naming someone ("Deputy Spokesperson Kask:") is that person even when the archive does not know them
    /// and its role word would lead to whoever else holds the role; they keep the fullest name the text gives them.
    /// </summary>
    public static Speaker Of(ReadingContext context, Turn turn, Speaker? briefer)
    {
        if (Turns.IsAnswerPrefix(turn.Prefix))
        {
            // "REPLY (Mr. Tore Haugen, Chief Executive of Halnett):": an answer label that names in brackets who
            // answers hands the floor to that person, not to the briefer.
            if (BracketedAnswerer().Match(turn.Prefix) is { Success: true } named && !IsRoleOnly(named.Groups["name"].Value))
            {
                var name = named.Groups["name"].Value;
                return context.Resolve(name) is { ActorId: not null } known ? known : Speaker.Unresolved(name, isPerson: true);
            }
            return briefer ?? Speaker.Unresolved(turn.Prefix, isPerson: true);
        }
        // A bare "Spokesperson:" is the briefer the header names when the briefer holds that role.
        if (briefer is not null && IsRoleOnly(turn.Prefix) && HoldsRole(context, briefer, turn.Prefix)) return briefer;
        var speaker = context.Resolve(turn.Prefix);
        var words = Outlet().Replace(turn.Prefix, "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var surname = words.Length > 1 ? words[^1] : null;
        if (speaker?.ActorId is null) return Unknown(context.Text, turn.Prefix, speaker, surname);
        var actor = context.Tracker.Index.ById(speaker.ActorId);
        if (surname is null || actor is null || !ActorIndex.IsPerson(actor) || MentionKinds.RoleWord(surname) is not null
            || actor.Aliases.Prepend(actor.Name).Any(n => n.Split(' ').Contains(surname, StringComparer.OrdinalIgnoreCase)))
            return speaker;
        return Speaker.Unresolved(FullNames.Of(context.Text, surname) ?? turn.Prefix, isPerson: true);
    }

    /// <summary>
    /// A label the archive does not know keeps the fullest name the text gives: "Ms. Brun:" or "ADM. SOLBERG:" (a title
    /// and a last name) in ordinary case, "Kask:" or "Aino Kask:" as the text spells it; a label that names no one
    /// (<paramref name="resolved"/> null) stays as it is printed.
    /// </summary>
    private static Speaker Unknown(string text, string prefix, Speaker? resolved, string? surname)
    {
        if (ShortLabelName(text, prefix) is { } named) return Speaker.Unresolved(named, isPerson: true);
        // "M. Vrána:", "R. Šimon:": initials and a surname are already the name as the document prints it; the text's
        // "Chief Inspector Vrána" adds a title, not the given name.
        var label = Outlet().Replace(prefix, "");
        if (InitialledName().IsMatch(label)) return Speaker.Unresolved(label, isPerson: true);
        if (resolved is null) return Speaker.Unresolved(prefix, isPerson: true);
        if (surname is not null && MentionKinds.RoleWord(surname) is null && resolved.IsPerson)
            return Speaker.Unresolved(FullNames.Of(text, surname) ?? resolved.Mention, isPerson: true);
        return resolved;
    }

    private static bool IsRoleOnly(string prefix) =>
        Outlet().Replace(prefix, "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .All(w => MentionKinds.RoleWord(w) is not null || FullNames.Title().IsMatch(w) || w is "The" or "the");

    private static bool HoldsRole(ReadingContext context, Speaker briefer, string prefix) =>
        MentionKinds.RoleWord(prefix) is { } role && context.Tracker.Index.ById(briefer.ActorId) is { } actor
        && actor.Roles.Any(r => MentionKinds.RoleWord(r.Role) is { } held && (held.EndsWith(role, StringComparison.Ordinal) || role.EndsWith(held, StringComparison.Ordinal)));

    /// <summary>
    /// "Ms. Brun:" or "ADM. SOLBERG:" after "REAR ADMIRAL INGRID SOLBERG:" or "our guest, Ottilie Brun": a title and
    /// a surname the archive does not know name the person the text names in full, in ordinary case.
    /// </summary>
    private static string? ShortLabelName(string text, string prefix)
    {
        var words = Outlet().Replace(prefix, "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || !words[..^1].All(FullNames.IsTitle)) return null;
        var surname = words[^1];
        var ordinary = FullNames.Ordinary(surname);
        var full = FullNames.Of(text, ordinary) ?? (surname == ordinary ? null : FullNames.Of(text, surname));
        return full is null ? null : string.Join(' ', full.Split(' ').Select(FullNames.Ordinary));
    }

    /// <summary>The paragraph without the stage notes that open it; empty when it is nothing but a note.</summary>
    public static Segment WithoutStageNotes(string text, Segment paragraph)
    {
        // "(The briefing ended at 11:48 a.m.)": a paragraph wholly in brackets is the transcriber's, not the speaker's.
        if (WholeNote().IsMatch(text.AsSpan(paragraph.Start, paragraph.Length))) return new Segment(paragraph.Start, paragraph.Start);
        var start = paragraph.Start;
        for (Match m; (m = StageNote().Match(text, start, paragraph.End - start)).Success && m.Length > 0;) start += m.Length;
        return start == paragraph.Start ? paragraph : Document.Trim(text, start, paragraph.End);
    }

    /// <summary>Opening announcements set out before the first question are prose; header lines are not.</summary>
    public static bool IsProse(string text, Segment paragraph) =>
        paragraph.Length > 0 && !AboutTheText().IsMatch(text.AsSpan(paragraph.Start, paragraph.Length)) && text[paragraph.End - 1] is '.' or '!' or '…' or '”' or '"' && QuoteRegion.WordCount(text, paragraph) >= 6;

    // "2. Emergency assistance to Teravia", "Questions and Answers": a short line without a sentence's closing mark,
    // standing as a paragraph among the announcements, is a heading over them, not something said.
    // A one-word reply without its full stop ("Yes") is still an answer: a heading is numbered or in title case.
    public static bool IsHeading(string text, Segment paragraph)
    {
        var line = text[paragraph.Start..paragraph.End];
        if (QuoteRegion.WordCount(text, paragraph) > 8 || line.Contains('\n') || line[^1] is '.' or '!' or '?' or '…' or '"' or '”' or '’' or '。' or '？' or '！')
            return false;
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return NumberedHeading().IsMatch(line) || (words.Length >= 2 && words.Where(w => w.Length >= 4).All(w => char.IsUpper(w[0])));
    }

    [GeneratedRegex(@"^(?:\d{1,2}|[IVX]{1,4}|[A-H])[.)][ ]\S")]
    private static partial Regex NumberedHeading();

    // "The interview was conducted in Ostmere on 2 December.": an editor's introduction to the text, no one's words; so
    // are notes on how it was made ("Transcribed by the press service from the pool recording. Questions are
    // shortened.", "The Spokesperson answered in writing the following questions received from the media …").
    [GeneratedRegex(@"^(?:The|This) (?:interview|conversation|transcript|text|briefing|press conference|remarks|following)\b|^(?:Transcribed|Translated|Edited|Abridged|Compiled)\b|\b(?:transcri(?:pt|bed|ption)|in writing|verbatim|pool recording|(?:following|media) questions|questions (?:are|were|have been) (?:shortened|edited|abridged|condensed|paraphrased))\b")]
    private static partial Regex AboutTheText();

    [GeneratedRegex(@"\s*(?:\([A-Za-z][\w ,.-]{0,30}\)|\[[^\[\]\n]{1,40}\])$")]
    public static partial Regex TrailingStageNote();

    [GeneratedRegex(@"^(?:\([^()\n]{1,200}\)|\[[^\[\]\n]{1,200}\])$")]
    private static partial Regex WholeNote();

    // "[laughter]", "(inaudible)", and official transcripts' "(As interpreted.)", "(In English.)", "(Laughter.)".
    [GeneratedRegex(@"\G(?:\[[^\]\n]{1,80}\]|\([a-z][a-z ,-]{0,30}\)|\(\p{Lu}[a-z]+(?: [A-Za-z][a-z]+){0,3}\.\))\s*")]
    private static partial Regex StageNote();

    [GeneratedRegex(@"\s*\([^()]*\)$|\s*\[[^\[\]]*\]$|,[ ].*$")]
    private static partial Regex Outlet();

    // The bracket after "REPLY": an optional title, a name of two to four capitalised words, an optional description.
    [GeneratedRegex(@"\((?:(?:Mr|Ms|Mrs|Dr|Prof|Mme|Sir)\.?[ ]+)?(?<name>\p{Lu}[\w'’-]+(?:[ ]\p{Lu}[\w'’-]+){1,3})(?:,[^()]*)?\)\s*$")]
    private static partial Regex BracketedAnswerer();

    [GeneratedRegex(@"^(?:\p{Lu}\.[ ]?){1,3}\p{Lu}[\w'’-]+(?:[ -]\p{Lu}[\w'’-]+)?$")]
    private static partial Regex InitialledName();
}
