using System.Diagnostics;
using Archive.Audit;
using Archive.Domain;
using Archive.Store.Telemetry;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Archive.Store.Storage;

/// <summary>A stream as loaded for its single writer: the state, its version, its chain head and its last global position.</summary>
public sealed record LoadedStream<TState>(TState State, int Version, string? Head, long LastPosition);

/// <summary>
/// What a stream's single writer needs from the store, in one service: loading its state (from a snapshot and the
/// events after it, or the whole stream), hashing its new events onto the chain, appending them through the silo's
/// <see cref="GroupCommitter"/> (retrying while PostgreSQL is away), and snapshotting on the configured interval.
/// </summary>
public sealed class StreamStore(IDocumentStore store, GroupCommitter committer, IOptions<CommitOptions> options, TimeProvider clock,
    ILoggerFactory loggers, ArchiveMetrics? metrics = null)
{
    private readonly CommitOptions _options = options.Value;
    private readonly ILogger _log = loggers.CreateLogger<StreamStore>();

    public TimeProvider Clock { get; } = clock;

    /// <summary>Snapshots are taken every this many events of a stream that takes them; 0 when they are off.</summary>
    public int SnapshotEvery => _options.SnapshotEvery;

    /// <summary>A grain's load of its stream: one span each (<see cref="ArchiveTelemetry.LoadSource"/>).</summary>
    private static readonly ActivitySource Tracing = new(ArchiveTelemetry.LoadSource);

    /// <summary>The stream's state; from its snapshot when <paramref name="fromSnapshot"/> and one can be trusted.</summary>
    public async Task<LoadedStream<TState>> Load<TState>(string streamKey, TState initial, Func<TState, object, TState> apply, bool fromSnapshot)
        where TState : class
    {
        using var span = Tracing.StartActivity("archive.load");
        span?.SetTag("archive.stream", streamKey);
        await using var session = store.QuerySession();
        if (fromSnapshot && SnapshotEvery > 0 && await FromSnapshot(session, streamKey, apply, span) is { } restored) return Loaded(span, restored);
        var events = await session.Events.FetchStreamAsync(streamKey);
        var state = initial;
        foreach (var e in events) state = apply(state, e.Data);
        span?.SetTag("archive.load.from", "events");
        span?.SetTag("archive.load.events", events.Count);
        return Loaded(span, events.Count == 0
            ? new LoadedStream<TState>(state, 0, null, 0)
            : new LoadedStream<TState>(state, events.Count, events[^1].GetHeader(EventHash.Header)?.ToString(), events[^1].Sequence));
    }

    private static LoadedStream<TState> Loaded<TState>(Activity? span, LoadedStream<TState> loaded)
    {
        span?.SetTag("archive.stream.version", loaded.Version);
        return loaded;
    }

    /// <summary>The snapshot plus the events after it; null (with a warning) when the snapshot cannot be trusted.</summary>
    private async Task<LoadedStream<TState>?> FromSnapshot<TState>(IQuerySession session, string streamKey, Func<TState, object, TState> apply, Activity? span)
        where TState : class
    {
        using var snapshot = await SnapshotTable.ReadRaw(store, streamKey);
        if (snapshot is null) return null;
        span?.SetTag("archive.snapshot.version", snapshot.Version);
        span?.SetTag("archive.snapshot.bytes", snapshot.State.Count);
        // From the snapshot's own version: its event must still be there, with the hash the snapshot recorded.
        var fetching = session.Events.FetchStreamAsync(streamKey, fromVersion: Math.Max(1, snapshot.Version));
        // Parsed while the events are on their way; trusted only once they confirm the snapshot's version and head.
        var parsed = Snapshots.Read<TState>(store, snapshot.StateType, snapshot.State, out var reason);
        var events = await fetching;
        reason ??= events.Count == 0 || events[0].Version != snapshot.Version ? $"its version {snapshot.Version} is beyond the stream"
            : events[0].GetHeader(EventHash.Header)?.ToString() != snapshot.Head ? $"its chain head does not match event {snapshot.Version}"
            : null;
        var state = reason is null ? parsed : null;
        if (state is null)
        {
            _log.LogWarning("Ignoring the snapshot of {Stream}: {Reason}; replaying the stream", streamKey, reason);
            span?.SetTag("archive.snapshot.ignored", reason);
            return null;
        }
        foreach (var e in events.Skip(1)) state = apply(state, e.Data);
        span?.SetTag("archive.load.from", "snapshot");
        span?.SetTag("archive.load.events", events.Count - 1);
        return new LoadedStream<TState>(state, (int)events[^1].Version, events[^1].GetHeader(EventHash.Header)?.ToString(), events[^1].Sequence);
    }

    /// <summary>The chain hashes of <paramref name="events"/> appended after <paramref name="head"/> at <paramref name="expectedVersion"/>.</summary>
    public string[] Hash(string? head, string streamKey, long expectedVersion, IEnumerable<object> events)
    {
        var serializer = store.Options.Serializer();
        return events.Select((e, i) => head = EventHash.ComputeFromJson(head, streamKey, expectedVersion + i + 1,
            EventAliases.ByType[e.GetType()], serializer.ToJson(e))).ToArray();
    }

    /// <summary>A snapshot of <paramref name="state"/> at <paramref name="version"/>, committed with the append that reaches it.</summary>
    public StreamSnapshot Snapshot<TState>(string streamKey, long version, string? head, TState state) where TState : class =>
        Snapshots.Of(store, streamKey, version, head, state, Clock.GetUtcNow());

    /// <summary>
    /// Appends through the group committer. While PostgreSQL is unreachable the append is tried again every 100 ms to
    /// 1 s, for up to <see cref="CommitOptions.DatabaseRetryWindow"/>, so the writer commits within a second of the
    /// database's return. A retry of a commit whose outcome was unknown cannot append twice: the expected version
    /// refuses it, and the writer reloads its stream.
    /// </summary>
    public async Task<AppendOutcome> Append(Func<StreamAppend> append)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp(); // telemetry: append latency
        var until = DateTime.UtcNow + _options.DatabaseRetryWindow;
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            var attempt = append();
            AppendOutcome outcome;
            try
            {
                outcome = await committer.Append(attempt);
            }
            catch (Exception e) when (DatabaseAway(e) && DateTime.UtcNow + delay < until)
            {
                await Task.Delay(delay);
                delay = TimeSpan.FromMilliseconds(Math.Min(1000, delay.TotalMilliseconds * 2));
                continue;
            }
            if (outcome.Committed) metrics?.Committed(attempt.StreamKey, attempt.Events.Select(e => e.Data), started);
            else metrics?.Conflicted(attempt.StreamKey);
            return outcome;
        }
    }

    private static bool DatabaseAway(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is Npgsql.NpgsqlException { IsTransient: true } or System.Net.Sockets.SocketException) return true;
        return false;
    }
}
