using System.Collections.Concurrent;
using Npgsql;

namespace Archive.Store.Statements;

/// <summary>
/// How a schema's search finds its best matches: with the RUM index, which hands out matches in rank order so a page
/// reads only the matches it returns, or (where the RUM extension is not installed) by ranking every match. Both
/// rank alike and both return the true top of the whole archive; only their cost differs.
/// </summary>
public sealed record SearchRanking(bool Indexed, string? RumSchema, string Description)
{
    /// <summary>What /health and the start-up log say of each way.</summary>
    public static SearchRanking Index(string rumSchema) =>
        new(true, rumSchema, "rum index: the best matches are read in rank order");

    public static SearchRanking EveryMatch(string why) =>
        new(false, null, $"every match ranked ({why}); install the RUM extension (postgresql-15-rum) for fast searches of frequent words");

    private static readonly ConcurrentDictionary<string, SearchRanking> Known = new();

    // The server, database and schema: a data source's connection string is not written as the settings' one.
    private static string Key(string connectionString, string schema)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}/{schema}";
    }

    /// <summary>The schema's way, read from its indexes once per process (a migration in this process tells it again).</summary>
    public static async Task<SearchRanking> Of(NpgsqlDataSource database, string schema, CancellationToken ct)
    {
        var key = Key(database.ConnectionString, schema);
        if (Known.TryGetValue(key, out var known)) return known;
        var found = await Read(database, schema, ct);
        return Known.GetOrAdd(key, found);
    }

    /// <summary>Remembers what a migration found, so searches after it use the index it made (or stop using one it dropped).</summary>
    public static void Remember(string connectionString, string schema, SearchRanking ranking) =>
        Known[Key(connectionString, schema)] = ranking;

    /// <summary>What this process last learnt of the schema's way, if anything.</summary>
    public static SearchRanking? Recalled(string connectionString, string schema) =>
        Known.TryGetValue(Key(connectionString, schema), out var known) ? known : null;

    /// <summary>The schema's way as its indexes say: the RUM index on the search documents, and the schema holding RUM's operators.</summary>
    public static async Task<SearchRanking> Read(NpgsqlDataSource database, string schema, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            select n.nspname::text
            from pg_index i
            join pg_class c on c.oid = i.indexrelid
            join pg_am a on a.oid = c.relam and a.amname = 'rum'
            join pg_extension e on e.extname = 'rum'
            join pg_namespace n on n.oid = e.extnamespace
            where i.indrelid = to_regclass(@table)
            limit 1
            """);
        command.Parameters.AddWithValue("table", $"{schema}.{StatementSearchSql.Table}");
        return await command.ExecuteScalarAsync(ct) is string rumSchema
            ? Index(rumSchema)
            : EveryMatch("the search documents have no RUM index");
    }
}
