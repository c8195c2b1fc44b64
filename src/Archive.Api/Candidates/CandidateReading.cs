using Archive.Extraction;
using Archive.Store.Candidates;

namespace Archive.Api.Candidates;

/// <summary>A candidate as the API shows it: its stable index in the source's full list, and the statement recorded over it, if any.</summary>
public sealed record CandidateItem(
    int Index, CandidateSpan Span, string Quote, string QuoteKind, CandidateSpeaker Speaker, IReadOnlyList<string> CoSpeakers,
    DateOnly? SaidOn, string? SaidOnCue, IReadOnlyList<string> Topics, string Rule, string Confidence, string? RecordedStatementId);

public sealed record CandidateSpan(int? Start, int? End);

/// <summary>The candidates of one source and the rules' version that proposed them.</summary>
public sealed record CandidateList(string ExtractorVersion, IReadOnlyList<CandidateItem> Items);

/// <summary>Runs the extractor over a source as the archive holds it now: the same text and archive state give the same list.</summary>
public static class CandidateReading
{
    /// <summary>Every candidate, in the extractor's order; <see cref="CandidateItem.Index"/> is the position in this full list.</summary>
    public static IReadOnlyList<CandidateItem> All(CandidateMaterial material) =>
        Extractor.Extract(InputOf(material)).Select((c, i) => new CandidateItem(
            i, new CandidateSpan(c.Span.Start, c.Span.End), c.Quote, c.QuoteKind, c.Speaker, c.CoSpeakers, c.SaidOn, c.SaidOnCue,
            c.Topics, c.Rule, c.Confidence, c.RecordedStatementId)).ToArray();

    public static ExtractionInput InputOf(CandidateMaterial material)
    {
        var source = material.Source;
        return new ExtractionInput(
            source.Text,
            source.PublishedOn,
            source.Language ?? "en",
            material.Actors.Select(a => new KnownActor(a.Id, a.Name, a.Aliases,
                a.Roles.Select(r => new KnownRole(r.Role, r.Organisation, r.From, r.To)).ToArray(), a.Country,
                a.Kind == "organisation" ? "organisation" : "person")).ToArray(),
            material.Topics.Select(t => new KnownTopic(t.Id, t.Title, [], t.ParentId, t.FiledQuotes)).ToArray(),
            material.Recorded.Select(r => new RecordedStatement(r.Id, new CodePointSpan(r.Span.Start, r.Span.End), r.ActorId)).ToArray(),
            source.Title);
    }
}
