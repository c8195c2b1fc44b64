using System.Diagnostics;
using Archive.Store.Statements;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Grouping;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace Archive.Store.Storage;

/// <summary>A rebuild of one read model that the daemon's host runs instead of Marten's.</summary>
public interface ISetBasedRebuild
{
    /// <summary>
    /// Empties the read model's table and projects every event up to <paramref name="through"/> into it, page by page;
    /// <paramref name="reached"/> hears the position of each page written.
    /// </summary>
    Task<RebuildTimes> Run(long through, Action<long> reached, CancellationToken ct);
}

/// <summary>Where a set-based rebuild spent its time: reading events, folding them, writing the documents.</summary>
public sealed record RebuildTimes(long Events, long Documents, TimeSpan Reading, TimeSpan Folding, TimeSpan Writing)
{
    public override string ToString() =>
        $"{Events} events into {Documents} documents: reading {Reading.TotalSeconds:0.00} s, folding {Folding.TotalSeconds:0.00} s, writing {Writing.TotalSeconds:0.00} s";
}

/// <summary>Which read models are rebuilt set-based: those keyed by statement.</summary>
public static class StatementViewRebuild
{
    /// <summary>Events per page: large enough that a statement's recording and its filings mostly share one.</summary>
    public const int PageSize = 10_000;

    /// <summary>The set-based rebuild of <paramref name="model"/>, or null when Marten's daemon rebuilds it.</summary>
    public static ISetBasedRebuild? For(ReadModel model, DocumentStore store, string connectionString, int pageSize = PageSize)
    {
        for (var type = model.Projection.BaseType; type is not null; type = type.BaseType)
        {
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(StatementKeyedProjection<>)) continue;
            var projection = store.Options.Projections.All.FirstOrDefault(p => p.GetType() == model.Projection)
                ?? throw new InvalidOperationException($"the store has no projection {model.Projection.Name}");
            var rebuild = typeof(StatementViewRebuild<>).MakeGenericType(type.GetGenericArguments()[0]);
            return (ISetBasedRebuild)Activator.CreateInstance(rebuild, store, projection, connectionString, pageSize)!;
        }
        return null;
    }
}

/// <summary>
/// Rebuilds a read model with one document per statement without Marten's daemon: it reads the events that touch the
/// documents in large pages by position with plain Npgsql (<see cref="StatementEventPages"/>), groups them by statement as
/// the projection's slicer does and folds each group with the projection's own Create/Apply dispatch (exactly as the
/// inline projection does, from the documents earlier pages wrote), and writes the page's documents
/// in one binary COPY into a temporary table and one insert … select. Marten's daemon does the same work in pages of
/// 500 events with one upsert per document, which made it cost 0.21–0.26 ms of CPU per event (docs/performance.md).
/// Every command is bounded by a page, so a rebuild of any size finishes; memory holds two pages.
/// </summary>
public sealed class StatementViewRebuild<TDoc>(DocumentStore store, object projection, string connectionString, int pageSize) : ISetBasedRebuild
    where TDoc : class
{
    private readonly IAggregationProjection<TDoc, string, IDocumentOperations, IQuerySession> _projection =
        (IAggregationProjection<TDoc, string, IDocumentOperations, IQuerySession>)projection;

    private readonly StatementEventPages _pages = new(store, ((IAggregationProjection<TDoc, string, IDocumentOperations, IQuerySession>)projection).AllEventTypes);

    private readonly string _table = ((IReadOnlyStoreOptions)store.Options).FindOrResolveDocumentType(typeof(TDoc)).TableName.QualifiedName;

    private TimeSpan _reading, _folding, _writing;
    private long _events, _documents;

    /// <summary>One folded page: its documents as JSON, the ones it deleted, and the objects a later page folds on.</summary>
    private sealed record Folded(List<(string Id, string Json, long Version)> Rows, List<string> Deleted, Dictionary<string, TDoc?> Latest, long Position);

    /// <summary>
    /// While PostgreSQL writes one page, the next is read and folded: the documents of the page being written come
    /// from memory, those of earlier pages (committed) from the table.
    /// </summary>
    public async Task<RebuildTimes> Run(long through, Action<long> reached, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        // the next page is read on its own connection while this one writes the last
        await using var reading = new NpgsqlConnection(connectionString);
        await reading.OpenAsync(ct);
        await Execute(connection, null, $"truncate {_table}", ct);
        var after = 0L;
        Folded? writing = null;
        Task written = Task.CompletedTask;
        try
        {
            while (after < through)
            {
                var started = Stopwatch.GetTimestamp();
                var events = await _pages.Read(reading, after, through, pageSize, ct);
                _reading += Stopwatch.GetElapsedTime(started);
                if (events.Count == 0) break;
                _events += events.Count;
                var folded = await Fold(events, writing?.Latest, ct);
                await written;
                if (writing is not null) reached(writing.Position);
                written = Write(connection, folded, ct);
                writing = folded;
                after = folded.Position;
            }
        }
        catch (Exception) when (!written.IsCompleted)
        {
            // the page being written still holds the connection; the first failure is the one reported
            try { await written; }
            catch (Exception) { }
            throw;
        }
        await written;
        if (writing is not null) reached(writing.Position);
        return new RebuildTimes(_events, _documents, _reading, _folding, _writing);
    }

    /// <summary>
    /// Folds one page exactly as the inline projection folds a transaction's events: grouped by statement as the
    /// projection's slicer groups them, each group applied by the projection's Create/Apply dispatch to the document as
    /// it stood.
    /// </summary>
    private async Task<Folded> Fold(IReadOnlyList<IEvent> events, Dictionary<string, TDoc?>? unwritten, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var serializer = store.Options.Serializer();
        await using var session = store.LightweightSession();
        var folded = new Folded([], [], [], events[^1].Sequence);
        _projection.StartBatch();
        var group = StatementEventPages.Group<TDoc>(events);
        await _projection.EnrichEventsAsync(group, session, ct);
        var storage = await ((IStorageOperations)session).FetchProjectionStorageAsync<TDoc, string>(group.TenantId, ct);
        var slices = ((IEnumerable<EventSlice<TDoc, string>>)group.Slices).ToList();
        var unknown = slices.Select(s => s.Id).Where(id => unwritten?.ContainsKey(id) != true).ToArray();
        var stored = await storage.LoadManyAsync(unknown, ct);
        foreach (var slice in slices)
        {
            var snapshot = unwritten is not null && unwritten.TryGetValue(slice.Id, out var fresh) ? fresh : stored.GetValueOrDefault(slice.Id);
            var sliceEvents = slice.Events();
            var (doc, action) = await _projection.DetermineActionAsync(session, snapshot, slice.Id, storage, sliceEvents, ct);
            doc = _projection.TryApplyMetadata(sliceEvents, doc, slice.Id, storage).Item2;
            if (action is ActionType.Delete or ActionType.HardDelete)
            {
                folded.Deleted.Add(slice.Id);
                folded.Latest[slice.Id] = null;
            }
            else if (action != ActionType.Nothing && doc is not null)
            {
                // serialised now: the next page may change this very object while this page is written
                folded.Rows.Add((slice.Id, serializer.ToJson(doc), sliceEvents[^1].Sequence));
                folded.Latest[slice.Id] = doc;
            }
        }
        await _projection.EndBatchAsync();
        _folding += Stopwatch.GetElapsedTime(started);
        return folded;
    }

    /// <summary>Writes a folded page in one transaction: one binary COPY into a temporary table, one insert … select.</summary>
    private async Task Write(NpgsqlConnection connection, Folded page, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await Execute(connection, transaction, "create temp table archive_rebuild_page (id text not null, data jsonb not null, version bigint not null) on commit drop", ct);
        await using (var copy = await connection.BeginBinaryImportAsync("copy archive_rebuild_page (id, data, version) from stdin (format binary)", ct))
        {
            foreach (var (id, json, version) in page.Rows)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(id, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(json, NpgsqlDbType.Jsonb, ct);
                await copy.WriteAsync(version, NpgsqlDbType.Bigint, ct);
            }
            await copy.CompleteAsync(ct);
        }
        // the version is the last event folded into the document, as Marten's rebuild writes it
        await using (var upsert = new NpgsqlCommand($"""
            insert into {_table} (id, data, mt_last_modified, mt_dotnet_type, mt_version)
            select id, data, transaction_timestamp(), @type, version from archive_rebuild_page
            on conflict (id) do update set data = excluded.data, mt_last_modified = excluded.mt_last_modified,
              mt_dotnet_type = excluded.mt_dotnet_type, mt_version = excluded.mt_version;
            delete from {_table} where id = any(@deleted);
            """, connection, transaction))
        {
            upsert.Parameters.AddWithValue("type", typeof(TDoc).FullName!);
            upsert.Parameters.AddWithValue("deleted", page.Deleted.ToArray());
            await upsert.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        _writing += Stopwatch.GetElapsedTime(started);
        _documents += page.Rows.Count;
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }
}
