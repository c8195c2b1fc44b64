using Archive.Domain;
using Archive.Domain.Audit;
using Archive.Domain.Common;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Orleans.EventSourcing;
using Orleans.EventSourcing.CustomStorage;
using Orleans.Providers;

namespace Archive.Grains.Storage;

/// <summary>
/// A journaled grain that is the single writer of one Marten stream. It holds the stream's version, appends
/// with it as the expected version (Marten refuses a stale one), and lets Orleans batch the events raised by
/// concurrent calls into one transaction. State is rebuilt from the stream on activation.
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

    /// <summary>The state including events raised but not yet confirmed: what the next decision must see.</summary>
    protected TState Current => TentativeState.Current ?? Initial;

    /// <summary>The state as committed to the store: what other grains may rely on.</summary>
    protected TState Confirmed => State.Current ?? Initial;

    protected CommandContext Meta(WriteContext context) => new(context.Principal, Clock.GetUtcNow());

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
    protected async Task<WriteResult> Commit(Decision decision, WriteContext context, string? id)
    {
        if (!decision.Succeeded) return WriteResult.Refused(decision.Errors);
        if (decision.IsNoOp)
        {
            await ConfirmEvents();
            return new WriteResult(id, Version, _lastPosition, false, []);
        }

        var pending = decision.Events
            .Select(e => new PendingEvent { Data = e, Principal = context.Principal, CorrelationId = context.CorrelationId })
            .ToArray();
        if (!await RaiseConditionalEvents(pending))
        {
            return WriteResult.Refused([DomainError.Conflict("version",
                $"stream '{StreamKey}' was changed by another writer; the archive reloaded it, retry the request")]);
        }
        return new WriteResult(id, Version, _lastPosition, true, []);
    }

    public async Task<KeyValuePair<int, StreamView<TState>>> ReadStateFromStorage()
    {
        await using var session = Store.QuerySession();
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

    public async Task<bool> ApplyUpdatesToStorage(IReadOnlyList<PendingEvent> updates, int expectedVersion)
    {
        var appendStarted = System.Diagnostics.Stopwatch.GetTimestamp(); // telemetry: append latency
        // Statement views are also written by other streams (filings, incoming links): serialise the transactions
        // that touch the same statement, so no inline projection overwrites another's update with a stale view.
        var keys = updates.SelectMany(u => SharedReadModels.KeysOf(u.Data)).Distinct().Order(StringComparer.Ordinal).ToArray();
        await using var connection = Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (keys.Length > 0)
        {
            await using var lockCommand = new Npgsql.NpgsqlCommand(
                "select count(pg_advisory_xact_lock(hashtextextended(k, 0))) from (select unnest(@keys) k order by 1) ordered", connection, transaction);
            lockCommand.Parameters.AddWithValue("keys", keys);
            await lockCommand.ExecuteScalarAsync();
        }
        await using var session = Store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction, false));
        // The grain holds the chain's head, so it hashes without reading the stream.
        var head = _head;
        var serializer = Store.Options.Serializer();
        var events = updates.Select((u, i) =>
        {
            var e = session.Events.BuildEvent(u.Data);
            e.CorrelationId = u.CorrelationId;
            e.SetHeader(Archive.Projections.ArchiveStore.PrincipalHeader, u.Principal);
            head = EventHash.Compute(head, StreamKey, expectedVersion + i + 1, EventAliases.ByType[u.Data.GetType()],
                CanonicalJson.Canonicalize(serializer.ToJson(u.Data)));
            e.SetHeader(EventHash.Header, head);
            return (object)e;
        }).ToArray();

        if (expectedVersion == 0) session.Events.StartStream(StreamKey, events);
        else session.Events.Append(StreamKey, expectedVersion + events.Length, events);

        try
        {
            await session.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (Exception ex) when (VersionConflicts.Is(ex))
        {
            // Another writer appended to this stream: tell the log view, which reloads the stream.
            Telemetry.ArchiveMetrics.Of(ServiceProvider)?.Conflicted(StreamKey); // telemetry
            return false;
        }
        _lastPosition = Math.Max(_lastPosition, events.Cast<IEvent>().Max(e => e.Sequence));
        _head = head;
        Telemetry.ArchiveMetrics.Of(ServiceProvider)?.Committed(StreamKey, updates.Select(u => u.Data), appendStarted); // telemetry
        return true;
    }
}
