using Archive.Api.Security;
using Archive.Api.Http;
using Archive.Domain.Common;
using Archive.Domain.Statements;
using Archive.Domain.Sources;
using Archive.Grains.Interfaces;
using Archive.Store.Statements;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Archive.Api.Statements;

public sealed record RecordStatementsRequest([property: System.ComponentModel.DataAnnotations.Required] List<RecordStatementRequest?>? Items);

/// <summary>
/// The answer for one item: its HTTP status as if sent alone; when recorded, its id, version, position, span and quote
/// (as the source has it); when refused, its errors, and for a refused quote the evidence a single request's problem
/// carries (<c>occurrences</c>, <c>occurrenceCount</c>, <c>closest</c>, <c>atSpan</c>).
/// </summary>
public sealed record BatchItemResult(
    int Index, int Status, string? Id, long? Version, long? Position, TextSpan? Span, string? Quote, Dictionary<string, string[]>? Errors,
    IReadOnlyList<Passage>? Occurrences = null, int? OccurrenceCount = null, Passage? Closest = null, Passage? AtSpan = null);

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
            .WithSummary($"Record up to {MaxItems} statements; each item is answered with its own status").ProducesProblems(400).ForArchivists()
            .WithBodyExample(new
            {
                items = new object[]
                {
                    new { actorId = "a-reporter", sourceId = "src-0123456789abcdef0123", quote = "Will the corridor grow?", quoteKind = "direct", saidOn = "2025-03-03" },
                    new
                    {
                        actorId = "lin-jian", sourceId = "src-0123456789abcdef0123", quote = "The corridor – our 🙂 project – will grow.",
                        span = new { start = 31, end = 72 }, quoteKind = "direct", saidOn = "2025-03-03",
                    },
                },
            });
        return app;
    }

    private static async Task<Results<Ok<RecordStatementsResponse>, ProblemHttpResult>> Record(
        RecordStatementsRequest request, IGrainFactory grains, IQuerySession session, HttpContext http)
    {
        if (request.Items is not { } items) return Problems.Invalid("items", "is required");
        if (items.Count == 0) return Problems.Invalid("items", "must hold at least one statement");
        if (items.Count > MaxItems) return Problems.Invalid("items", $"must hold at most {MaxItems} statements, not {items.Count}");

        var answers = new BatchItemResult?[items.Count];
        var accepted = new List<(int Index, RecordStatement Command)>();
        var meta = http.CommandContext();
        for (var i = 0; i < items.Count; i++)
        {
            var (command, errors) = RecordRequests.ToCommand(items[i], meta);
            if (command is not null) accepted.Add((i, command));
            else answers[i] = Refused(i, errors);
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
                    ? new BatchItemResult(index, result.Appended ? StatusCodes.Status201Created : StatusCodes.Status200OK, result.Id, result.Version, result.Position, null, null, null)
                    : Refused(index, result.Errors);
            }
        }

        // Where each recorded statement stands in its source (found there when no span was sent): one read for all.
        var recorded = answers.Where(a => a!.Id is not null).Select(a => a!.Id!).Distinct().ToArray();
        var views = recorded.Length == 0 ? [] : (await session.LoadManyAsync<StatementView>(http.RequestAborted, recorded)).ToDictionary(v => v.Id);
        return TypedResults.Ok(new RecordStatementsResponse(answers
            .Select(a => a!.Id is { } id && views.TryGetValue(id, out var view) ? a with { Span = view.Span, Quote = view.Quote } : a!)
            .ToArray()));
    }

    /// <summary>The status and errors the item would get on its own (see <see cref="Problems.From"/>).</summary>
    private static BatchItemResult Refused(int index, IReadOnlyList<DomainError> errors)
    {
        var problem = Problems.From(errors);
        var relevant = problem.ProblemDetails.Extensions.TryGetValue("errors", out var grouped) ? grouped as Dictionary<string, string[]> : null;
        var evidence = errors.Select(e => e.Details).FirstOrDefault(d => d is not null);
        return new BatchItemResult(index, problem.StatusCode, null, null, null, null, null, relevant ?? Problems.Group(errors),
            evidence?.Occurrences, evidence?.Count, evidence?.Closest, evidence?.AtSpan);
    }
}
