using Archive.Domain;
using Archive.Domain.Audit;
using Archive.Domain.Common;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.EventSourcing;
using Orleans.EventSourcing.CustomStorage;
using Orleans.Providers;

namespace Archive.Grains.Storage;

/// <summary>
/// A journaled grain that is the single writer of one Marten stream. It holds the stream's version, appends
/// with it as the expected version (Marten refuses a stale one), and lets Orleans batch the events raised by
/// concurrent calls; the silo's <see cref="GroupCommitter"/> commits them together with other grains' events.
/// State is rebuilt on activation from the stream, or from a snapshot and the events after it.
/// </summary>
[LogConsistencyProvider(ProviderName = CustomStorageProvider)]
public abstract class StreamGrain<TState> : JournaledGrain<StreamView<TState>, PendingEvent>,
    ICustomStorageInterface<StreamView<TState>, PendingEvent>
    where TState : class
{
    public const string CustomStorageProvider = "CustomStorage";

    private IDocumentStore? _store;
    private long _lastPosition;
    private string? _head; // the hash of the stream's last committed event

    protected IDocumentStore Store => _store ??= ServiceProvider.GetRequiredService<IDocumentStore>();
    protected TimeProvider Clock => ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;

    /// <summary>The key of the stream this grain writes, e.g. <c>actor:lin-jian</c>.</summary>
    protected abstract string StreamKey { get; }
    protected abstract TState Initial { get; }
    protected abstract TState Apply(TState state, object @event);

    /// <summary>Long-lived streams (actors, topics) snapshot their state so activation does not replay them whole.</summary>
    protected virtual bool TakesSnapshots => false;

    /// <summary>The state including events raised but not yet confirmed: what the next decision must see.</summary>
    protected TState Current => TentativeState.Current ?? Initial;

    /// <summary>The state as committed to the store: what other grains may rely on.</summary>
    protected TState Confirmed => State.Current ?? Initial;

    protected CommandContext Meta(WriteContext context) => new(context.Principal, Clock.GetUtcNow());

    private int SnapshotEvery => TakesSnapshots ? ServiceProvider.GetRequiredService<IOptions<CommitOptions>>().Value.SnapshotEvery : 0;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        // Load before the first call decides anything; the log view would otherwise read lazily.
        await RefreshNow();
    }

    protected override void TransitionState(StreamView<TState> view, PendingEvent @event) =>
        view.Current = Apply(view.Current ?? Initial, @event.Data);

    /// <summary>
    /// Appends what a decision produced and waits until it is durable. A refused decision appends nothing;
    /// an idempotent repeat (no events) still waits for earlier pending events, so nothing is acknowledged
    /// before it is committed.
    /// </summary>
    protected async Task<WriteResult> Commit(Decision decision, WriteContext context, string? id) =>
        (await CommitEach([decision], (_, d) => d, _ => id, context))[0];

    /// <summary>
    /// Decides each command in order on the state the previous ones produced (so a repeat within the list is a
    /// no-op), then appends all their events at once. Each command gets its own answer: refused ones their errors,
    /// the others the stream's version and position once the append committed.
    /// </summary>
    protected async Task<IReadOnlyList<WriteResult>> CommitEach<TCommand>(
        IReadOnlyList<TCommand> commands, Func<TState, TCommand, Decision> decide, Func<TCommand, string?> idOf, WriteContext context)
    {
        var state = Current;
        var refused = new IReadOnlyList<DomainError>?[commands.Count];
        var appended = new bool[commands.Count];
        var pending = new List<PendingEvent>();
        for (var i = 0; i < commands.Count; i++)
        {
            var decision = decide(state, commands[i]);
            if (!decision.Succeeded) { refused[i] = decision.Errors; continue; }
            appended[i] = !decision.IsNoOp;
            foreach (var e in decision.Events)
            {
                pending.Add(new PendingEvent { Data = e, Principal = context.Principal, CorrelationId = context.CorrelationId });
                state = Apply(state, e);
            }
        }

        IReadOnlyList<DomainError>? conflict = null;
        if (pending.Count == 0) await ConfirmEvents();
        else if (!await RaiseConditionalEvents(pending))
        {
            conflict = [DomainError.Conflict("version",
                $"stream '{StreamKey}' was changed by another writer; the archive reloaded it, retry the request")];
        }
        return commands.Select((c, i) =>
            refused[i] is { } errors ? WriteResult.Refused(errors)
            : appended[i] && conflict is not null ? WriteResult.Refused(conflict)
            : new WriteResult(idOf(c), Version, _lastPosition, appended[i], [])).ToArray();
    }

    public async Task<KeyValuePair<int, StreamView<TState>>> ReadStateFromStorage()
    {
        await using var session = Store.QuerySession();
        if (SnapshotEvery > 0 && await FromSnapshot(session) is { } restored) return restored;
        var events = await session.Events.FetchStreamAsync(StreamKey);
        var state = Initial;
        foreach (var e in events) state = Apply(state, e.Data);
        if (events.Count > 0)
        {
            _lastPosition = Math.Max(_lastPosition, events[^1].Sequence);
            _head = events[^1].GetHeader(EventHash.Header)?.ToString();
        }
        return new(events.Count, new StreamView<TState> { Current = state });
    }

    /// <summary>The snapshot plus the events after it; null (with a warning) when the snapshot cannot be trusted.</summary>
    private async Task<KeyValuePair<int, StreamView<TState>>?> FromSnapshot(IQuerySession session)
    {
        var snapshot = await session.LoadAsync<StreamSnapshot>(StreamKey);
        if (snapshot is null) return null;
        // From the snapshot's own version: its event must still be there, with the hash the snapshot recorded.
        var events = await session.Events.FetchStreamAsync(StreamKey, fromVersion: Math.Max(1, snapshot.Version));
        var reason = snapshot.StateType != typeof(TState).Name ? $"it holds a {snapshot.StateType}"
            : events.Count == 0 || events[0].Version != snapshot.Version ? $"its version {snapshot.Version} is beyond the stream"
            : events[0].GetHeader(EventHash.Header)?.ToString() != snapshot.Head ? $"its chain head does not match event {snapshot.Version}"
            : null;
        var state = reason is null ? Snapshots.Read<TState>(Store, snapshot.State, out reason) : null;
        if (state is null)
        {
            ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(GetType())
                .LogWarning("Ignoring the snapshot of {Stream}: {Reason}; replaying the stream", StreamKey, reason);
            return null;
        }
        foreach (var e in events.Skip(1)) state = Apply(state, e.Data);
        _lastPosition = Math.Max(_lastPosition, events[^1].Sequence);
        _head = events[^1].GetHeader(EventHash.Header)?.ToString();
        return new((int)events[^1].Version, new StreamView<TState> { Current = state });
    }

    public async Task<bool> ApplyUpdatesToStorage(IReadOnlyList<PendingEvent> updates, int expectedVersion)
    {
        var appendStarted = System.Diagnostics.Stopwatch.GetTimestamp(); // telemetry: append latency
        // The grain holds the chain's head, so it hashes without reading the stream.
        var head = _head;
        var serializer = Store.Options.Serializer();
        var hashes = updates.Select((u, i) => head = EventHash.ComputeFromJson(head, StreamKey, expectedVersion + i + 1,
            EventAliases.ByType[u.Data.GetType()], serializer.ToJson(u.Data))).ToArray();

        var outcome = await AppendRetryingWhileTheDatabaseIsAway(
            () => new StreamAppend(StreamKey, expectedVersion, updates, hashes, SnapshotAfter(updates, expectedVersion, head)));
        if (!outcome.Committed)
        {
            // Another writer appended to this stream: tell the log view, which reloads the stream.
            Telemetry.ArchiveMetrics.Of(ServiceProvider)?.Conflicted(StreamKey); // telemetry
            return false;
        }
        _lastPosition = Math.Max(_lastPosition, outcome.LastPosition);
        _head = head;
        Telemetry.ArchiveMetrics.Of(ServiceProvider)?.Committed(StreamKey, updates.Select(u => u.Data), appendStarted); // telemetry
        return true;
    }

    /// <summary>
    /// While PostgreSQL is unreachable the append is tried again every 100 ms to 1 s, for up to
    /// <see cref="DatabaseRetryWindow"/>, so the grain commits within a second of the database's return. (Left to the
    /// log view, retries back off to 10 s apart.) A retry of a commit whose outcome was unknown cannot append twice:
    /// the expected version refuses it, and the log view reloads the stream.
    /// </summary>
    private async Task<AppendOutcome> AppendRetryingWhileTheDatabaseIsAway(Func<StreamAppend> append)
    {
        var committer = ServiceProvider.GetRequiredService<GroupCommitter>();
        var until = DateTime.UtcNow + DatabaseRetryWindow;
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                return await committer.Append(append());
            }
            catch (Exception e) when (DatabaseAway(e) && DateTime.UtcNow + delay < until)
            {
                await Task.Delay(delay);
                delay = TimeSpan.FromMilliseconds(Math.Min(1000, delay.TotalMilliseconds * 2));
            }
        }
    }

    public static TimeSpan DatabaseRetryWindow { get; set; } = TimeSpan.FromSeconds(60);

    private static bool DatabaseAway(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is Npgsql.NpgsqlException { IsTransient: true } or System.Net.Sockets.SocketException) return true;
        return false;
    }

    /// <summary>A snapshot when this append crosses a multiple of the snapshot interval; it commits with the events.</summary>
    private StreamSnapshot? SnapshotAfter(IReadOnlyList<PendingEvent> updates, int expectedVersion, string? head)
    {
        var every = SnapshotEvery;
        var version = expectedVersion + updates.Count;
        // State is the confirmed state the updates follow; if it is not, a snapshot would be wrong, so skip it.
        if (every <= 0 || expectedVersion / every == version / every || Version != expectedVersion) return null;
        var state = updates.Aggregate(Confirmed, (s, u) => Apply(s, u.Data));
        return Snapshots.Of(Store, StreamKey, version, head, state, Clock.GetUtcNow());
    }
}
