using Archive.Api.Reads;
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

/// <summary>Writes on statements: each is routed to the grain of the statement's speaker.</summary>
public static class StatementsApi
{
    public static IEndpointRouteBuilder MapStatementsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/statements").WithTags("Statements");
        group.MapPost("/", Record).WithName("RecordStatement")
            .WithSummary("Record a statement from a source (idempotent); without a span, the quote is found in the source")
            .ProducesProblems(400, 404, 409, 503).ForArchivists()
            .WithBodyExample(new
            {
                actorId = "lin-jian", sourceId = "src-0123456789abcdef0123", quote = "“The corridor – our 🙂 project – will grow.”",
                quoteKind = "direct", saidOn = "2025-03-03", occasion = "regular press conference", topics = new[] { "cpec" }, language = "en",
            });
        group.MapPost("/{id}/verify", Verify).WithName("VerifyStatement").WithSummary("Verify a statement").ProducesProblems(400, 404, 409).ForArchivists()
            .WithBodyExample(new { method = "transcript", note = "checked against the ministry's transcript" });
        group.MapPost("/{id}/amend", Amend).WithName("AmendStatement")
            .WithSummary("Amend the fields of a statement that change, with a reason; a new quote without a span is found in the source")
            .ProducesProblems(400, 404, 409, 503).ForArchivists()
            .WithBodyExample(new { reason = "the quote ends one sentence later", quote = "The corridor – our 🙂 project – will grow. It is open to all." });
        group.MapPost("/{id}/dispute", Dispute).WithName("DisputeStatement").WithSummary("Dispute a statement, with a reason").ProducesProblems(400, 404, 409).ForArchivists()
            .WithBodyExample(new { reason = "the interpreter's wording differs from the original" });
        group.MapPost("/{id}/retract", Retract).WithName("RetractStatement").WithSummary("Retract a statement, with a reason").ProducesProblems(400, 404, 409).ForArchivists()
            .WithBodyExample(new { reason = "misattributed: the deputy spokesperson said it" });
        group.MapPost("/{id}/reinstate", Reinstate).WithName("ReinstateStatement")
            .WithSummary("Take a retracted statement back, with a reason: it returns to its status before the retraction and can be amended again")
            .ProducesProblems(400, 404, 409).ForArchivists()
            .WithBodyExample(new { reason = "the attribution was right after all" });
        group.MapStatementLinksApi();
        group.MapGet("/{id}", Get).WithName("GetStatement").WithSummary("Get a statement (ETag, If-None-Match)").ProducesProblems(400, 404, 503).ForReaders()
            .WithTimeTravelForAuditors("asOf", "version").ReadsFrom("statements", "statement-revisions", "sources", "actors")
            .AddEndpointFilter<Export.StatementJsonLdFilter>();
        group.MapGet("/", StatementListing.List).WithName("SearchStatements").WithSummary("Search and filter statements").ProducesProblems(400, 404, 503).ForReaders()
            .WithTimeTravelForAuditors("asOf").ReadsFrom("statements", "statement-revisions");
        return app;
    }

    private static async Task<Results<Created<StatementWritten>, Ok<StatementWritten>, ProblemHttpResult>> Record(
        RecordStatementRequest request, IGrainFactory grains, IQuerySession session, HttpContext http)
    {
        var (command, errors) = RecordRequests.ToCommand(request, http.CommandContext());
        if (command is null) return Problems.From(errors);
        var result = await grains.GetGrain<IActorGrain>(command.ActorId).RecordStatement(command, http.WriteContext());
        if (!result.Succeeded) return Problems.From(result.Errors);
        if (await Written(result, session, http) is not { } written) return Unreadable(http, result.Id!);
        return result.Appended ? TypedResults.Created($"/api/statements/{written.Id}", written) : TypedResults.Ok(written);
    }

    private static Task<Results<Ok<WriteResponse>, ProblemHttpResult>> Verify(
        string id, VerifyStatementRequest request, IGrainFactory grains, IQuerySession session, HttpContext http) =>
        OnSpeaker(id, grains, session, http, (actor, ctx) => actor.VerifyStatement(new VerifyStatement(id, request.Method!, request.Note), ctx));

    private static async Task<Results<Ok<StatementWritten>, ProblemHttpResult>> Amend(
        string id, AmendStatementRequest request, IGrainFactory grains, IQuerySession session, HttpContext http)
    {
        var errors = new List<DomainError>();
        var span = RecordRequests.ToSpan(request.Span, errors);
        if (errors.Count > 0) return Problems.From(errors);
        var statement = StatementIds.IsWellFormed(id) ? await session.LoadAsync<StatementView>(id, http.RequestAborted) : null;
        if (statement is null) return Problems.NotFound("id", $"statement '{id}' is not recorded");
        var changes = new StatementChanges(request.Quote, span, request.SaidOn, request.Occasion, request.QuoteKind, request.Language);
        var result = await grains.GetGrain<IActorGrain>(statement.ActorId).AmendStatement(new AmendStatement(id, request.Reason!, changes), http.WriteContext());
        if (!result.Succeeded) return Problems.From(result.Errors);
        return await Written(result, session, http) is { } written ? TypedResults.Ok(written) : Unreadable(http, id);
    }

    private static Task<Results<Ok<WriteResponse>, ProblemHttpResult>> Dispute(
        string id, ReasonRequest request, IGrainFactory grains, IQuerySession session, HttpContext http) =>
        OnSpeaker(id, grains, session, http, (actor, ctx) => actor.DisputeStatement(new DisputeStatement(id, request.Reason!), ctx));

    private static Task<Results<Ok<WriteResponse>, ProblemHttpResult>> Retract(
        string id, ReasonRequest request, IGrainFactory grains, IQuerySession session, HttpContext http) =>
        OnSpeaker(id, grains, session, http, (actor, ctx) => actor.RetractStatement(new RetractStatement(id, request.Reason!), ctx));

    private static Task<Results<Ok<WriteResponse>, ProblemHttpResult>> Reinstate(
        string id, ReasonRequest request, IGrainFactory grains, IQuerySession session, HttpContext http) =>
        OnSpeaker(id, grains, session, http, (actor, ctx) => actor.ReinstateStatement(new ReinstateStatement(id, request.Reason!), ctx));

    /// <summary>The write with where the statement now stands in its source: its view is committed with the write.</summary>
    private static async Task<StatementWritten?> Written(WriteResult result, IQuerySession session, HttpContext http) =>
        await session.LoadAsync<StatementView>(result.Id!, http.RequestAborted) is { } view
            ? new StatementWritten(result.Id!, result.Version, result.Position, view.Span, view.Quote)
            : null;

    // Not expected (the view commits with the write); a retry is safe and answers 200 with the span.
    private static ProblemHttpResult Unreadable(HttpContext http, string id)
    {
        http.Response.Headers.RetryAfter = "1";
        return Problems.Unavailable("The statement was written but its view could not be read.", "statements",
            $"statement '{id}' is not in the statements read model yet; retry the request (writes are idempotent)");
    }

    /// <summary>The current view, with an ETag that changes whenever the view does; If-None-Match answers 304.</summary>
    private static async Task<Results<Ok<StatementView>, StatusCodeHttpResult, ProblemHttpResult>> Get(
        string id, NpgsqlDataSource database, ArchiveSettings settings, HttpContext http, CancellationToken ct,
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
            // Transaction time: the statement as the archive held it then. Only this path opens a document session.
            var session = http.RequestServices.GetRequiredService<IQuerySession>();
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
    internal static async Task<Results<Ok<WriteResponse>, ProblemHttpResult>> OnSpeaker(
        string id, IGrainFactory grains, IQuerySession session, HttpContext http, Func<IActorGrain, WriteContext, Task<WriteResult>> write)
    {
        var statement = StatementIds.IsWellFormed(id) ? await session.LoadAsync<StatementView>(id, http.RequestAborted) : null;
        if (statement is null) return Problems.NotFound("id", $"statement '{id}' is not recorded");
        return Problems.Applied(await write(grains.GetGrain<IActorGrain>(statement.ActorId), http.WriteContext()));
    }
}
