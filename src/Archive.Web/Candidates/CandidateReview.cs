using Archive.Api.Candidates;
using Archive.Domain.Common;
using Archive.Grains.Interfaces;
using Archive.Store;
using Archive.Store.Candidates;
using Archive.Store.Sources;
using Archive.Web.Shell;
using Archive.Web.Sources;
using Archive.Web.Statements;
using Npgsql;

namespace Archive.Web.Candidates;

/// <summary>
/// The extractor's candidates beside a source's text, and reviewing one: the record form opens with the candidate's
/// fields, and recording goes through the API's accept path (<see cref="CandidateAcceptance"/>), so the statement's
/// events carry the candidate's rule, the rules' version and the fields the archivist changed.
/// </summary>
public static class CandidateReview
{
    /// <summary>Every candidate of the source (those already recorded too, each naming its statement), in the extractor's order.</summary>
    public static async Task<IReadOnlyList<CandidateItem>> Of(WorkspaceRequest request, string sourceId)
    {
        var material = await Material(request, sourceId);
        return material is null ? [] : CandidateReading.All(material);
    }

    /// <summary>A candidate's place in the text, laid among the statements' marks; its id cannot be a statement's.</summary>
    public static MarkedSpan Mark(CandidateItem candidate) =>
        new($"candidate-{candidate.Index}", candidate.Span.Start ?? 0, candidate.Span.End ?? 0, "candidate", candidate.Speaker.Mention, candidate.Index);

    /// <summary>The record form filled from the candidate <paramref name="index"/>, or null when the source has no such candidate.</summary>
    public static async Task<(RecordForm Form, CandidateItem Candidate)?> Prefill(WorkspaceRequest request, SourceView source, int index)
    {
        var candidate = (await Of(request, source.Id)).ElementAtOrDefault(index);
        if (candidate is not { Span: { Start: { } start, End: { } end } }) return null;
        // an undated candidate starts on the source's date, as the record form does; the archivist sees and may change it
        var form = new RecordForm(candidate.Quote, start, end, candidate.Speaker.ActorId ?? candidate.Speaker.Mention, candidate.QuoteKind,
            Dates.Iso(candidate.SaidOn ?? source.PublishedOn), null, candidate.Topics, candidate.CoSpeakers, index);
        return (form, candidate);
    }

    /// <summary>
    /// Records the candidate <paramref name="index"/> with the form's fields as the archivist left them. The candidate
    /// must still be the one the form was opened on (the same span): the list is computed from the archive as it is now.
    /// </summary>
    public static async Task<WriteResult> Record(
        WorkspaceRequest request, SourceView source, int index, RecordForm form, string actorId, DateOnly? saidOn, IReadOnlyList<string> coSpeakers)
    {
        var material = await Material(request, source.Id);
        var chosen = material is null ? null : CandidateReading.All(material).ElementAtOrDefault(index);
        if (material is null || chosen is null || chosen.Span.Start != form.Start || chosen.Span.End != form.End)
            return WriteResult.Refused([DomainError.Conflict("candidate",
                "the source's candidates changed since this form was opened; open the source again and review the candidate from there")]);
        var accept = new AcceptCandidateRequest(index, null, actorId, form.QuoteKind, saidOn, form.Occasion, [.. form.Topics], [.. coSpeakers], null);
        var recording = CandidateAcceptance.Recording(source.Id, material.Source.Language, chosen, accept, out var refused);
        if (recording is null) return WriteResult.Refused(refused!);
        var context = request.WriteContext() with { Headers = CandidateAcceptance.Headers(chosen, accept) };
        return await request.Service<IGrainFactory>().GetGrain<IActorGrain>(recording.ActorId).RecordStatement(recording, context);
    }

    private static Task<CandidateMaterial?> Material(WorkspaceRequest request, string sourceId) =>
        CandidateMaterials.For(request.Service<NpgsqlDataSource>(), request.Service<ArchiveSettings>().Schema, sourceId, request.Aborted);
}
