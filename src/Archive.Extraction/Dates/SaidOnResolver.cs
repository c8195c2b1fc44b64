using System.Text.RegularExpressions;
using Archive.Extraction.Readers;
using Archive.Extraction.Shapes;
using Archive.Extraction.Text;

namespace Archive.Extraction.Dates;

/// <summary>
/// When each statement was said. A date in the words around the speech verb ("Jiang Zaidong Monday said") wins, and
/// a vague one ("said last week") leaves the day to the archivist; a transcript's header dates all its turns (not what
/// an answer reports others to have said); a joint statement's meeting date dates its agreements; in a report a
/// speaker keeps the occasion first given for them (by a saying or by the narrative: "Stan struck a conciliatory tone
/// on Tuesday"), other speakers the report's opening occasion, else the publication date.
/// </summary>
internal static partial class SaidOnResolver
{
    public static void Assign(ReadingContext context, SourceShape shape, (DateOnly Date, string Cue)? documentDate, string? author)
    {
        var text = context.Text;
        var occasion = new Dictionary<string, (DateOnly, string)>(StringComparer.Ordinal);
        (DateOnly, string)? lede = null;
        var drafts = context.Drafts;
        var narrative = context.Occasions.OrderBy(o => o.Position).ToList();
        var next = 0;
        var opening = shape == SourceShape.News ? Opening(context) : null;
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            for (; next < narrative.Count && narrative[next].Position < draft.Range.Start; next++)
                occasion[narrative[next].ActorId] = (narrative[next].Date, narrative[next].Cue);
            var key = draft.Speaker.ActorId ?? draft.Speaker.Mention;
            var found = draft.Frame is { } frame
                ? DateCues.Find(text[frame.Start..frame.End], context.Reference).FirstOrDefault(c => c.Date is not null || c.Vague)
                : null;
            (DateOnly, string)? cue = found?.Date is { } d ? (d, found.Words) : null;
            var reportedInAnswer = shape == SourceShape.QandA && draft.Rule != "qa.answer";
            (DateOnly, string)? chosen = shape switch
            {
                _ when found is { Vague: true } => cue,
                _ when reportedInAnswer => cue ?? (draft.Speaker.ActorId is { } id && context.AskedAbout.TryGetValue(id, out var asked) ? asked : null),
                SourceShape.QandA => documentDate ?? FromReference(context),
                SourceShape.Authored when draft.Speaker.ActorId is not null && draft.Speaker.ActorId == author => documentDate ?? FromReference(context),
                SourceShape.Authored => cue,
                SourceShape.Joint => cue ?? documentDate ?? FromReference(context),
                _ => cue ?? (occasion.TryGetValue(key, out var known) ? known : lede ?? opening ?? FromReference(context)),
            };
            // Only the report's opening statement dates the occasion for speakers the report gives no date of their own.
            if (cue is { } c) { occasion[key] = c; if (i == 0) lede = c; }
            drafts[i] = draft with { SaidOn = chosen?.Item1, SaidOnCue = chosen?.Item2 ?? (found is { Vague: true } ? found.Words : null) };
        }
    }

    /// <summary>
    /// The day a report's opening paragraph gives its events ("The crossing reopened on Wednesday, …"): the occasion
    /// of speakers the report never dates, when no statement opens the report with a day. Only the narrative counts
    /// (a date inside a statement is what was said), and only a day of the report's last week: an older one is
    /// background, a later one a plan.
    /// </summary>
    private static (DateOnly, string)? Opening(ReadingContext context)
    {
        var document = context.Document;
        // A masthead, section line, headline, byline and time stamp may all stand above the opening paragraph.
        foreach (var paragraph in document.Paragraphs.Take(6))
        {
            if (Document.IsHeading(document.Text, paragraph) || BylineOrStamp().IsMatch(document.Slice(paragraph))) continue;
            var cue = DateCues.Find(document.Slice(paragraph), context.Reference).FirstOrDefault(c =>
                c.Date is { } d && !c.Vague && !context.Drafts.Any(x => x.Range.Contains(paragraph.Start + c.Index))
                && (context.Reference is not { } r || (d <= r && d.DayNumber >= r.DayNumber - 7)));
            return cue?.Date is { } date ? (date, cue.Words) : null;
        }
        return null;
    }

    private static (DateOnly, string)? FromReference(ReadingContext context) =>
        context.Reference is { } r ? (r, "publication date") : null;

    /// <summary>The date a document states for itself: a "date …" header, a transcript's header, a joint statement's meeting day.</summary>
    public static (DateOnly Date, string Cue)? DocumentDate(Document document, SourceShape shape, IReadOnlyList<Segment> header, DateOnly? published = null)
    {
        var text = document.Text;
        var named = DateCues.NamedMonths(text);
        if (HeaderLine().Match(text) is { Success: true } h && DateCues.FirstFull(h.Value, named) is { Date: { } hd } hc) return (hd, hc.Words);
        if (shape == SourceShape.QandA)
        {
            var full = header.Select(p => DateCues.FirstFull(document.Slice(p), named)).FirstOrDefault(c => c is not null);
            // A published interview's header may date the publication while its introduction says when the talk
            // took place ("The interview was conducted on 2 December"); the talk's day is when the words were said.
            if (Occasion(document, header, full?.Date ?? published) is { } occasion) return occasion;
            if (full is { Date: { } qd }) return (qd, full.Words);
        }
        // The meeting's day is in the opening paragraph, which a title line may precede.
        if (shape == SourceShape.Joint)
            foreach (var paragraph in document.Paragraphs.Take(3))
            {
                var first = document.Slice(paragraph);
                var cues = DateCues.Find(first, null).Where(c => c.Date is not null).ToList();
                var meeting = cues.FirstOrDefault(c => c.Index >= 3 && first.Substring(c.Index - 3, 3) == "On ") ?? cues.FirstOrDefault();
                if (meeting?.Date is { } md) return (md, meeting.Words);
            }
        // A signed joint statement may be dated only where it closes: "Done at Halden on 1 December 2026, in two originals".
        if (shape == SourceShape.Joint && DoneAt().Match(text) is { Success: true } done && DateCues.FirstFull(done.Value) is { Date: { } dd } dc)
            return (dd, dc.Words);
        return null;
    }

    [GeneratedRegex(@"^(?:Done|Signed|Issued|Adopted) (?:at|in) [^\n]{1,120}", RegexOptions.Multiline)]
    private static partial Regex DoneAt();

    private static (DateOnly, string)? Occasion(Document document, IReadOnlyList<Segment> header, DateOnly? reference)
    {
        foreach (var paragraph in header)
            foreach (Match m in OccasionWords().Matches(document.Slice(paragraph)))
                if (DateCues.Find(m.Value, reference).FirstOrDefault(c => c.Date is not null && !c.Vague) is { Date: { } day } cue)
                    return (day, cue.Words);
        return null;
    }

    // "The interview was conducted in Ostmere on 2 December", "The briefing took place on Monday, 4 May 2026"; and
    // an interviewer's own "We met him on Tuesday in his office", "I spoke to Minister Brekke on 3 May".
    [GeneratedRegex(@"\b(?:interview|conversation|talk|briefing|press conference|meeting|discussion|remarks)\b[^.]{0,40}?\b(?:was|were) (?:conducted|held|recorded|given|made|delivered)\b[^.]{0,60}|\b(?:interview|conversation|briefing|press conference|meeting|discussion)\b[^.]{0,40}?\btook place\b[^.]{0,60}|(?-i:\b(?:We|I) (?:met|interviewed|visited|spoke (?:to|with)|talked (?:to|with)|sat down with) (?:him|her|them|\p{Lu}[\w'’-]+(?: \p{Lu}[\w'’-]+){0,3})\b[^.]{0,60})", RegexOptions.IgnoreCase)]
    private static partial Regex OccasionWords();

    /// <summary>The leading "date 2025-02-25" line some archived texts carry, which is not part of any statement.</summary>
    public static Segment? HeaderSegment(string text) =>
        HeaderLine().Match(text) is { Success: true } m ? new Segment(m.Index, m.Index + m.Length) : null;

    [GeneratedRegex(@"^\s*date\s+\d{4}-\d{2}-\d{2}\b", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderLine();

    // "By Mila Strand\nPosted Dec 6, 2026 12:35 AM", "Updated 14:02 GMT": who wrote the report and when it went up.
    [GeneratedRegex(@"^(?:By|Posted|Published|Updated|Last updated)\b")]
    private static partial Regex BylineOrStamp();
}
