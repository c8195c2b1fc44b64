using Archive.Store;
using Archive.Api.Http;
using Archive.Api.Security;
using Archive.Domain;
using Archive.Domain.Common;
using Archive.Domain.Statements;
using Archive.Store.Events;
using Archive.Store.Statements;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Archive.Api.Audit;

public sealed record HistoryPage(IReadOnlyList<HistoryEntry> Items, long? NextAfterVersion);

public sealed record FieldChange(string Field, object? From, object? To, IReadOnlyList<DiffPart>? Words = null);

public sealed record StatementDiff(string Id, int From, int To, IReadOnlyList<FieldChange> Changes);

/// <summary>Every event in order, with who, when, why and its hash; and a statement's changes between revisions.</summary>
public static class HistoryApi
{
    public const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapHistoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/statements/{id}/history", StatementHistory).WithTags("Audit").WithName("GetStatementHistory")
            .WithSummary("Every event of a statement (its speaker's, filings and incoming links) in order").ProducesProblems(400, 404).ForAuditors();
        app.MapGet("/api/statements/{id}/diff", Diff).WithTags("Audit").WithName("DiffStatement")
            .WithSummary("What changed between two revisions of a statement, field by field, text as a word diff").ProducesProblems(400, 404).ForAuditors();
        app.MapGet("/api/actors/{id}/history", (string id, NpgsqlDataSource db, ArchiveSettings s, CancellationToken ct, long? after, int? limit) =>
                StreamHistory(StreamKeys.Actor(id), Slug.IsValid(id), db, s, after, limit, ct))
            .WithTags("Audit").WithName("GetActorHistory").WithSummary("Every event of an actor's stream in version order").ProducesProblems(400, 404).ForAuditors();
        app.MapGet("/api/topics/{id}/history", (string id, NpgsqlDataSource db, ArchiveSettings s, CancellationToken ct, long? after, int? limit) =>
                StreamHistory(StreamKeys.Topic(id), Slug.IsValid(id), db, s, after, limit, ct))
            .WithTags("Audit").WithName("GetTopicHistory").WithSummary("Every event of a topic's stream in version order").ProducesProblems(400, 404).ForAuditors();
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<HistoryEntry>>, ProblemHttpResult>> StatementHistory(
        string id, NpgsqlDataSource database, ArchiveSettings settings, CancellationToken ct)
    {
        var history = StatementIds.IsWellFormed(id) ? await EventRecords.OfStatement(database, settings.Schema, id, ct) : [];
        return history.Count == 0 ? Problems.NotFound("id", $"statement '{id}' is not recorded") : TypedResults.Ok<IReadOnlyList<HistoryEntry>>(history);
    }

    private static async Task<Results<Ok<HistoryPage>, ProblemHttpResult>> StreamHistory(
        string stream, bool wellFormed, NpgsqlDataSource database, ArchiveSettings settings, long? after, int? limit, CancellationToken ct)
    {
        var take = limit ?? 200;
        if (take is < 1 or > MaxLimit) return Problems.Invalid("limit", $"must be between 1 and {MaxLimit}");
        if (after is < 0) return Problems.Invalid("after", "must not be negative");
        var items = wellFormed
            ? await EventRecords.OfStream(database, settings.Schema, stream, after ?? 0L, take + 1, ct)
            : [];
        if (items.Count == 0 && (after ?? 0) == 0) return Problems.NotFound("id", $"stream '{stream}' has no events");
        var page = items.Take(take).ToArray();
        return TypedResults.Ok(new HistoryPage(page, items.Count > take ? page[^1].Version : null));
    }

    private static async Task<Results<Ok<StatementDiff>, ProblemHttpResult>> Diff(
        string id, Marten.IQuerySession session, CancellationToken ct, int? from = null, int? to = null)
    {
        var log = StatementIds.IsWellFormed(id) ? await session.LoadAsync<StatementRevisions>(id, ct) : null;
        var latest = StatementTimeTravel.AtRevision(log, int.MaxValue);
        if (latest is null) return Problems.NotFound("id", $"statement '{id}' is not recorded");
        var (a, b) = (from ?? Math.Max(1, latest.Revision - 1), to ?? latest.Revision);
        if (a < 1 || a > latest.Revision) return Problems.Invalid("from", $"must be a revision between 1 and {latest.Revision}");
        if (b < 1 || b > latest.Revision) return Problems.Invalid("to", $"must be a revision between 1 and {latest.Revision}");
        var before = StatementTimeTravel.AtRevision(log, a)!;
        var after = StatementTimeTravel.AtRevision(log, b)!;
        return TypedResults.Ok(new StatementDiff(id, a, b, Changes(before, after)));
    }

    private static List<FieldChange> Changes(StatementView a, StatementView b)
    {
        var changes = new List<FieldChange>();
        void Field(string name, object? x, object? y)
        {
            if (!Equals(x, y)) changes.Add(new FieldChange(name, x, y));
        }
        if (a.Quote != b.Quote) changes.Add(new FieldChange("quote", a.Quote, b.Quote, WordDiff.Between(a.Quote, b.Quote)));
        Field("span", a.Span, b.Span);
        Field("saidOn", a.SaidOn, b.SaidOn);
        Field("occasion", a.Occasion, b.Occasion);
        Field("quoteKind", a.QuoteKind, b.QuoteKind);
        Field("language", a.Language, b.Language);
        Field("status", a.Status, b.Status);
        Field("statusReason", a.StatusReason, b.StatusReason);
        Field("verification", a.Verification, b.Verification);
        if (!a.Topics.SequenceEqual(b.Topics)) changes.Add(new FieldChange("topics", a.Topics, b.Topics));
        if (!a.Links.SequenceEqual(b.Links)) changes.Add(new FieldChange("links", a.Links, b.Links));
        return changes;
    }
}
