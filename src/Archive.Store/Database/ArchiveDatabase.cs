using Archive.Store;
using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Archive.Store.Database;

/// <summary>
/// Everything the archive needs in PostgreSQL, applied idempotently: Marten's tables for the schema, the
/// append-only triggers and indexes on the event table, and (when given) the cluster membership tables. Hosts
/// apply it at start-up; <c>archive db migrate</c> applies it ahead of a deployment. Several hosts starting at
/// once take turns (a session advisory lock per schema), so none sees another's half-made tables.
/// </summary>
public static class ArchiveDatabase
{
    /// <summary>Applies every step with a store of its own and returns what each did, in order.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(string connectionString, string schema, string? clusterSchema = Cluster.ClusterSchema.DefaultSchema,
        CancellationToken cancellationToken = default)
    {
        using var store = DocumentStore.For(options => ArchiveStore.Configure(options, connectionString, schema));
        return await MigrateAsync(store, connectionString, schema, clusterSchema, cancellationToken);
    }

    public static async Task<IReadOnlyList<string>> MigrateAsync(IDocumentStore store, string connectionString, string schema, string? clusterSchema,
        CancellationToken cancellationToken = default)
    {
        var steps = new List<string>();
        // A session lock on a connection outside the pool: released when this connection closes, whatever happens.
        await using var lockConnection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await lockConnection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("select pg_advisory_lock(hashtextextended(@name, 0))", lockConnection))
        {
            take.Parameters.AddWithValue("name", $"archive-migrate:{schema}");
            await take.ExecuteNonQueryAsync(cancellationToken);
        }
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        steps.Add($"event store and read models in schema '{schema}'");
        await Storage.AppendOnlyEvents.ApplyAsync(connectionString, schema, cancellationToken);
        steps.Add($"append-only triggers and statement indexes on {schema}.mt_events");
        await using (var search = new NpgsqlCommand(Statements.StatementSearchSql.Sql(schema), lockConnection))
            await search.ExecuteNonQueryAsync(cancellationToken);
        steps.Add($"the search documents of the statement views ({schema}.{Statements.StatementSearchSql.Table})");
        var (rumSchema, why) = await Statements.StatementSearchSql.EnableRum(lockConnection, cancellationToken);
        await using (var index = new NpgsqlCommand(Statements.StatementSearchSql.IndexSql(schema, rumSchema), lockConnection))
            await index.ExecuteNonQueryAsync(cancellationToken);
        var ranking = rumSchema is null ? Statements.SearchRanking.EveryMatch(why!) : Statements.SearchRanking.Index(rumSchema);
        Statements.SearchRanking.Remember(connectionString, schema, ranking);
        steps.Add($"search: {ranking.Description}");
        await using (var rebuilds = new NpgsqlCommand(Storage.ProjectionRebuildQueue.Sql(schema), lockConnection))
            await rebuilds.ExecuteNonQueryAsync(cancellationToken);
        steps.Add($"the rebuild queue {schema}.archive_rebuilds");
        await using (var failures = new NpgsqlCommand(Storage.ProjectionFailures.Sql(schema), lockConnection))
            await failures.ExecuteNonQueryAsync(cancellationToken);
        steps.Add($"the projection failure log {schema}.archive_projection_failures");
        if (clusterSchema is not null)
        {
            await Cluster.ClusterSchema.MigrateAsync(connectionString, clusterSchema, cancellationToken);
            steps.Add($"cluster membership tables and queries in schema '{clusterSchema}'");
        }
        return steps;
    }
}

/// <summary>Applies the schema's database changes when a host starts, before it serves or appends anything.</summary>
public sealed class ArchiveDatabaseMigrator(IDocumentStore store, string connectionString, string schema, ILogger<ArchiveDatabaseMigrator> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ArchiveDatabase.MigrateAsync(store, connectionString, schema, clusterSchema: null, cancellationToken);
        // Searches without the RUM index stay correct but rank every match: an operator must hear it at start, not from a slow page.
        var ranking = Statements.SearchRanking.Recalled(connectionString, schema);
        if (ranking is { Indexed: false }) logger.LogWarning("Search in schema {Schema}: {Ranking}", schema, ranking.Description);
        else if (ranking is not null) logger.LogInformation("Search in schema {Schema}: {Ranking}", schema, ranking.Description);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
