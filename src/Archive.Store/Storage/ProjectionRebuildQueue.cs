using Npgsql;

namespace Archive.Store.Storage;

/// <param name="Position">The global event position the rebuild has projected up to (while running and after).</param>
/// <param name="Target">The newest event's position when the rebuild started: where it ends.</param>
public sealed record RebuildRun(string Projection, string State, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error,
    long? Position = null, long? Target = null);

/// <summary>
/// Rebuild requests, kept in PostgreSQL: any API node queues them, the host that runs the projection daemon (whichever
/// silo holds its lock) claims and runs them (a few at a time, each claimed once), and everyone reads their state. A rebuild whose host
/// died is marked failed by the next daemon host, so no request stays "running" forever.
/// </summary>
public sealed class ProjectionRebuildQueue(string connectionString, string schema)
{
    /// <summary>The daemon's host listens on this channel, so a queued rebuild starts at once rather than at the next poll.</summary>
    public const string Channel = "archive_rebuilds";

    public static string Sql(string schema) => $"""
        create table if not exists {schema}.archive_rebuilds (
          id bigserial primary key,
          projection text not null,
          state text not null check (state in ('queued', 'running', 'done', 'failed')),
          requested_by text not null,
          requested_at timestamptz not null default now(),
          started_at timestamptz,
          finished_at timestamptz,
          host text,
          error text);
        create index if not exists archive_rebuilds_open on {schema}.archive_rebuilds (id) where state in ('queued', 'running');
        -- progress: how far a rebuild has got, of how far it goes
        alter table {schema}.archive_rebuilds add column if not exists position bigint;
        alter table {schema}.archive_rebuilds add column if not exists target bigint;
        """;

    /// <summary>Queues the rebuilds unless some are still queued or running; answers whether it queued them.</summary>
    public async Task<bool> TryQueue(IReadOnlyList<string> projections, string principal, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // one request at a time decides, so two rebuilds never get queued side by side
        await using var command = new NpgsqlCommand($"""
            select pg_advisory_xact_lock(hashtextextended('archive-rebuilds:{schema}', 0));
            with queued as (
              insert into {schema}.archive_rebuilds (projection, state, requested_by)
              select p, 'queued', @principal from unnest(@projections) with ordinality as t(p, n)
              where not exists (select 1 from {schema}.archive_rebuilds where state in ('queued', 'running'))
              order by n
              returning 1)
            select count(*) from queued;
            select pg_notify('{Channel}', '{schema}');
            """, connection, transaction);
        command.Parameters.AddWithValue("principal", principal);
        command.Parameters.AddWithValue("projections", projections.ToArray());
        long queued;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            queued = reader.GetInt64(0);
        }
        if (queued == 0) return false;
        await transaction.CommitAsync(ct); // the notification goes out with the commit
        return true;
    }

    /// <summary>The latest run of each read model (null when it was never rebuilt).</summary>
    public async Task<IReadOnlyDictionary<string, RebuildRun>> Latest(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"""
            select distinct on (projection) projection, state, started_at, finished_at, error, position, target
            from {schema}.archive_rebuilds order by projection, id desc
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var runs = new Dictionary<string, RebuildRun>();
        while (await reader.ReadAsync(ct))
            runs[reader.GetString(0)] = new RebuildRun(reader.GetString(0), reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5), reader.IsDBNull(6) ? null : reader.GetInt64(6));
        return runs;
    }

    /// <summary>Daemon host only: runs marked running by a host that no longer leads did not finish.</summary>
    public Task FailInterrupted(CancellationToken ct) => Execute(
        $"update {schema}.archive_rebuilds set state = 'failed', finished_at = now(), error = 'interrupted: the host running it stopped leading the projection daemon' where state = 'running'",
        ct);

    /// <summary>Daemon host only: claims the oldest queued rebuild, or null when none waits.</summary>
    public async Task<(long Id, string Projection, long Target)?> Claim(string host, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"""
            update {schema}.archive_rebuilds set state = 'running', started_at = now(), host = @host, position = 0,
              target = (select coalesce(max(seq_id), 0) from {schema}.mt_events)
            where id = (select id from {schema}.archive_rebuilds where state = 'queued' order by id limit 1 for update skip locked)
            returning id, projection, target
            """, connection);
        command.Parameters.AddWithValue("host", host);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)) : null;
    }

    /// <summary>Daemon host only: records how far a running rebuild has got.</summary>
    public Task Progress(long id, long position, CancellationToken ct) => Execute(
        $"update {schema}.archive_rebuilds set position = greatest(coalesce(position, 0), @position) where id = @id", ct, ("id", id), ("position", position));

    public Task Finish(long id, string? error, CancellationToken ct) => Execute(
        $"""
        update {schema}.archive_rebuilds set state = @state, finished_at = now(), error = @error,
          position = case when @state = 'done' then greatest(coalesce(position, 0), coalesce(target, 0)) else position end
        where id = @id
        """, ct,
        ("id", id), ("state", error is null ? "done" : "failed"), ("error", (object?)error ?? DBNull.Value));

    private async Task Execute(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(ct);
    }
}
