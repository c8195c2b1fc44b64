using Archive.Api.Http;
using Archive.Api.Reads;
using Archive.Api.Security;
using Archive.Extraction;
using Archive.Grains.Interfaces;
using Archive.Store;
using Archive.Store.Candidates;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Archive.Api.Candidates;

/// <summary>
/// The extractor's candidate statements of a source, and accepting one: it is recorded through the normal write path
/// (the speaker's grain decides, the span is checked) with the candidate's rule and the extractor's version in the
/// metadata of its events.
/// </summary>
public static class CandidatesApi
{
    public const string Recorded = "recorded";

    public static IEndpointRouteBuilder MapCandidatesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sources/{id}/candidates").WithTags("Candidates");
        group.MapGet("/", List).WithName("ListCandidates")
            .WithSummary("The extractor's candidate statements in a source; include=recorded also lists those already recorded, marked")
            .ProducesProblems(400, 404, 503).ForReaders().ReadsFrom("sources", "actors", "topics", "statements");
        group.MapPost("/accept", Accept).WithName("AcceptCandidate")
            .WithSummary("Record a candidate (chosen by index or span, with any field edited) as a statement (idempotent)")
            .ProducesProblems(400, 404, 409).ForArchivists()
            .WithBodyExample(new { index = 3, saidOn = "2026-01-04", occasion = "Regular press conference" });
        return app;
    }

    private static async Task<Results<Ok<CandidateList>, ProblemHttpResult>> List(
        string id, NpgsqlDataSource database, ArchiveSettings settings, CancellationToken ct, string? include = null)
    {
        if (include is not (null or Recorded)) return Problems.Invalid("include", $"must be '{Recorded}' or left out");
        var material = await Material(id, database, settings, ct);
        if (material is null) return Problems.NotFound("id", $"source '{id}' is not registered");
        var items = CandidateReading.All(material);
        return TypedResults.Ok(new CandidateList(Extractor.Version,
            include == Recorded ? items : items.Where(c => c.RecordedStatementId is null).ToArray()));
    }

    private static async Task<Results<Created<WriteResponse>, Ok<WriteResponse>, ProblemHttpResult>> Accept(
        string id, AcceptCandidateRequest request, NpgsqlDataSource database, ArchiveSettings settings, IGrainFactory grains, HttpContext http)
    {
        if (CandidateAcceptance.SelectionProblem(request) is { } problem) return Problems.From(problem);
        var material = await Material(id, database, settings, http.RequestAborted);
        if (material is null) return Problems.NotFound("id", $"source '{id}' is not registered");
        var candidates = CandidateReading.All(material);
        var chosen = CandidateAcceptance.Choose(candidates, request, out var notFound);
        if (chosen is null) return Problems.From(notFound!);
        var recording = CandidateAcceptance.Recording(id, material.Source.Language, chosen, request, out var refused);
        if (recording is null) return Problems.From(refused!);

        var context = http.WriteContext() with { Headers = CandidateAcceptance.Headers(chosen, request) };
        var result = await grains.GetGrain<IActorGrain>(recording.ActorId).RecordStatement(recording, context);
        return Problems.Written(result, $"/api/statements/{result.Id ?? recording.StatementId}");
    }

    private static Task<CandidateMaterial?> Material(string id, NpgsqlDataSource database, ArchiveSettings settings, CancellationToken ct) =>
        id.StartsWith("src-", StringComparison.Ordinal) && id.Length <= 64
            ? CandidateMaterials.For(database, settings.Schema, id, ct)
            : Task.FromResult<CandidateMaterial?>(null);
}
