using Archive.Api.Http;
using Archive.Store;
using Archive.Store.Statements;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Archive.Api.Statements;

/// <summary>Statement lists and search over HTTP: the query parameters in, the store's page or the refusal out.</summary>
public static class StatementListing
{
    public static Task<Results<Ok<StatementPage>, ProblemHttpResult>> List(
        NpgsqlDataSource database, ArchiveSettings settings, CancellationToken ct,
        string? q = null, string? actor = null, string? topic = null, string? status = null, string? quoteKind = null,
        DateOnly? saidFrom = null, DateOnly? saidTo = null, DateTimeOffset? recordedFrom = null, DateTimeOffset? recordedTo = null,
        DateTimeOffset? asOf = null, string? cursor = null, int? limit = null) =>
        // PostgreSQL takes instants in UTC; an offset given in the query (…+02:00) means the same instant.
        Page(database, settings, new StatementFilter(q, actor, topic, status, quoteKind, saidFrom, saidTo,
            recordedFrom?.ToUniversalTime(), recordedTo?.ToUniversalTime(), asOf?.ToUniversalTime()), cursor, limit, ct);

    public static async Task<Results<Ok<StatementPage>, ProblemHttpResult>> Page(
        NpgsqlDataSource database, ArchiveSettings settings, StatementFilter filter, string? cursor, int? limit, CancellationToken ct)
    {
        var page = await StatementQueries.Page(database, settings.Schema, filter, cursor, limit, ct);
        return page.Value is { } value ? TypedResults.Ok(value) : Problems.From(page.Errors);
    }
}
