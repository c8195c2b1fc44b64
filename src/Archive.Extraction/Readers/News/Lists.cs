using System.Text.RegularExpressions;
using Archive.Extraction.Readers.Joint;
using Archive.Extraction.Speakers;
using Archive.Extraction.Text;

namespace Archive.Extraction.Readers.News;

/// <summary>
/// A list whose introduction names the speaker: "The Ministers:" followed by "- welcomed …;" and "- agreed …;", or
/// "The two sides agreed:" followed by the points agreed. Each item is a statement of the introduction's subject.
/// </summary>
internal static partial class Lists
{
    public static bool Read(ReadingContext context, Segment paragraph, bool jointDocument)
    {
        var text = context.Text;
        var lines = Lines(text, paragraph);
        if (lines.Count < 2 || text[lines[0].End - 1] != ':' || !lines.Skip(1).All(l => Document.IsListItem(text, l))) return false;
        var intro = new Segment(lines[0].Start, lines[0].End - 1);
        var words = text[intro.Start..intro.End];
        var verb = Lexicon.AnyVerb().Match(words);
        // "To take the project forward, we have decided to": the subject is the clause's own, after any opening phrase.
        var head = verb.Success ? words[..verb.Index] : words;
        var subject = Lexicon.TrailingModifiers().Replace(verb.Success ? head[(head.LastIndexOf(',') + 1)..] : head, "").Trim();
        // "Have agreed as follows:" over a declaration's operative paragraphs: its subject is the parties named above.
        var speaker = jointDocument && Declaration.IsEnacting(words) ? Declaration.Parties(context, intro)
            : subject.Length == 0 ? null : context.Resolve(subject, intro);
        if (speaker is null) return false;
        var drafts = new List<Draft>();
        foreach (var line in lines.Skip(1))
        {
            var item = Item(text, line);
            var itemVerb = verb.Success ? verb : Lexicon.AnyVerb().Match(text, item.Start, item.Length);
            if (item.Length == 0 || !itemVerb.Success || (!verb.Success && itemVerb.Index != item.Start)) continue;
            if (JointRules.Classify(context, speaker, !Lexicon.SpeechVerb().IsMatch(itemVerb.Value), jointDocument) is not var (kind, rule, said)) continue;
            var confidence = speaker.ActorId is null ? Confidences.Low : Confidences.Medium;
            drafts.Add(new Draft(item, kind, said, rule + ".list", confidence, intro));
        }
        // Items that are not the speaker's words ("The Ministers:" over a list of names) leave the paragraph to be read as prose.
        foreach (var draft in drafts) context.Add(draft);
        return drafts.Count > 0;
    }

    private static List<Segment> Lines(string text, Segment paragraph)
    {
        var lines = new List<Segment>();
        var start = paragraph.Start;
        for (var i = paragraph.Start; i <= paragraph.End; i++)
            if (i == paragraph.End || text[i] == '\n')
            {
                var line = Document.Trim(text, start, i);
                if (line.Length > 0) lines.Add(line);
                start = i + 1;
            }
        return lines;
    }

    // The item's words without its marker and the ";", "." or "; and" that joins it to the next.
    private static Segment Item(string text, Segment line)
    {
        var item = Document.Trim(text, line.Start + Document.ListMarkerLength(text, line), line.End);
        var tail = ItemTail().Match(text[item.Start..item.End]);
        return tail.Success ? Document.Trim(text, item.Start, item.Start + tail.Index) : item;
    }

    [GeneratedRegex(@"[;,.]?(?:\s+and)?[;,.]?\s*$")]
    private static partial Regex ItemTail();
}
