using System.Text.RegularExpressions;
using Archive.Extraction.Speakers;

namespace Archive.Extraction.Readers.News;

/// <summary>
/// Narrative sentences still matter: they introduce the next "he", and "Spokesperson Lin Jian made the remarks…"
/// tells who voiced what the report first gave to a government ("China has said that …").
/// </summary>
internal static partial class Remarks
{
    public static void Note(ReadingContext context, string sentence)
    {
        var person = context.Tracker.NoteNarrative(sentence);
        if (person?.ActorId is null || !MadeTheRemarks().IsMatch(sentence)) return;
        var country = context.Tracker.Index.ById(person.ActorId)?.Country;
        for (var i = 0; i < context.Drafts.Count; i++)
        {
            var draft = context.Drafts[i];
            var actor = context.Tracker.Index.ById(draft.Speaker.ActorId);
            if (actor is null || ActorIndex.IsPerson(actor) || draft.Speaker.IsJoint || actor.Country != country) continue;
            context.Drafts[i] = draft with { Speaker = person with { Mention = draft.Speaker.Mention }, Rule = draft.Rule + "+remarks" };
        }
    }

    [GeneratedRegex(@"\bmade (?:the|these|those) (?:remarks|comments)\b|\bwas speaking\b|\bwere made by\b")]
    private static partial Regex MadeTheRemarks();
}
