using System.Data;
using Archive.Store.Statements;
using JasperFx.Events;
using JasperFx.Events.Grouping;
using Marten;
using Npgsql;

namespace Archive.Store.Storage;

/// <summary>
/// Reads the events a statement-keyed projection folds, a page at a time, straight from <c>mt_events</c>, and groups
/// them by statement. Marten's event query and its slicer did the same work at 57 % and most of the fold's CPU
/// (docs/performance.md); this reads only the columns the fold uses, deserialises each event's data with the store's
/// own serializer (so the objects are the ones Marten would give), and groups in one pass in position order.
/// </summary>
internal sealed class StatementEventPages
{
    private readonly ISerializer _serializer;
    private readonly string _sql;
    private readonly string[] _aliases;
    private byte[] _buffer = new byte[16 * 1024]; // one event's JSON at a time, reused: pages are read one after another
    private readonly Dictionary<string, (Type Type, string DotNetName, Func<object, IEvent> Wrap)> _byAlias = new(StringComparer.Ordinal);

    public StatementEventPages(DocumentStore store, IEnumerable<Type> types)
    {
        _serializer = store.Options.Serializer();
        foreach (var type in types)
        {
            var mapping = ((Marten.Events.EventGraph)store.Options.Events).EventMappingFor(type);
            var wrap = typeof(StatementEventPages).GetMethod(nameof(Wrap), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(type).CreateDelegate<Func<object, IEvent>>();
            _byAlias[mapping.EventTypeName] = (type, mapping.DotNetTypeName, wrap);
        }
        _aliases = [.. _byAlias.Keys];
        // the data last, so that sequential access knows its type before reading it; archived events are left out, as
        // Marten's query leaves them out
        _sql = $"""
            select seq_id, id, stream_id, version, type, timestamp, tenant_id, data from {store.Options.Events.DatabaseSchemaName}.mt_events
            where seq_id > @after and seq_id <= @through and type = any(@types) and is_archived = false
            order by seq_id limit @limit
            """;
    }

    /// <summary>The next page of at most <paramref name="limit"/> events after <paramref name="after"/>, in position order.</summary>
    public async Task<List<IEvent>> Read(NpgsqlConnection connection, long after, long through, int limit, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(_sql, connection);
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("through", through);
        command.Parameters.AddWithValue("types", _aliases);
        command.Parameters.AddWithValue("limit", limit);
        var events = new List<IEvent>(limit);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        while (await reader.ReadAsync(ct))
        {
            var sequence = reader.GetInt64(0);
            var id = reader.GetGuid(1);
            var stream = reader.GetString(2);
            var version = reader.GetInt64(3);
            var alias = reader.GetString(4);
            if (!_byAlias.TryGetValue(alias, out var known)) throw new InvalidOperationException($"event {sequence} has type {alias}, not one this projection folds");
            var timestamp = reader.GetFieldValue<DateTimeOffset>(5);
            var tenant = reader.GetString(6);
            var e = known.Wrap(await Data(reader, known.Type, ct));
            e.Sequence = sequence;
            e.Id = id;
            e.StreamKey = stream;
            e.Version = version;
            e.EventTypeName = alias;
            e.DotNetTypeName = known.DotNetName;
            e.Timestamp = timestamp;
            e.TenantId = tenant;
            events.Add(e);
        }
        return events;
    }

    /// <summary>
    /// The event's data, read whole into one reused buffer and deserialised by the store's serializer. (Marten's own
    /// <c>FromJson(type, reader, index)</c> assumes one read returns the whole column, which sequential access does not
    /// promise once a row crosses Npgsql's read buffer.)
    /// </summary>
    private async ValueTask<object> Data(NpgsqlDataReader reader, Type type, CancellationToken ct)
    {
        await using var column = await reader.GetStreamAsync(7, ct);
        var length = 0;
        while (true)
        {
            if (length == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
            var read = await column.ReadAsync(_buffer.AsMemory(length), ct);
            if (read == 0) break;
            length += read;
        }
        return _serializer.FromJson(type, new MemoryStream(_buffer, 0, length, writable: false, publiclyVisible: true));
    }

    /// <summary>
    /// Groups a page's events by the statements they touch, as the projection's slicer does: each event goes to every
    /// statement its identities name (once, even when a link names the same statement twice), each statement's events
    /// in position order.
    /// </summary>
    public static SliceGroup<TDoc, string> Group<TDoc>(IReadOnlyList<IEvent> events) where TDoc : class
    {
        var tenant = events.Count == 0 ? JasperFx.StorageConstants.DefaultTenantId : events[0].TenantId;
        var group = new SliceGroup<TDoc, string>(tenant);
        foreach (var e in events)
        {
            if (e.TenantId != tenant) throw new InvalidOperationException($"event {e.Sequence} belongs to tenant {e.TenantId}, the page to {tenant}");
            var (first, second) = StatementKeys.Of(e.Data);
            group.AddEvent(first, e);
            if (second is not null && second != first) group.AddEvent(second, e);
        }
        return group;
    }

    private static IEvent Wrap<T>(object data) where T : notnull => new Event<T>((T)data);
}
