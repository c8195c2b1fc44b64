using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Archive.Store.Storage;

/// <summary>
/// Runs the asynchronous projection daemon on exactly one host per schema at a time. Every silo competes for a
/// PostgreSQL session advisory lock on a connection of its own; the holder runs the daemon. The lock lives as long
/// as that connection: a silo that dies (even by SIGKILL) loses it when PostgreSQL notices the closed socket, and
/// another silo takes over at its next attempt. The holder checks its connection every few seconds and stops the
/// daemon as soon as the connection (and so the lock) may be gone, so two daemons never run at once.
/// </summary>
public sealed class ProjectionDaemonLeader(IDocumentStore store, string connectionString, string schema, ILogger<ProjectionDaemonLeader> log)
    : BackgroundService
{
    /// <summary>How often a follower tries to take over, and how often the leader checks that it still leads.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly ProjectionRebuildQueue _rebuilds = new(connectionString, schema);
    private readonly ProjectionFailures _failures = new(connectionString, schema);
    private volatile IProjectionDaemon? _daemon;

    /// <summary>The running daemon when this host leads, else null.</summary>
    public IProjectionDaemon? Daemon => _daemon;

    public bool IsLeader => _daemon is not null;

    /// <summary>The advisory lock key, shared by every host of the schema.</summary>
    public static string LockName(string schema) => $"archive-projection-daemon:{schema}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A connection outside the pool: returning it to a pool would keep (or silently drop) the session lock.
        var lockConnection = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            ApplicationName = $"archive-daemon-lock:{Environment.MachineName}:{Environment.ProcessId}",
            KeepAlive = 5,
        }.ConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(lockConnection);
                await connection.OpenAsync(stoppingToken);
                if (await TryLock(connection, stoppingToken))
                {
                    await Lead(connection, stoppingToken);
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Projection daemon leadership: PostgreSQL did not answer; trying again");
            }
            try { await Task.Delay(Interval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    private async Task<bool> TryLock(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select pg_try_advisory_lock(hashtextextended(@name, 0))", connection);
        command.Parameters.AddWithValue("name", LockName(schema));
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private async Task Lead(NpgsqlConnection connection, CancellationToken stoppingToken)
    {
        log.LogInformation("This host now runs the projection daemon for schema {Schema}", schema);
        var daemon = await store.BuildProjectionDaemonAsync();
        // watching before the shards start, so a failure on the very first batch is seen too
        var failures = _failures.Watch(daemon, log);
        using var leading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        Task rebuilding = Task.CompletedTask;
        try
        {
            await daemon.StartAllAsync();
            _daemon = daemon;
            await using (var listen = new NpgsqlCommand($"listen {ProjectionRebuildQueue.Channel}", connection))
                await listen.ExecuteNonQueryAsync(stoppingToken);
            await _rebuilds.FailInterrupted(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                if (rebuilding.IsCompleted) rebuilding = RunQueuedRebuilds(daemon, leading.Token);
                // wakes early when a rebuild is queued; then proves the lock's connection is still alive
                await connection.WaitAsync(Interval, stoppingToken);
                await using var check = new NpgsqlCommand("select 1", connection);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(Interval);
                await check.ExecuteScalarAsync(timeout.Token);
            }
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            log.LogWarning(e, "Projection daemon leadership lost (the lock connection failed); stopping the daemon");
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _daemon = null;
            await leading.CancelAsync();
            try { await rebuilding; }
            catch (Exception) { /* reported by the run itself */ }
            try { await daemon.StopAllAsync(); }
            catch (Exception e) { log.LogWarning(e, "Stopping the projection daemon failed"); }
           
            (daemon as IDisposable)?.Dispose();
            log.LogInformation("This host no longer runs the projection daemon for schema {Schema}", schema);
        }
    }

    /// <summary>
    /// How many queued rebuilds run at once. Each is one shard that loads, applies and writes its batches one after
    /// another, so one rebuild leaves PostgreSQL and this host partly idle; run one at a time, "all" took 55–61 s of a
    /// store that three at a time rebuild in 31–42 s, for the same CPU per event (docs/performance.md, 2026-12-07 14:04).
    /// </summary>
    public const int ParallelRebuilds = 3;

    /// <summary>Runs queued rebuilds, up to <see cref="ParallelRebuilds"/> at a time, until none waits.</summary>
    private Task RunQueuedRebuilds(IProjectionDaemon daemon, CancellationToken ct) =>
        Task.WhenAll(Enumerable.Range(0, ParallelRebuilds).Select(_ => ClaimAndRun(daemon, ct)));

    /// <summary>One worker: claims queued rebuilds (never one another worker claimed) and runs them until none waits.</summary>
    private async Task ClaimAndRun(IProjectionDaemon daemon, CancellationToken ct)
    {
        var host = $"{Environment.MachineName}:{Environment.ProcessId}";
        try
        {
            while (await _rebuilds.Claim(host, ct) is var (id, projection, target))
            {
                string? error = null;
                try
                {
                    if (!ReadModels.ByName.TryGetValue(projection, out var known))
                        throw new InvalidOperationException($"no read model '{projection}'");
                    log.LogInformation("Rebuilding {Projection}", projection);
                    await Rebuild(daemon, id, target, known, ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    log.LogError(e, "Rebuilding {Projection} failed", projection);
                    error = e.Message;
                }
                await _rebuilds.Finish(id, error, CancellationToken.None);
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogWarning(e, "The rebuild queue could not be read; trying again");
        }
    }

    /// <summary>
    /// Rebuilds one read model, recording its position every second. No wall-clock limit: Marten's default (five minutes
    /// per shard) failed every rebuild of a large store ("The operation has timed out."), while the daemon reads and
    /// writes in batches of its own size, so no single command grows with the store. A rebuild ends when it reaches the
    /// newest event, fails on an error, or is abandoned when this host stops leading (the next leader marks it failed).
    /// </summary>
    private async Task Rebuild(IProjectionDaemon daemon, long id, long target, ReadModel model, CancellationToken ct)
    {
        var shards = ((JasperFx.Events.Projections.IProjectionSource<IDocumentOperations, IQuerySession>)Activator.CreateInstance(model.Projection)!).Name + ":";
        var progress = new RebuildProgress(shards);
        using var watching = daemon.Tracker.Subscribe(progress);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var recording = RecordProgress(id, progress, stop.Token);
        if (model.BeforeRebuild is { } before) await Execute(before(schema), ct);
        try
        {
            if (StatementViewRebuild.For(model, (DocumentStore)store, connectionString) is { } setBased)
                await RebuildSetBased(daemon, shards + "All", target, model, setBased, progress, ct);
            else
                await daemon.RebuildProjectionAsync(model.Projection, Timeout.InfiniteTimeSpan, ct).WaitAsync(ct);
        }
        finally
        {
            await stop.CancelAsync();
            await recording;
            if (model.AfterRebuild is { } after) await Execute(after(schema), CancellationToken.None);
        }
    }

    /// <summary>
    /// The read models keyed by statement are rebuilt by our own pages (<see cref="StatementViewRebuild"/>), up to the
    /// newest event when the rebuild was claimed. An asynchronous one's shard is stopped meanwhile and resumes from
    /// there; an inline one keeps no progress row, as after Marten's rebuild.
    /// </summary>
    private async Task RebuildSetBased(IProjectionDaemon daemon, string shard, long through, ReadModel model, ISetBasedRebuild rebuild, RebuildProgress progress, CancellationToken ct)
    {
        if (model.IsAsync) await daemon.StopAgentAsync(shard);
        var times = await rebuild.Run(through, progress.Reached, ct);
        log.LogInformation("Rebuilt {Projection} set-based: {Times}", model.Name, times);
        await SetProgression(shard, model.IsAsync ? through : null, ct);
        if (model.IsAsync) await daemon.StartAgentAsync(shard, ct);
    }

    private async Task SetProgression(string shard, long? position, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(position is null
            ? $"delete from {schema}.mt_event_progression where name = @name"
            : $"""
              insert into {schema}.mt_event_progression (name, last_seq_id, last_updated) values (@name, @position, now())
              on conflict (name) do update set last_seq_id = excluded.last_seq_id, last_updated = excluded.last_updated
              """, connection);
        command.Parameters.AddWithValue("name", shard);
        command.Parameters.AddWithValue("position", position ?? 0);
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task RecordProgress(long id, RebuildProgress progress, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
                if (progress.Position > 0) await _rebuilds.Progress(id, progress.Position, ct);
        }
        catch (OperationCanceledException) { }
        catch (Exception e) { log.LogWarning(e, "Recording a rebuild's progress failed; the rebuild goes on"); }
    }

    // Proportional to the read model's size (a set-based cleanup after a rebuild): no command timeout.
    private async Task Execute(string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The furthest position the daemon reported for a projection's shards.</summary>
    private sealed class RebuildProgress(string shardPrefix) : IObserver<ShardState>
    {
        private long _position;

        public long Position => Interlocked.Read(ref _position);

        public void Reached(long position) => OnNext(new ShardState(shardPrefix + "All", position));

        public void OnNext(ShardState value)
        {
            if (!value.ShardName.StartsWith(shardPrefix, StringComparison.Ordinal)) return;
            long seen;
            while ((seen = Interlocked.Read(ref _position)) < value.Sequence && Interlocked.CompareExchange(ref _position, value.Sequence, seen) != seen) { }
        }

        public void OnCompleted() { }

        public void OnError(Exception error) { }
    }
}
