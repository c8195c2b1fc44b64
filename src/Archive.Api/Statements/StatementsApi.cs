using Archive.Store;
using Archive.Api.Http;
using Archive.Api.Security;
using Archive.Domain.Common;
using Archive.Domain.Statements;
using Archive.Grains.Interfaces;
using Archive.Store.Statements;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Archive.Api.Statements;

public sealed record SpanRequest(int? Start, int? End);

public sealed record RecordStatementRequest(
    string? ActorId, string? SourceId, string? Quote, SpanRequest? Span, string? QuoteKind, DateOnly? SaidOn,
    string? Occasion, List<string>? Topics, string? Language, List<string>? CoSpeakers);

public sealed record VerifyStatementRequest(string? Method, string? Note);

public sealed record AmendStatementRequest(
    string? Reason, string? Quote, SpanRequest? Span, DateOnly? SaidOn, string? Occasion, string? QuoteKind, string? Language);

public sealed record ReasonRequest(string? Reason);

public sealed record LinkStatementRequest(string? TargetId, string? Relation);

/// <summary>Writes on statements: each is routed to the grain of the statement's speaker.</summary>
public static class StatementsApi
{
    public static IEndpointRouteBuilder MapStatementsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/statements").WithTags("Statements");
        group.MapPost("/", Record).WithName("RecordStatement").WithSummary("Record a statement from a source (idempotent)").ProducesProblems(400, 404, 409).ForArchivists();
        group.MapPost("/{id}/verify", Verify).WithName("VerifyStatement").WithSummary("Verify a statement").ProducesProblems(400, 404, 409).ForArchivists();
        group.MapPost("/{id}/amend", Amend).WithName("AmendStatement").WithSummary("Amend the fields of a statement that change, with a reason").ProducesProblems(400, 404, 409).ForArchivists();
        group.MapPost("/{id}/dispute", Dispute).WithName("DisputeStatement").WithSummary("Dispute a statement, with a reason").ProducesProblems(400, 404, 409).ForArchivists();
        group.MapPost("/{id}/retract", Retract).WithName("RetractStatement").WithSummary("Retract a statement, with a reason").ProducesProblems(400, 404, 409).ForArchivists();
        group.MapPost("/{id}/links", Link).WithName("LinkStatement").WithSummary("Link a statement to another one").ProducesProblems(400, 404, 409).ForArchivists();
        group.MapGet("/{id}", Get).WithName("GetStatement").WithSummary("Get a statement (ETag, If-None-Match)").ProducesProblems(400, 404, 503).ForReaders().WithTimeTravelForAuditors("asOf", "version").AddEndpointFilter<Reads.ReadYourWrites>();
        group.MapGet("/", StatementListing.List).WithName("SearchStatements").WithSummary("Search and filter statements").ProducesProblems(400, 404, 503).ForReaders().WithTimeTravelForAuditors("asOf").AddEndpointFilter<Reads.ReadYourWrites>();
        return app;
    }

    private static async Task<Results<Created<WriteResponse>, Ok<WriteResponse>, ProblemHttpResult>> Record(
        RecordStatementRequest request, IGrainFactory grains, HttpContext http)
    {
        var errors = new List<DomainError>();
        Checks.Slug(errors, "actorId", request.ActorId);
        if (request.SourceId is null) errors.Add(DomainError.Invalid("sourceId", "is required"));
        var span = ToSpan(request.Span, errors, required: true);
        if (errors.Count > 0) return Problems.From(errors);

        var command = new RecordStatement(request.ActorId!, request.SourceId!, request.Quote!, span!, request.QuoteKind!,
            request.SaidOn, request.Occasion, request.Topics, request.Language, request.CoSpeakers);
        var result = await grains.GetGrain<IActorGrain>(command.ActorId).RecordStatement(command, http.WriteContext());
        return Problems.Written(result, $"/api/statements/{command.StatementId}");
    }

    private static Task<Results<Ok<WriteResponse>, ProblemHttpResult>> Verify(
        string id, VerifyStatementRequest request, IGrainFactory grains, IQuerySession session, HttpContext http) =>
        OnSpeaker(id, grains, session, http, (actor, ctx) => actor.VerifyStatement(new VerifyStatement(id, request.Method!, request.Note), ctx));

    private static Task<Results<Ok<WriteResponse>, ProblemHttpResult>> Amend(
        string id, AmendStatementRequest request, IGrainFactory grains, IQuerySession session, HttpContext http)
    {
        var errors = new List<DomainError>();
        var span = ToSpan(request.Span, errors, required: false);
        if (errors.Count > 0) return Task.FromResult<Results<Ok<WriteResponse>, ProblemHttpResult>>(Problems.From(errors));
        var changes = new StatementChanges(request.Quote, span, request.SaidOn, request.Occasion, request.QuoteKind, request.Language);
        return OnSpeaker(id, grains, session, http, (actor, ctx) => actor.AmendStatement(new AmendStatement(id, request.Reason!, changes), ctx));
    }

    private static Task<Results<Ok<WriteResponse>, ProblemHttpResult>> Dispute(
        string id, ReasonRequest request, IGrainFactory grains, IQuerySession session, HttpContext http) =>
        OnSpeaker(id, grains, session, http, (actor, ctx) => actor.DisputeStatement(new DisputeStatement(id, request.Reason!), ctx));

    private static Task<Results<Ok<WriteResponse>, ProblemHttpResult>> Retract(
        string id, ReasonRequest request, IGrainFactory grains, IQuerySession session, HttpContext http) =>
        OnSpeaker(id, grains, session, http, (actor, ctx) => actor.RetractStatement(new RetractStatement(id, request.Reason!), ctx));

    private static async Task<Results<Ok<WriteResponse>, ProblemHttpResult>> Link(
        string id, LinkStatementRequest request, IGrainFactory grains, IQuerySession session, HttpContext http)
    {
        var target = StatementIds.IsWellFormed(request.TargetId)
            ? await session.LoadAsync<StatementView>(request.TargetId!, http.RequestAborted)
            : null;
        return await OnSpeaker(id, grains, session, http, (actor, ctx) =>
            actor.LinkStatement(new LinkStatement(id, request.TargetId!, request.Relation!), target?.ActorId ?? "", ctx));
    }

    /// <summary>The current view, with an ETag that changes whenever the view does; If-None-Match answers 304.</summary>
    private static async Task<Results<Ok<StatementView>, StatusCodeHttpResult, ProblemHttpResult>> Get(
        string id, IQuerySession session, NpgsqlDataSource database, ArchiveSettings settings, HttpContext http, CancellationToken ct,
        DateTimeOffset? asOf = null, int? version = null)
    {
        if (asOf is not null && version is not null) return Problems.Invalid("asOf", "give asOf or version, not both");
        if (version is < 1) return Problems.Invalid("version", "must be a revision number, starting at 1");
        StatementView? statement;
        if (asOf is null && version is null)
        {
            // One round trip for the view and its source's description.
            statement = StatementIds.IsWellFormed(id) ? await StatementReads.CurrentWithSource(database, settings.Schema, id, ct) : null;
        }
        else
        {
            // Transaction time: the statement as the archive held it then.
            var log = StatementIds.IsWellFormed(id) ? await session.LoadAsync<StatementRevisions>(id, ct) : null;
            statement = asOf is { } instant
                ? StatementTimeTravel.AsOf(log, instant)
                : StatementTimeTravel.AtRevision(log, version!.Value);
            if (statement is not null && version is { } wanted && statement.Revision < wanted)
                return Problems.NotFound("version", $"statement '{id}' has {statement.Revision} revisions");
            if (statement is not null) await StatementReads.Describe(database, settings.Schema, statement, ct);
        }
        if (statement is null)
            return Problems.NotFound("id", asOf is null ? $"statement '{id}' is not recorded" : $"statement '{id}' was not recorded as of {asOf:O}");
        var tag = ETag(statement);
        http.Response.Headers.ETag = tag;
        if (http.Request.Headers.IfNoneMatch.Any(v => v == tag || v == "*")) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Ok(statement);
    }

    // The revision counts the statement's own changes; filings, incoming links and source corrections change it too.
    private static string ETag(StatementView view)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(view));
        return $"\"r{view.Revision}-{Convert.ToHexStringLower(hash)[..12]}\"";
    }

    /// <summary>Finds the statement's speaker (the inline view is committed with the statement) and asks its grain.</summary>
    private static async Task<Results<Ok<WriteResponse>, ProblemHttpResult>> OnSpeaker(
        string id, IGrainFactory grains, IQuerySession session, HttpContext http, Func<IActorGrain, WriteContext, Task<WriteResult>> write)
    {
        var statement = StatementIds.IsWellFormed(id) ? await session.LoadAsync<StatementView>(id, http.RequestAborted) : null;
        if (statement is null) return Problems.NotFound("id", $"statement '{id}' is not recorded");
        var result = await write(grains.GetGrain<IActorGrain>(statement.ActorId), http.WriteContext());
        return result.Succeeded ? TypedResults.Ok(new WriteResponse(result.Id!, result.Version, result.Position)) : Problems.From(result.Errors);
    }

    private static TextSpan? ToSpan(SpanRequest? span, List<DomainError> errors, bool required)
    {
        if (span is null)
        {
            if (required) errors.Add(DomainError.Invalid("span", "is required"));
            return null;
        }
        if (span.Start is null) errors.Add(DomainError.Invalid("span.start", "is required"));
        if (span.End is null) errors.Add(DomainError.Invalid("span.end", "is required"));
        return span is { Start: { } start, End: { } end } ? new TextSpan(start, end) : null;
    }
}
