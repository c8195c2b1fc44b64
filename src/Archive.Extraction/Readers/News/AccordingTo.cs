using System.Text.RegularExpressions;
using Archive.Extraction.Speakers;
using Archive.Extraction.Text;

namespace Archive.Extraction.Readers.News;

/// <summary>"…, according to X." and "According to X, …": the sentence is X's, when X is a speaker rather than a document.</summary>
internal static partial class AccordingTo
{
    public static Speaker? Read(ReadingContext context, Segment sentence)
    {
        var s = context.Text[sentence.Start..sentence.End];
        var m = Pattern().Match(s);
        if (!m.Success) return null;
        var source = m.Groups["who"].Value.Trim();
        if (Documents().IsMatch(source)) return null;
        var speaker = context.Resolve(source);
        if (speaker is null || speaker.IsJoint) return null;
        var confidence = speaker.ActorId is null ? Confidences.Low : Confidences.Medium;
        var frame = new Segment(sentence.Start + m.Index, sentence.Start + m.Index + m.Length);
        context.Add(new Draft(sentence, QuoteKinds.Reported, speaker, "news.according-to", confidence, frame));
        return speaker;
    }

    // "…, according to Foreign Minister Elena Sorel, who spoke to Valdorian radio on Sunday.": the clause about the
    // source belongs to the frame, where it may date the saying. A courtesy title's full stop ("according to Ms. Holm.")
    // does not end the name.
    [GeneratedRegex(@"\b[Aa]ccording to (?<who>(?:(?<=\b(?:Mr|Ms|Mrs|Dr|Prof))\.|[^,.;:“”""]){2,80})(?:,\s+who\s+[^,;:“”""]{1,100})?")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^(?:the |a |an )?(?:\w+ )?(?:report|reports|data|figures|statistics|survey|study|document|website|statement|estimates?|plan|schedule|rules?|law|agreement)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Documents();
}
