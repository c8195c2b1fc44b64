using Archive.Domain.Common;
using Archive.Grains.Interfaces;
using Archive.Store.Storage;
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

    private readonly StreamStore _storage;
    private long _lastPosition;
    private string? _head; // the hash of the stream's last committed event

    protected StreamGrain(StreamStore storage) => _storage = storage;

    protected TimeProvider Clock => _storage.Clock;

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

    // No OnActivateAsync of our own: JournaledGrain's (LogViewAdaptor.Synchronize) already loads the stream and waits
    // for it before the first call decides anything. Refreshing once more after it read the whole snapshot a second
    // time, which doubled every cold activation (docs/performance.md, "cold activation read its snapshot twice").

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
        // Caller headers are checked before anything is decided: a bad one refuses every command, and none can replace the chain's own.
        if (NewEvent.HeadersProblem(context.Headers) is { } problem)
            return commands.Select(_ => WriteResult.Refused([DomainError.Invalid("headers", problem)])).ToArray();
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
                pending.Add(new PendingEvent { Data = e, Principal = context.Principal, CorrelationId = context.CorrelationId, Headers = context.Headers });
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
        var loaded = await _storage.Load(StreamKey, Initial, Apply, fromSnapshot: TakesSnapshots);
        if (loaded.Version > 0)
        {
            _lastPosition = Math.Max(_lastPosition, loaded.LastPosition);
            _head = loaded.Head;
        }
        return new(loaded.Version, new StreamView<TState> { Current = loaded.State });
    }

    public async Task<bool> ApplyUpdatesToStorage(IReadOnlyList<PendingEvent> updates, int expectedVersion)
    {
        // The grain holds the chain's head, so it hashes without reading the stream.
        var hashes = _storage.Hash(_head, StreamKey, expectedVersion, updates.Select(u => u.Data));
        var head = hashes.Length > 0 ? hashes[^1] : _head;
        var events = updates.Select(u => new NewEvent(u.Data, u.Principal, u.CorrelationId, u.Headers)).ToArray();
        var outcome = await _storage.Append(
            () => new StreamAppend(StreamKey, expectedVersion, events, hashes, SnapshotAfter(updates, expectedVersion, head)));
        // Another writer appended to this stream: telling the log view so makes it reload the stream.
        if (!outcome.Committed) return false;
        _lastPosition = Math.Max(_lastPosition, outcome.LastPosition);
        _head = head;
        return true;
    }

    /// <summary>A snapshot when this append crosses a multiple of the snapshot interval; it commits with the events.</summary>
    private StreamSnapshot? SnapshotAfter(IReadOnlyList<PendingEvent> updates, int expectedVersion, string? head)
    {
        var every = TakesSnapshots ? _storage.SnapshotEvery : 0;
        var version = expectedVersion + updates.Count;
        // State is the confirmed state the updates follow; if it is not, a snapshot would be wrong, so skip it.
        if (every <= 0 || expectedVersion / every == version / every || Version != expectedVersion) return null;
        var state = updates.Aggregate(Confirmed, (s, u) => Apply(s, u.Data));
        return _storage.Snapshot(StreamKey, version, head, state);
    }
}
