using System.Diagnostics;
using System.Threading.Channels;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Archive.Store.Storage;

/// <summary>
/// Coalesces the appends of every grain on the silo into shared Marten transactions: one commit's cost (the
/// round trips and the WAL flush) is paid by many streams. A worker takes whatever appends wait, up to the
/// batch bounds, and commits them; appends arriving meanwhile form the next batch, so an idle silo commits at
/// once and a busy one commits larger batches. An append is answered only after its transaction committed.
/// </summary>
public sealed class GroupCommitter : IAsyncDisposable
{
    private readonly IDocumentStore _store;
    private readonly CommitOptions _options;
    private readonly ILogger<GroupCommitter> _logger;
    private readonly Telemetry.ArchiveMetrics? _metrics;
    private readonly Channel<StreamAppend> _queue = Channel.CreateUnbounded<StreamAppend>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task[] _workers;
    private long _transactions, _appends, _events, _stale;

    public GroupCommitter(IDocumentStore store, IOptions<CommitOptions> options, ILogger<GroupCommitter> logger, Telemetry.ArchiveMetrics? metrics = null)
    {
        _store = store;
        _options = options.Value;
        _logger = logger;
        _metrics = metrics;
        _workers = Enumerable.Range(0, _options.Concurrency).Select(_ => Task.Run(Work)).ToArray();
    }

    /// <summary>Transactions committed so far (each holding one or more appends).</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    /// <summary>Appends committed so far.</summary>
    public long Appends => Interlocked.Read(ref _appends);

    public long Events => Interlocked.Read(ref _events);

    /// <summary>Appends refused because their stream was not at the expected version.</summary>
    public long StaleAppends => Interlocked.Read(ref _stale);

    /// <summary>Queues the append; the task completes when its transaction has committed, or with why it did not.</summary>
    public Task<AppendOutcome> Append(StreamAppend append)
    {
        if (!_queue.Writer.TryWrite(append)) append.Failed(new ObjectDisposedException(nameof(GroupCommitter), "the silo is stopping"));
        return append.Outcome;
    }

    /// <summary>Commits the appends as one batch, bypassing the queue: lets tests put a stale append among others.</summary>
    internal Task CommitTogether(IReadOnlyList<StreamAppend> appends) => Commit(appends.ToList());

    private async Task Work()
    {
        var carried = new List<StreamAppend>();
        try
        {
            while (carried.Count > 0 || await _queue.Reader.WaitToReadAsync(_stopping.Token))
            {
                var batch = Gather(carried);
                if (batch.Count > 0) await Commit(batch);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        foreach (var left in carried) left.Failed(new ObjectDisposedException(nameof(GroupCommitter), "the silo is stopping"));
    }

    /// <summary>Takes what waits, within the bounds; a second append to a stream already in the batch waits for the next one.</summary>
    private List<StreamAppend> Gather(List<StreamAppend> carried)
    {
        var batch = new List<StreamAppend>();
        var streams = new HashSet<string>(StringComparer.Ordinal);
        var events = 0;
        var next = new List<StreamAppend>();
        foreach (var append in carried) Take(append);
        carried.Clear();
        while (batch.Count < _options.MaxStreams && events < _options.MaxEvents && _queue.Reader.TryRead(out var append)) Take(append);
        carried.AddRange(next);
        return batch;

        void Take(StreamAppend append)
        {
            var fits = batch.Count == 0 || (batch.Count < _options.MaxStreams && events + append.Events.Count <= _options.MaxEvents);
            if (fits && streams.Add(append.StreamKey))
            {
                batch.Add(append);
                events += append.Events.Count;
            }
            else next.Add(append);
        }
    }

    /// <summary>
    /// Commits the batch; when a stream's expected version is stale, answers that append false and commits the
    /// rest again. Any other failure (PostgreSQL unreachable, a failed commit) fails every append of the batch:
    /// nothing of it is acknowledged, and each grain's log view retries.
    /// </summary>
    private async Task Commit(List<StreamAppend> batch)
    {
        var remaining = batch;
        while (remaining.Count > 0)
        {
            try
            {
                await CommitOnce(remaining);
                return;
            }
            catch (Exception ex) when (VersionConflicts.Is(ex))
            {
                var stale = VersionConflicts.StreamOf(ex) is { } key ? remaining.FirstOrDefault(a => a.StreamKey == key) : null;
                if (stale is null)
                {
                    // The conflict does not say which stream: find it by committing each append on its own.
                    await CommitOneByOne(remaining);
                    return;
                }
                MarkStale(stale);
                remaining = remaining.Where(a => a != stale).ToList();
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "A transaction of {Appends} appends failed; each grain retries", remaining.Count);
                foreach (var append in remaining) append.Failed(ex);
                return;
            }
        }
    }

    private async Task CommitOneByOne(List<StreamAppend> appends)
    {
        foreach (var append in appends)
        {
            try
            {
                await CommitOnce([append]);
            }
            catch (Exception ex) when (VersionConflicts.Is(ex))
            {
                MarkStale(append);
            }
            catch (Exception ex)
            {
                append.Failed(ex);
            }
        }
    }

    private void MarkStale(StreamAppend append)
    {
        Interlocked.Increment(ref _stale);
        append.Stale();
    }

    /// <summary>The span of one shared transaction (<see cref="Telemetry.ArchiveTelemetry.CommitSource"/>).</summary>
    private static readonly System.Diagnostics.ActivitySource Tracing = new(Telemetry.ArchiveTelemetry.CommitSource);

    private async Task CommitOnce(List<StreamAppend> appends)
    {
        // The transaction's span continues the first appender's trace and links the others' (a span has one
        // parent), so a request's trace reaches the SQL that committed its events.
        var traced = appends.Where(a => a.Trace != default).ToArray();
        using var span = traced.Length == 0 ? null : Tracing.StartActivity("archive.commit", System.Diagnostics.ActivityKind.Internal,
            traced[0].Trace, links: traced.Skip(1).Select(a => new System.Diagnostics.ActivityLink(a.Trace)));
        span?.SetTag("archive.transaction.streams", appends.Count);
        span?.SetTag("archive.transaction.events", appends.Sum(a => a.Events.Count));
        // Statement views are also written by other streams (filings, incoming links): every transaction takes the
        // locks of the statements it touches, all of them, in one order, so no inline projection overwrites another's
        // update with a view it read before that update committed, and no two transactions wait on each other.
        var keys = appends.SelectMany(a => a.Events).SelectMany(e => ReadModels.LockKeysOf(e.Data))
            .Distinct().Order(StringComparer.Ordinal).ToArray();
        await using var connection = _store.Storage.Database.CreateConnection();
        await connection.OpenAsync(_stopping.Token);
        await using var transaction = await connection.BeginTransactionAsync(_stopping.Token);
        if (keys.Length > 0)
        {
            await using var lockCommand = new NpgsqlCommand(
                "select count(pg_advisory_xact_lock(hashtextextended(k, 0))) from (select unnest(@keys) k order by 1) ordered", connection, transaction);
            lockCommand.Parameters.AddWithValue("keys", keys);
            await lockCommand.ExecuteScalarAsync(_stopping.Token);
        }
        await using var session = _store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction, false));
        var built = appends.Select(a => Build(session, a)).ToArray();
        await session.SaveChangesAsync(_stopping.Token);
        await transaction.CommitAsync(_stopping.Token);

        var events = appends.Sum(a => a.Events.Count);
        Interlocked.Increment(ref _transactions);
        Interlocked.Add(ref _appends, appends.Count);
        Interlocked.Add(ref _events, events);
        _metrics?.Transaction(appends.Count, events);
        for (var i = 0; i < appends.Count; i++) appends[i].Committed(built[i].Max(e => e.Sequence));
    }

    private static IEvent[] Build(IDocumentSession session, StreamAppend append)
    {
        var events = append.Events.Select((u, i) =>
        {
            var e = session.Events.BuildEvent(u.Data);
            e.CorrelationId = u.CorrelationId;
            // The caller's headers first, so the archive's own (checked to be absent from them by the grain) always win.
            foreach (var (name, value) in u.Headers ?? new Dictionary<string, string>())
                if (!NewEvent.ReservedHeaders.Contains(name)) e.SetHeader(name, value);
            e.SetHeader(Archive.Store.ArchiveStore.PrincipalHeader, u.Principal);
            e.SetHeader(Archive.Audit.EventHash.Header, append.Hashes[i]);
            return e;
        }).ToArray();
        var objects = events.Cast<object>().ToArray();
        if (append.ExpectedVersion == 0) session.Events.StartStream(append.StreamKey, objects);
        else session.Events.Append(append.StreamKey, append.ExpectedVersion + events.Length, objects);
        if (append.Snapshot is { } snapshot) SnapshotTable.Queue(session, snapshot);
        return events;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        // Let queued appends commit; a worker blocked on an unreachable database is cancelled.
        var drained = Task.WhenAll(_workers);
        if (await Task.WhenAny(drained, Task.Delay(TimeSpan.FromSeconds(10))) != drained) await _stopping.CancelAsync();
        try { await drained; } catch (OperationCanceledException) { }
        while (_queue.Reader.TryRead(out var left)) left.Failed(new ObjectDisposedException(nameof(GroupCommitter), "the silo is stopping"));
        _stopping.Dispose();
    }
}
