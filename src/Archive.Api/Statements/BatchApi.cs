using Archive.Api.Security;
using Archive.Api.Http;
using Archive.Domain.Common;
using Archive.Domain.Statements;
using Archive.Grains.Interfaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Archive.Api.Statements;

public sealed record RecordStatementsRequest(List<RecordStatementRequest?>? Items);

/// <summary>The answer for one item: its HTTP status as if sent alone, and its id or its errors.</summary>
public sealed record BatchItemResult(int Index, int Status, string? Id, long? Version, long? Position, Dictionary<string, string[]>? Errors);

public sealed record RecordStatementsResponse(IReadOnlyList<BatchItemResult> Items);

/// <summary>
/// Records many statements in one request: items are grouped by speaker and each speaker's grain records its
/// items in one append, all speakers in parallel. Each item is answered on its own; a refused item does not stop
/// the others. Only an unreadable or out-of-bounds envelope refuses the whole request.
/// </summary>
public static class BatchApi
{
    public const int MaxItems = 1000;

    public static IEndpointRouteBuilder MapStatementBatchApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/statements/batch", Record).WithTags("Statements").WithName("RecordStatements")
            .WithSummary($"Record up to {MaxItems} statements; each item is answered with its own status").ProducesProblems(400).ForArchivists();
        return app;
    }

    private static async Task<Results<Ok<RecordStatementsResponse>, ProblemHttpResult>> Record(
        RecordStatementsRequest request, IGrainFactory grains, HttpContext http)
    {
        if (request.Items is not { } items) return Problems.Invalid("items", "is required");
        if (items.Count == 0) return Problems.Invalid("items", "must hold at least one statement");
        if (items.Count > MaxItems) return Problems.Invalid("items", $"must hold at most {MaxItems} statements, not {items.Count}");

        var answers = new BatchItemResult?[items.Count];
        var accepted = new List<(int Index, RecordStatement Command)>();
        for (var i = 0; i < items.Count; i++)
        {
            if (ToCommand(items[i]) is { } command) accepted.Add((i, command));
            else answers[i] = Refused(i, Errors(items[i]));
        }

        var context = http.WriteContext();
        var bySpeaker = accepted.GroupBy(a => a.Command.ActorId, StringComparer.Ordinal).ToArray();
        var results = await Task.WhenAll(bySpeaker.Select(g =>
            grains.GetGrain<IActorGrain>(g.Key).RecordStatements(g.Select(a => a.Command).ToArray(), context)));
        for (var s = 0; s < bySpeaker.Length; s++)
        {
            foreach (var ((index, _), result) in bySpeaker[s].Zip(results[s]))
            {
                answers[index] = result.Succeeded
                    ? new BatchItemResult(index, result.Appended ? StatusCodes.Status201Created : StatusCodes.Status200OK, result.Id, result.Version, result.Position, null)
                    : Refused(index, result.Errors);
            }
        }
        return TypedResults.Ok(new RecordStatementsResponse(answers.Select(a => a!).ToArray()));
    }

    /// <summary>The checks POST /api/statements makes before it asks a grain; the grain's decision checks the rest.</summary>
    private static List<DomainError> Errors(RecordStatementRequest? item)
    {
        var errors = new List<DomainError>();
        if (item is null) return [DomainError.Invalid("body", "the item must be a statement, not null")];
        Checks.Slug(errors, "actorId", item.ActorId);
        if (item.SourceId is null) errors.Add(DomainError.Invalid("sourceId", "is required"));
        if (item.Span is null) errors.Add(DomainError.Invalid("span", "is required"));
        else
        {
            if (item.Span.Start is null) errors.Add(DomainError.Invalid("span.start", "is required"));
            if (item.Span.End is null) errors.Add(DomainError.Invalid("span.end", "is required"));
        }
        return errors;
    }

    private static RecordStatement? ToCommand(RecordStatementRequest? item) =>
        Errors(item).Count > 0 ? null
            : new RecordStatement(item!.ActorId!, item.SourceId!, item.Quote!, new TextSpan(item.Span!.Start!.Value, item.Span.End!.Value),
                item.QuoteKind!, item.SaidOn, item.Occasion, item.Topics, item.Language, item.CoSpeakers);

    /// <summary>The status and errors the item would get on its own (see <see cref="Problems.From"/>).</summary>
    private static BatchItemResult Refused(int index, IReadOnlyList<DomainError> errors)
    {
        var problem = Problems.From(errors);
        var relevant = problem.ProblemDetails.Extensions.TryGetValue("errors", out var grouped) ? grouped as Dictionary<string, string[]> : null;
        return new BatchItemResult(index, problem.StatusCode, null, null, null, relevant ?? Problems.Group(errors));
    }
}
