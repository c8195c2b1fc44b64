using System.Text.RegularExpressions;
using Archive.Extraction.Speakers;
using Archive.Extraction.Text;

namespace Archive.Extraction.Readers.QandA;

/// <summary>
/// An answer that reads out someone else's words: "Let me also recall what the fisheries minister said last week. I
/// quote: “…”" or "Let me read you what the ministry said in its statement of 27 November: “…”". The quotation is the
/// named speaker's, dated by the lead-in's words; the lead-in itself says nothing of record.
/// </summary>
internal static partial class QuotedLeadIn
{
    public static Speaker? Speaker(ReadingContext context, Segment sentence)
    {
        var m = LeadIn().Match(context.Text, sentence.Start, sentence.Length);
        if (!m.Success) return null;
        var who = m.Groups["who"];
        var speaker = context.Resolve(who.Value, new Segment(who.Index, sentence.End));
        // "Let me read out what she said" is never the answerer's own words: a pronoun that finds only them finds no one.
        var pronoun = MentionKinds.Classify(who.Value) == MentionKind.PersonPronoun;
        return speaker is { IsJoint: false } && MentionKinds.Classify(who.Value) is not (MentionKind.FirstPerson or MentionKind.Generic)
            && !(pronoun && context.Tracker.FirstPerson is { } self && speaker.SameAs(self)) ? speaker : null;
    }

    /// <summary>The first quotation in the sentence, its marks left out of the span.</summary>
    public static QuoteRegion? Quotation(string text, Segment sentence, IReadOnlyList<QuoteRegion> quotes) =>
        quotes.FirstOrDefault(q => sentence.Contains(q.Outer.Start) && q.Content.Length > 0);

    /// <summary>"I quote: “…”" or the quotation alone: nothing but the quotation and words announcing it.</summary>
    public static bool OnlyQuotes(string text, Segment sentence, QuoteRegion quote) =>
        Announce().IsMatch(text[sentence.Start..quote.Outer.Start]) && text[quote.Outer.End..sentence.End].Trim().Length <= 1;

    public static Draft Draft(Speaker speaker, QuoteRegion quote, Segment window) =>
        new(quote.Content, QuoteKinds.Direct, speaker, "qa.answer.quoted", speaker.ActorId is null ? Confidences.Low : Confidences.Medium, window);

    [GeneratedRegex(@"\G(?:Let me (?:also )?(?:recall|read(?: out)?(?: you)?(?: out)?|quote|cite|remind you of)|I (?:will|would like to|want to|can) (?:also )?(?:recall|read(?: out)?(?: you)?(?: out)?|quote|cite)|(?:And )?(?:recall|read|remember) (?:again )?|Here(?:'s|’s| is)) what (?<who>[^,.:;]{2,80}?) (?:said|wrote|stated|declared|told [^ ]+)\b")]
    private static partial Regex LeadIn();

    [GeneratedRegex(@"^\s*(?:(?:I quote|Quote|And I quote|In (?:its|his|her|their) words)\s*[:,]?\s*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Announce();
}
