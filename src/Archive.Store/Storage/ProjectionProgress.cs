using Archive.Store;
using Npgsql;

namespace Archive.Store.Storage;

public sealed record ShardProgress(
    string Name, long Position, long Lag, string? Status, string? Failure, long? FailedEventPosition, string? FailedEventType);

public sealed record ProgressSnapshot(long HighWaterMark, long LastPosition, IReadOnlyList<ShardProgress> Projections);

/// <summary>
/// Whether the read models a query reads have processed a position: <see cref="Ready"/>; or not, because one of them
/// failed (<see cref="Failed"/>, with the failure) or because these are still <see cref="Behind"/> when the wait ended.
/// </summary>
public sealed record Readiness(bool Ready, ReadModel? Failed, string? Failure, IReadOnlyList<string> Behind)
{
    public static readonly Readiness Reached = new(true, null, null, []);
}

/// <summary>Reads how far the event store and each asynchronous projection have come.</summary>
public sealed class ProjectionProgress(NpgsqlDataSource database, ArchiveSettings settings)
{
    public const string HighWaterMarkRow = "HighWaterMark";

    public async Task<ProgressSnapshot> Read(CancellationToken ct)
    {
        var schema = settings.Schema;
        await using var command = database.CreateCommand($"""
            select name, coalesce(last_seq_id, 0), agent_status, pause_reason, failure_event_sequence, failure_event_type,
                   (select coalesce(max(seq_id), 0) from {schema}.mt_events)
            from {schema}.mt_event_progression order by name
            """);
        var rows = new List<(string Name, long Seq, string? Status, string? Pause, long? FailSeq, string? FailType)>();
        long last = 0;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add((reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetInt64(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5)));
                last = reader.GetInt64(6);
            }
        }
        if (rows.Count == 0)
        {
            await using var max = database.CreateCommand($"select coalesce(max(seq_id), 0) from {schema}.mt_events");
            last = (long)(await max.ExecuteScalarAsync(ct))!;
        }
        var highWater = rows.FirstOrDefault(r => r.Name == HighWaterMarkRow).Seq;
        // Projection shards are named "{projection}:{shard}"; other rows are the daemon's own bookkeeping.
        var shards = rows.Where(r => r.Name.Contains(':'))
            .Select(r => new ShardProgress(r.Name, r.Seq, Math.Max(0, highWater - r.Seq), r.Status,
                r.Pause is null ? null : ProjectionFailures.Summary(r.Pause), r.FailSeq, r.FailType))
            .ToList();
        // Failures the daemon's host logged: the only trace of a shard that failed before it ever recorded progress.
        foreach (var failure in await Failures(ct))
        {
            var index = shards.FindIndex(s => s.Name == failure.Shard);
            var position = index < 0 ? 0 : shards[index].Position;
            if (failure.EventSequence is { } at && at <= position) continue; // moved past it since (fixed and rebuilt)
            var shard = index < 0 ? new ShardProgress(failure.Shard, 0, highWater, "Paused", null, null, null) : shards[index];
            // the logged message names the innermost exception, which says more than the first line of Marten's note
            shard = shard with
            {
                Failure = failure.Message,
                FailedEventPosition = shard.FailedEventPosition ?? failure.EventSequence,
                FailedEventType = shard.FailedEventType ?? failure.EventType,
            };
            if (index < 0) shards.Add(shard);
            else shards[index] = shard;
        }
        shards.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return new ProgressSnapshot(highWater, last, shards);
    }

    private async Task<IReadOnlyList<ProjectionFailure>> Failures(CancellationToken ct)
    {
        await using var command = database.CreateCommand(
            $"select shard, event_sequence, event_type, message, occurred_at, host from {settings.Schema}.archive_projection_failures");
        var failures = new List<ProjectionFailure>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            failures.Add(new(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4), reader.GetString(5)));
        return failures;
    }

    /// <summary>
    /// Waits, polling until <paramref name="bound"/>, until each of <paramref name="models"/> has processed
    /// <paramref name="position"/>; nothing else is waited for. An inline read model is written in the transaction of
    /// its events, so it holds every committed position; an asynchronous one holds what its shard has processed, and a
    /// failed shard that has not reached the position answers at once: waiting would not help.
    /// </summary>
    public async Task<Readiness> WaitFor(long position, IReadOnlyCollection<ReadModel> models, TimeSpan bound, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + bound;
        var asynchronous = models.Where(m => m.IsAsync).ToArray();
        while (true)
        {
            var behind = new List<string>();
            if (asynchronous.Length == 0)
            {
                if (await LastCommitted(ct) < position) behind.AddRange(models.Select(m => m.Name));
            }
            else
            {
                var progress = await Read(ct);
                if (progress.LastPosition < position) behind.AddRange(models.Where(m => !m.IsAsync).Select(m => m.Name));
                foreach (var model in asynchronous)
                {
                    var shards = progress.Projections.Where(s => IsShardOf(s, model)).ToArray();
                    if (shards.Length > 0 && shards.All(s => s.Position >= position)) continue;
                    if (shards.FirstOrDefault(s => s.Position < position && (s.Failure is { Length: > 0 } || s.FailedEventPosition is not null)) is { } failed)
                        return new Readiness(false, model, Describe(failed), [model.Name]);
                    behind.Add(model.Name);
                }
            }
            if (behind.Count == 0) return Readiness.Reached;
            if (DateTime.UtcNow >= deadline) return new Readiness(false, null, null, behind);
            await Task.Delay(TimeSpan.FromMilliseconds(50), ct);
        }
    }

    /// <summary>Marten names a projection's shards "{projection type}:{shard}".</summary>
    public static bool IsShardOf(ShardProgress shard, ReadModel model) =>
        shard.Name.StartsWith(model.Projection.FullName + ":", StringComparison.Ordinal)
        || shard.Name.StartsWith(model.Projection.Name + ":", StringComparison.Ordinal);

    private static string Describe(ShardProgress shard) =>
        $"stopped at position {shard.Position}" + (shard.FailedEventPosition is { } at ? $", failing on event {at} ({shard.FailedEventType})" : "")
        + (shard.Failure is { Length: > 0 } failure ? $": {failure}" : "");

    private async Task<long> LastCommitted(CancellationToken ct)
    {
        await using var command = database.CreateCommand($"select coalesce(max(seq_id), 0) from {settings.Schema}.mt_events");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
