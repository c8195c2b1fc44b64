using System.Text.RegularExpressions;
using Archive.Extraction.Dates;
using Archive.Extraction.Speakers;
using Archive.Extraction.Text;

namespace Archive.Extraction.Readers.News;

/// <summary>
/// Narrative sentences still matter: they introduce the next "he", "Spokesperson Lin Jian made the remarks…" tells
/// who voiced what the report first gave to a government ("China has said that …"), and "Prime Minister Stan struck
/// a conciliatory tone on Tuesday" dates what he is quoted as saying next.
/// </summary>
internal static partial class Remarks
{
    public static void Note(ReadingContext context, Segment sentence)
    {
        var words = context.Text[sentence.Start..sentence.End];
        var person = context.Tracker.NoteNarrative(words);
        if (person?.ActorId is null) return;
        if (DateCues.Find(words, context.Reference).FirstOrDefault(c => c.Date is not null) is { Date: { } on } cue)
            context.Occasions.Add(new Occasion(sentence.Start, person.ActorId, on, cue.Words));
        if (!MadeTheRemarks().IsMatch(words)) return;
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
