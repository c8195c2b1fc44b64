using Archive.Projections;
using Marten;

namespace Archive.Grains.Database;

/// <summary>
/// Everything the archive needs in PostgreSQL, applied idempotently: Marten's tables for the schema, the
/// append-only triggers and indexes on the event table, and the cluster membership tables. Hosts apply it at
/// start-up; <c>archive db migrate</c> applies it ahead of a deployment.
/// </summary>
public static class ArchiveDatabase
{
    /// <summary>Applies every step and returns what each did, in order.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(string connectionString, string schema, CancellationToken cancellationToken = default)
    {
        var steps = new List<string>();
        using (var store = DocumentStore.For(options =>
               {
                   ArchiveStore.Configure(options, connectionString, schema);
                   Storage.Snapshots.Register(options);
               }))
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            steps.Add($"event store and read models in schema '{schema}'");
        }
        await new Storage.AppendOnlyEvents(connectionString, schema).StartAsync(cancellationToken);
        steps.Add($"append-only triggers and statement indexes on {schema}.mt_events");
        return steps;
    }
}
