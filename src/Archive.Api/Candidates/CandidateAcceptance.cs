using Archive.Domain.Common;
using Archive.Domain.Statements;
using Archive.Extraction;

namespace Archive.Api.Candidates;

/// <summary>
/// Which candidate to accept (<see cref="Index"/> in the full list, or its <see cref="Span"/>), and the fields the
/// archivist edited before accepting; a field left out keeps the candidate's value.
/// </summary>
public sealed record AcceptCandidateRequest(
    int? Index, CandidateSpan? Span, string? ActorId, string? QuoteKind, DateOnly? SaidOn, string? Occasion,
    List<string>? Topics, List<string>? CoSpeakers, string? Language);

/// <summary>Turns an accepted candidate into the command the speaker's grain decides, and the metadata its events carry.</summary>
public static class CandidateAcceptance
{
    public const string RuleHeader = "candidate-rule";
    public const string VersionHeader = "extractor-version";
    public const string ConfidenceHeader = "candidate-confidence";
    public const string EditedHeader = "candidate-edited";

    public static IReadOnlyList<DomainError>? SelectionProblem(AcceptCandidateRequest request) =>
        (request.Index, request.Span) switch
        {
            (null, null) => [DomainError.Invalid("index", "give the candidate's index or its span")],
            (not null, not null) => [DomainError.Invalid("index", "give the candidate's index or its span, not both")],
            (< 0, _) => [DomainError.Invalid("index", "must not be negative")],
            (_, { Start: null } or { End: null }) => [DomainError.Invalid("span", "needs start and end")],
            _ => null,
        };

    /// <summary>The candidate at the index, or the one with exactly the span (the given speaker's, when several share it).</summary>
    public static CandidateItem? Choose(IReadOnlyList<CandidateItem> candidates, AcceptCandidateRequest request, out IReadOnlyList<DomainError>? notFound)
    {
        var chosen = request.Index is { } index
            ? candidates.ElementAtOrDefault(index)
            : candidates.Where(c => c.Span == request.Span).OrderBy(c => c.Speaker.ActorId == request.ActorId ? 0 : 1).FirstOrDefault();
        notFound = chosen is not null ? null
            : request.Index is not null
                ? [DomainError.NotFound("index", $"the source has {candidates.Count} candidates, numbered from 0")]
                : [DomainError.NotFound("span", $"no candidate has the span [{request.Span!.Start}, {request.Span.End})")];
        return chosen;
    }

    /// <summary>The record command: the candidate's quote and span, its fields unless edited; null (and why) without a speaker.</summary>
    public static RecordStatement? Recording(string sourceId, string? language, CandidateItem candidate, AcceptCandidateRequest request,
        out IReadOnlyList<DomainError>? refused)
    {
        refused = null;
        var actorId = request.ActorId ?? candidate.Speaker.ActorId;
        if (actorId is null)
        {
            refused = [DomainError.Invalid("actorId", $"the candidate's speaker '{candidate.Speaker.Mention}' is not an actor of the archive: give actorId")];
            return null;
        }
        var saidOn = request.SaidOn ?? candidate.SaidOn;
        if (saidOn is null)
        {
            refused = [DomainError.Invalid("saidOn", "the text does not date this candidate: give saidOn")];
            return null;
        }
        // The candidate's co-speakers never include the speaker the archivist chose instead.
        var coSpeakers = request.CoSpeakers ?? candidate.CoSpeakers.Where(a => a != actorId).ToList();
        return new RecordStatement(actorId, sourceId, candidate.Quote, new TextSpan(candidate.Span.Start!.Value, candidate.Span.End!.Value),
            request.QuoteKind ?? candidate.QuoteKind, saidOn, request.Occasion, request.Topics ?? candidate.Topics, request.Language ?? language,
            coSpeakers);
    }

    /// <summary>What auditors see on the events: the rule and the rules' version that proposed it, and which fields the archivist changed.</summary>
    public static IReadOnlyDictionary<string, string> Headers(CandidateItem candidate, AcceptCandidateRequest request)
    {
        var edited = new List<string>();
        if (request.ActorId is not null && request.ActorId != candidate.Speaker.ActorId) edited.Add("actorId");
        if (request.QuoteKind is not null && request.QuoteKind != candidate.QuoteKind) edited.Add("quoteKind");
        if (request.SaidOn is not null && request.SaidOn != candidate.SaidOn) edited.Add("saidOn");
        if (request.Occasion is not null) edited.Add("occasion");
        if (request.Topics is not null && !request.Topics.SequenceEqual(candidate.Topics)) edited.Add("topics");
        if (request.CoSpeakers is not null && !request.CoSpeakers.SequenceEqual(candidate.CoSpeakers)) edited.Add("coSpeakers");
        if (request.Language is not null) edited.Add("language");
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [RuleHeader] = candidate.Rule,
            [VersionHeader] = Extractor.Version,
            [ConfidenceHeader] = candidate.Confidence,
        };
        if (edited.Count > 0) headers[EditedHeader] = string.Join(',', edited);
        return headers;
    }
}
