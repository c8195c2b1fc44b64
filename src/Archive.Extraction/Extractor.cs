using Archive.Extraction.Dates;
using Archive.Extraction.Readers;
using Archive.Extraction.Readers.Authored;
using Archive.Extraction.Readers.Joint;
using Archive.Extraction.Readers.News;
using Archive.Extraction.Readers.QandA;
using Archive.Extraction.Shapes;
using Archive.Extraction.Speakers;
using Archive.Extraction.Text;
using Archive.Extraction.Topics;

namespace Archive.Extraction;

/// <summary>
/// Proposes the statements in a source. Pure and deterministic: the same text and archive state give the same
/// candidates, ordered by span start, then end.
/// </summary>
public static class Extractor
{
    /// <summary>The rules' version, stored with what an archivist records from a candidate.</summary>
    public const string Version = "rules-13";

    /// <summary>Reads the source and returns its candidate statements.</summary>
    public static IReadOnlyList<Candidate> Extract(ExtractionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var document = new Document(input.Text);
        if (document.Paragraphs.Count == 0) return [];
        var index = new ActorIndex(input.Actors);
        var tracker = new SpeakerTracker(index, Parties.Of(index, input.Text), Abbreviations.Of(input.Text), input.Text);
        var header = SaidOnResolver.HeaderSegment(input.Text);
        var authorMention = AuthoredReader.AuthorMention(input.Title, document);
        // A transcript's labels and turns are found once: for its shape, its header's date and its reader.
        var labels = Turns.RecurringLabels(document);
        var shape = ShapeDetector.Detect(document, labels, input.Title, authorMention is not null);
        var (turnHeader, turns) = shape == SourceShape.QandA ? Turns.Parse(document, labels) : ([], []);
        var documentDate = SaidOnResolver.DocumentDate(document, shape, turnHeader, input.PublishedOn);
        // A report counts its weekday words back from its dateline's day when it has one, else from its publication.
        tracker.PluralMeansParties = shape == SourceShape.Joint;
        var dateline = shape == SourceShape.News ? Dateline(document, input.PublishedOn) : null;
        var context = new ReadingContext(document, tracker, dateline ?? input.PublishedOn ?? documentDate?.Date, tracker.Parties);
        string? authorId = null;
        switch (shape)
        {
            case SourceShape.QandA:
                QandAReader.Read(context, turnHeader, turns);
                break;
            case SourceShape.Authored:
                var author = context.Resolve(authorMention!) ?? Speaker.Unresolved(authorMention!, isPerson: true);
                authorId = author.ActorId;
                AuthoredReader.Read(context, author, header);
                break;
            case SourceShape.Joint:
                foreach (var paragraph in Relayed.Unwrap(input.Text, Body(document, header).ToList())) JointReader.Read(context, paragraph);
                break;
            default:
                foreach (var paragraph in Relayed.Unwrap(input.Text, Body(document, header).ToList())) NewsReader.Read(context, paragraph, jointDocument: false);
                break;
        }
        context.Drafts.Sort((a, b) => a.Range.Start != b.Range.Start ? a.Range.Start.CompareTo(b.Range.Start) : a.Range.End.CompareTo(b.Range.End));
        SaidOnResolver.Assign(context, shape, documentDate, authorId);
        return Finish(context, input, shape);
    }

    private static DateOnly? Dateline(Document document, DateOnly? publishedOn) =>
        document.Paragraphs.Take(3).Select(p => ShapeDetector.DatelineDate(document.Slice(p), publishedOn)).FirstOrDefault(d => d is not null);

    // Headlines and subheadings are no one's words.
    private static IEnumerable<Segment> Body(Document document, Segment? header) =>
        document.Paragraphs.Select(p => WithoutHeader(p, header, document.Text)).Where(p => p.Length > 0 && (!Document.IsHeading(document.Text, p) || Declaration.IsPreamble(document.Text, p)));

    private static Segment WithoutHeader(Segment paragraph, Segment? header, string text)
    {
        if (header is { } h && paragraph.Start < h.End && paragraph.End > h.End) paragraph = Document.Trim(text, h.End, paragraph.End);
        var dateline = ShapeDetector.DatelineLength(text[paragraph.Start..paragraph.End]);
        return dateline > 0 ? Document.Trim(text, paragraph.Start + dateline, paragraph.End) : paragraph;
    }

    private static List<Candidate> Finish(ReadingContext context, ExtractionInput input, SourceShape shape)
    {
        var topics = new TopicMatcher(input.Topics);
        var document = context.Document;
        var candidates = new List<Candidate>();
        var seen = new HashSet<(int, int, string?)>();
        foreach (var draft in context.Drafts)
        {
            if (draft.Range.Length == 0 || !seen.Add((draft.Range.Start, draft.Range.End, draft.Speaker.ActorId))) continue;
            var span = new CodePointSpan(document.CodePoint(draft.Range.Start), document.CodePoint(draft.Range.End));
            var quote = document.Slice(draft.Range);
            var recorded = input.Recorded
                .Where(r => Overlap(span, r.Span) * 2 >= Math.Min(span.End - span.Start, r.Span.End - r.Span.Start))
                .OrderBy(r => r.Span.Start).ThenBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault();
            candidates.Add(new Candidate(span, quote, draft.Kind,
                new CandidateSpeaker(draft.Speaker.ActorId, draft.Speaker.Mention.Trim()),
                draft.Speaker.CoSpeakers, draft.SaidOn, draft.SaidOnCue, topics.Match(quote),
                $"{ShapeName(shape)}:{draft.Rule}", draft.Confidence, recorded?.Id));
        }
        return candidates;
    }

    private static string ShapeName(SourceShape shape) => shape switch
    {
        SourceShape.QandA => "qa",
        SourceShape.Joint => "joint",
        SourceShape.Authored => "authored",
        _ => "news",
    };

    private static int Overlap(CodePointSpan a, CodePointSpan b) => Math.Max(0, Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start));
}
