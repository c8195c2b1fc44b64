using System.Collections.Concurrent;
using Archive.Audit;
using Archive.Domain;
using Archive.Domain.Actors;
using Archive.Domain.Common;
using Archive.Domain.Sources;
using Archive.Domain.Statements;
using Archive.Store;
using Archive.Store.Database;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;

namespace Archive.Benchmarks.PlainMarten;

/// <summary>An actor's stream as a handler without grains sees it: the domain state and the hash of its last event.</summary>
public sealed record ActorStream(string Id, ActorState State, string? Head);

/// <summary>Folds an actor's events into <see cref="ActorStream"/> on every fetch (live: nothing is stored).</summary>
public sealed partial class ActorStreamAggregation : SingleStreamProjection<ActorStream, string>
{
    public override ActorStream? Evolve(ActorStream? snapshot, string id, IEvent e) =>
        new(id, (snapshot?.State ?? ActorState.Empty).Apply(e.Data), e.GetHeader(EventHash.Header)?.ToString());
}

/// <summary>
/// M1: what a team without Orleans would build on the same schema — the archive's own store configuration and read
/// models (inline projections in the append's transaction, the async daemon for the audit entries), the same domain
/// decision and hash chain, and one Marten session per command: FetchForWriting on the actor's stream (a live
/// aggregation of its events), append, SaveChanges. A stale version (two commands on one actor at once) is retried
/// on a fresh session, as such a handler would. Sources are cached once read, as the actor grain caches them.
/// </summary>
public sealed class PlainMartenWriter : IAsyncDisposable
{
    private const string Principal = "bench";
    private readonly DocumentStore _store;
    private readonly IProjectionDaemon _daemon;
    private readonly ConcurrentDictionary<string, SourceState> _sources = new(StringComparer.Ordinal);
    private long _retries;

    private PlainMartenWriter(DocumentStore store, IProjectionDaemon daemon, string schema)
    {
        _store = store;
        _daemon = daemon;
        Schema = schema;
    }

    public string Schema { get; }

    /// <summary>Commands that met a stale version and were decided again on a fresh session.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    public static async Task<PlainMartenWriter> Start(string connectionString, string schema)
    {
        await ArchiveDatabase.MigrateAsync(connectionString, schema);
        var store = DocumentStore.For(options =>
        {
            ArchiveStore.Configure(options, connectionString, schema);
            options.Projections.Add(new ActorStreamAggregation(), ProjectionLifecycle.Live);
        });
        var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.StartAllAsync();
        return new PlainMartenWriter(store, daemon, schema);
    }

    private static CommandContext Meta() => new(Principal, DateTimeOffset.UtcNow);

    /// <summary>Registers sources and actors, each a new stream started in a session of its own.</summary>
    public async Task Prepare(IEnumerable<(string Id, RegisterSource Command)> sources, IEnumerable<RegisterActor> actors)
    {
        await Parallel.ForEachAsync(sources, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (s, ct) =>
        {
            var decision = Must(RegisterSource.Handle(SourceState.Empty, s.Command, Meta()), s.Id);
            await StartStream(StreamKeys.Source(s.Id), decision.Events, ct);
            _sources[s.Id] = SourceState.Replay(decision.Events);
        });
        await Parallel.ForEachAsync(actors, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (a, ct) =>
            await StartStream(StreamKeys.Actor(a.ActorId), Must(RegisterActor.Handle(ActorState.Empty, a, Meta()), a.ActorId).Events, ct));
    }

    private async Task StartStream(string key, IReadOnlyList<object> events, CancellationToken ct)
    {
        await using var session = _store.LightweightSession();
        var action = session.Events.StartStream(key, events.ToArray());
        var hashes = Hash(null, key, 0, events);
        for (var i = 0; i < action.Events.Count; i++) Stamp(action.Events[i], hashes[i]);
        await session.SaveChangesAsync(ct);
    }

    /// <summary>Records one statement: fetch, decide, hash, append, commit; true when a new statement was appended.</summary>
    public async Task<bool> RecordStatement(RecordStatement command)
    {
        var key = StreamKeys.Actor(command.ActorId);
        var source = _sources.TryGetValue(command.SourceId, out var cached) ? cached : await LoadSource(command.SourceId);
        command = command.Located(source);
        for (var attempt = 1; ; attempt++)
        {
            await using var session = _store.LightweightSession();
            var stream = await session.Events.FetchForWriting<ActorStream>(key);
            var state = stream.Aggregate?.State ?? ActorState.Empty;
            var decision = Must(Domain.Statements.RecordStatement.Handle(state, command,
                new RecordingContext(source, new HashSet<string>(), new HashSet<string>()), Meta()), command.ActorId);
            if (decision.IsNoOp) return false;
            var version = stream.CurrentVersion ?? 0;
            var hashes = Hash(stream.Aggregate?.Head, key, version, decision.Events);
            for (var i = 0; i < decision.Events.Count; i++)
            {
                stream.AppendOne(decision.Events[i]);
                Stamp(stream.Events[^1], hashes[i]);
            }
            try
            {
                await session.SaveChangesAsync();
                return true;
            }
            catch (Exception e) when (IsStale(e) && attempt < 20)
            {
                Interlocked.Increment(ref _retries);
            }
        }
    }

    private async Task<SourceState?> LoadSource(string sourceId)
    {
        await using var session = _store.QuerySession();
        var events = await session.Events.FetchStreamAsync(StreamKeys.Source(sourceId));
        var state = SourceState.Replay(events.Select(e => e.Data));
        return state.Exists ? _sources[sourceId] = state : null;
    }

    private string[] Hash(string? head, string key, long version, IReadOnlyList<object> events)
    {
        var serializer = _store.Options.Serializer();
        return events.Select((e, i) => head = EventHash.ComputeFromJson(head, key, version + i + 1,
            EventAliases.ByType[e.GetType()], serializer.ToJson(e))).ToArray();
    }

    private static void Stamp(IEvent e, string hash)
    {
        e.SetHeader(ArchiveStore.PrincipalHeader, Principal);
        e.SetHeader(EventHash.Header, hash);
    }

    private static Decision Must(Decision decision, string what) => decision.Succeeded ? decision
        : throw new InvalidOperationException($"M1: {what}: {string.Join("; ", decision.Errors.Select(e => $"{e.Field}: {e.Reason}"))}");

    // Marten and JasperFx name these differently between versions: a stale expected version, or the unique index on (stream, version).
    private static bool IsStale(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e.GetType().Name is "ConcurrencyException" or "EventStreamUnexpectedMaxEventIdException") return true;
            if (e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation }) return true;
        }
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        await _daemon.StopAllAsync();
        (_daemon as IDisposable)?.Dispose();
        _store.Dispose();
    }
}
