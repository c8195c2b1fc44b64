using System.Text.RegularExpressions;
using Archive.Extraction.Speakers;
using Archive.Extraction.Text;

namespace Archive.Extraction.Readers.Authored;

/// <summary>
/// Reads an article written by an actor (an ambassador's op-ed): every sentence in the author's voice is the author's
/// statement; sentences reporting someone else ("President Xi Jinping emphasized that …") are that person's.
/// </summary>
internal static partial class AuthoredReader
{
    /// <summary>The author named by the title ("article by the Chinese Ambassador to Pakistan") or a byline.</summary>
    public static string? AuthorMention(string? title, Document document)
    {
        if (title is not null && TitleByline().Match(title) is { Success: true } t) return t.Groups["who"].Value.Trim();
        if (document.Paragraphs.Count == 0) return null;
        var first = document.Slice(document.Paragraphs[0]);
        return Byline().Match(first) is { Success: true } b ? b.Groups["who"].Value.Trim() : null;
    }

    public static void Read(ReadingContext context, Speaker author, Segment? header)
    {
        var text = context.Text;
        context.Tracker.FirstPerson = author;
        foreach (var paragraph in context.Document.Paragraphs)
        {
            if (IsHeading(context, paragraph, header)) continue;
            var quotes = Quotes.Find(text, paragraph);
            foreach (var sentence in Sentences.Split(text, paragraph, quotes.Select(q => q.Outer).ToList()))
            {
                var frame = Attribution.Leading(text, sentence, quotes);
                var speaker = frame is null || frame.JointOnly ? null : context.Resolve(frame.Subject);
                if (speaker is not null && !speaker.SameAs(author) && MentionKinds.Classify(frame!.Subject) != MentionKind.FirstPerson)
                {
                    var kind = speaker.IsJoint ? QuoteKinds.Joint : QuoteKinds.Reported;
                    var confidence = speaker.ActorId is null ? Confidences.Low : Confidences.Medium;
                    context.Add(new Draft(sentence, kind, speaker, "authored.reported", confidence, new Segment(sentence.Start, frame.ContentStart)));
                    continue;
                }
                context.Tracker.NoteNarrative(text[sentence.Start..sentence.End]);
                var lastPerson = context.Tracker.LastPerson;
                context.Add(new Draft(sentence, QuoteKinds.Direct, author, "authored.sentence",
                    author.ActorId is null ? Confidences.Low : Confidences.Medium, null));
                // The author is not the antecedent of "he": the last person the author wrote about is.
                if (lastPerson is not null) context.Tracker.Observe(lastPerson);
            }
        }
    }

    // A heading is a short line without a full stop; the header line carries the date.
    private static bool IsHeading(ReadingContext context, Segment paragraph, Segment? header)
    {
        if (header is { } h && paragraph.Start < h.End && paragraph.End <= h.End) return true;
        return Document.IsHeading(context.Text, paragraph);
    }

    [GeneratedRegex(@"\b(?:article|op-ed|opinion piece|commentary|column|essay|signed article|letter)\s+by\s+(?<who>[^,()]+?)\s*(?:\)|$|,)", RegexOptions.IgnoreCase)]
    private static partial Regex TitleByline();

    [GeneratedRegex(@"^By\s+(?<who>[A-Z][^,\n]{2,80})")]
    private static partial Regex Byline();
}
