using System.Collections.Concurrent;
using System.Threading.Channels;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Archive.Store.Storage;

/// <summary>A projection shard that stopped on a failure, as the daemon's host observed it.</summary>
public sealed record ProjectionFailure(string Shard, long? EventSequence, string? EventType, string Message, DateTimeOffset OccurredAt, string Host);

/// <summary>
/// Failures of asynchronous projections, kept in PostgreSQL so that every API node can report them. Marten records a
/// paused shard's failure in its progression row, but a shard that fails on its very first batch has no row yet, so
/// that failure would be visible nowhere. The daemon's host therefore watches the daemon's shard states and writes each
/// failure here; a shard that later moves past the failed event (after a fix and a rebuild) clears it.
/// </summary>
public sealed class ProjectionFailures(string connectionString, string schema)
{
    public static string Sql(string schema) => $"""
        create table if not exists {schema}.archive_projection_failures (
          shard text primary key,
          event_sequence bigint,
          event_type text,
          message text not null,
          occurred_at timestamptz not null,
          host text not null);
        """;

    public async Task Record(ProjectionFailure failure, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"""
            insert into {schema}.archive_projection_failures (shard, event_sequence, event_type, message, occurred_at, host)
            values (@shard, @sequence, @type, @message, @at, @host)
            on conflict (shard) do update set event_sequence = excluded.event_sequence, event_type = excluded.event_type,
              message = excluded.message, occurred_at = excluded.occurred_at, host = excluded.host
            """, connection);
        command.Parameters.AddWithValue("shard", failure.Shard);
        command.Parameters.AddWithValue("sequence", NpgsqlTypes.NpgsqlDbType.Bigint, (object?)failure.EventSequence ?? DBNull.Value);
        command.Parameters.AddWithValue("type", NpgsqlTypes.NpgsqlDbType.Text, (object?)failure.EventType ?? DBNull.Value);
        command.Parameters.AddWithValue("message", failure.Message);
        command.Parameters.AddWithValue("at", failure.OccurredAt);
        command.Parameters.AddWithValue("host", failure.Host);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task Clear(string shard, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"delete from {schema}.archive_projection_failures where shard = @shard", connection);
        command.Parameters.AddWithValue("shard", shard);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Watches one daemon's shard states and keeps the table in step with them, writing in the background (one write
    /// at a time, in the order the states arrived) so the daemon never waits on it. Dispose to stop watching.
    /// </summary>
    public IAsyncDisposable Watch(IProjectionDaemon daemon, ILogger log) => new Watcher(this, daemon, log);

    /// <summary>The first line of an exception's message: enough to name the problem without a stack trace.</summary>
    public static string Summary(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "unknown failure";
        var line = text.AsSpan().Trim();
        var end = line.IndexOfAny('\r', '\n');
        return (end < 0 ? line : line[..end]).ToString();
    }

    private sealed class Watcher : IObserver<ShardState>, IAsyncDisposable
    {
        private readonly ProjectionFailures _failures;
        private readonly ILogger _log;
        private readonly Channel<Func<CancellationToken, Task>> _writes = Channel.CreateUnbounded<Func<CancellationToken, Task>>(new() { SingleReader = true });
        private readonly ConcurrentDictionary<string, long> _failed = new(); // shard → the event it failed on
        private readonly CancellationTokenSource _stop = new();
        private readonly IDisposable _subscription;
        private readonly Task _writer;
        private readonly string _host = $"{Environment.MachineName}:{Environment.ProcessId}";

        public Watcher(ProjectionFailures failures, IProjectionDaemon daemon, ILogger log)
        {
            _failures = failures;
            _log = log;
            _writer = Task.Run(Write);
            _subscription = daemon.Tracker.Subscribe(this);
        }

        public void OnNext(ShardState state)
        {
            if (state.ShardName == ShardState.HighWaterMark) return;
            // Only failures that name their event are kept: those stop a shard for good, and a shard's position
            // tells when they are behind it (any host can judge that). A failure without an event (PostgreSQL away, a
            // timeout) pauses the shard and Marten retries it; kept here, it could outlive its cause on another host.
            if (state.Failure is { Event: not null } failure)
            {
                // the innermost exception says what went wrong; the outer ones only say where
                var root = state.Exception?.GetBaseException();
                var message = root is null ? failure.Message : $"{root.GetType().Name}: {root.Message}";
                var failed = new ProjectionFailure(state.ShardName, failure.Event.Sequence, failure.Event.EventTypeName,
                    Summary(message), failure.OccurredAt, _host);
                _failed[state.ShardName] = failure.Event.Sequence;
                _writes.Writer.TryWrite(ct => _failures.Record(failed, ct));
            }
            else if (state.Action == ShardAction.Updated && _failed.TryGetValue(state.ShardName, out var at)
                     && state.Sequence >= at && _failed.TryRemove(state.ShardName, out _))
            {
                _writes.Writer.TryWrite(ct => _failures.Clear(state.ShardName, ct));
            }
        }

        public void OnError(Exception error) { }

        public void OnCompleted() { }

        private async Task Write()
        {
            await foreach (var write in _writes.Reader.ReadAllAsync())
            {
                // a failure is worth a few tries: PostgreSQL may be the reason the shard failed in the first place
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await write(_stop.Token);
                        break;
                    }
                    catch (Exception e) when (!_stop.IsCancellationRequested && attempt < 5)
                    {
                        _log.LogWarning(e, "Recording a projection's failure state failed; trying again");
                        try { await Task.Delay(TimeSpan.FromSeconds(attempt), _stop.Token); }
                        catch (OperationCanceledException) { return; }
                    }
                    catch (Exception e)
                    {
                        _log.LogWarning(e, "Recording a projection's failure state failed; giving up on this one");
                        break;
                    }
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            _subscription.Dispose();
            _writes.Writer.TryComplete();
            // let the writes already queued finish (a failure seen just before a stop is still worth keeping), but not forever
            try { await _writer.WaitAsync(TimeSpan.FromSeconds(5)); }
            catch (TimeoutException) { await _stop.CancelAsync(); }
            _stop.Dispose();
        }
    }
}
