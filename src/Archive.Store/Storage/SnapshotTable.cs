using System.Buffers;
using System.Data;
using Marten;
using Npgsql;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Archive.Store.Storage;

/// <summary>
/// Where grains' snapshots live: one row per stream, the state's bytes in a <c>bytea</c> column stored out of line
/// and not compressed by PostgreSQL. A cold activation then reads the state as PostgreSQL stored it, with no jsonb to
/// detoast and render or extract, and no decompression in the server (measured in docs/performance.md, "cold activation
/// without the jsonb detour"); actor states arrive already compressed by the archive (ActorSnapshotFormat), so the
/// value has fewer TOAST chunks to assemble. Snapshots kept before this table (Marten's <c>mt_doc_streamsnapshot</c> documents) are never read: those
/// streams are replayed until their grains write their next snapshot here.
/// </summary>
public sealed class SnapshotTable : Table
{
    public const string Name = "archive_snapshots";

    public SnapshotTable(string schema) : base(new PostgresqlObjectName(schema, Name, SchemaUtils.IdentifierUsage.General))
    {
        AddColumn<string>("id").AsPrimaryKey();
        AddColumn<long>("version").NotNull();
        AddColumn<string>("head");
        AddColumn<string>("state_type").NotNull();
        AddColumn("state", "bytea").NotNull();
        AddColumn("taken_at", "timestamp with time zone").NotNull();
    }

    // EXTERNAL: out of line but not compressed. A snapshot is read far more often than written, and its bytes are
    // already compact and compressed (ActorSnapshotFormat); pglz does not compress them further, and lz4 compressing
    // the uncompressed format read slower than storing it as is (docs/performance.md, "snapshots stored compressed").
    public override void WriteCreateStatement(Migrator migrator, TextWriter writer)
    {
        base.WriteCreateStatement(migrator, writer);
        writer.WriteLine($"alter table {Identifier.QualifiedName} alter column state set storage external;");
    }

    /// <summary>The table in <paramref name="store"/>'s schema.</summary>
    public static string QualifiedName(IDocumentStore store) => $"{store.Options.DatabaseSchemaName}.{Name}";

    /// <summary>Writes <paramref name="snapshot"/> with the session's other changes, in its transaction, replacing the stream's previous one.</summary>
    public static void Queue(IDocumentSession session, StreamSnapshot snapshot) =>
        session.QueueSqlCommand($"""
            insert into {QualifiedName(session.DocumentStore)} (id, version, head, state_type, state, taken_at) values (?, ?, ?, ?, ?, ?)
            on conflict (id) do update set version = excluded.version, head = excluded.head, state_type = excluded.state_type,
              state = excluded.state, taken_at = excluded.taken_at
            """, snapshot.Id, snapshot.Version, (object?)snapshot.Head ?? DBNull.Value, snapshot.StateType, snapshot.State,
            snapshot.TakenAt);

    /// <summary>
    /// The stream's snapshot with its state's bytes in a buffer rented from <see cref="ArrayPool{T}.Shared"/>
    /// (<see cref="RawSnapshot.Dispose"/> returns it), or null when the stream has none. One query, read sequentially,
    /// so the state goes from the socket into that buffer once.
    /// </summary>
    public static async Task<RawSnapshot?> ReadRaw(IDocumentStore store, string streamKey, CancellationToken ct = default)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"select version, head, state_type, octet_length(state), state from {QualifiedName(store)} where id = @id", connection);
        command.Parameters.AddWithValue("id", streamKey);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, ct);
        if (!await reader.ReadAsync(ct)) return null;
        var version = reader.GetInt64(0);
        var head = await reader.IsDBNullAsync(1, ct) ? null : reader.GetString(1);
        var type = reader.GetString(2);
        var length = reader.GetInt32(3);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            await using (var state = await reader.GetStreamAsync(4, ct))
                await state.ReadExactlyAsync(buffer.AsMemory(0, length), ct);
            return new RawSnapshot(version, head, type, buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>The stream's snapshot (for tools and tests; activation reads <see cref="ReadRaw"/>).</summary>
    public static async Task<StreamSnapshot?> Load(IDocumentStore store, string streamKey, CancellationToken ct = default)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"select version, head, state_type, state, taken_at from {QualifiedName(store)} where id = @id", connection);
        command.Parameters.AddWithValue("id", streamKey);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new StreamSnapshot
        {
            Id = streamKey, Version = reader.GetInt64(0), Head = reader.IsDBNull(1) ? null : reader.GetString(1), StateType = reader.GetString(2),
            State = reader.GetFieldValue<byte[]>(3), TakenAt = reader.GetFieldValue<DateTimeOffset>(4),
        };
    }

    /// <summary>Writes <paramref name="snapshot"/> on its own, replacing the stream's (for tools and tests; grains write with their append).</summary>
    public static async Task Save(IDocumentStore store, StreamSnapshot snapshot)
    {
        await using var session = store.LightweightSession();
        Queue(session, snapshot);
        await session.SaveChangesAsync();
    }
}

/// <summary>A snapshot row as read for activation; its state's bytes are <see cref="State"/>, in a pooled buffer.</summary>
public sealed class RawSnapshot(long version, string? head, string stateType, byte[] buffer, int length) : IDisposable
{
    private byte[]? _buffer = buffer;

    public long Version { get; } = version;
    public string? Head { get; } = head;
    public string StateType { get; } = stateType;

    public ArraySegment<byte> State => new(_buffer ?? throw new ObjectDisposedException(nameof(RawSnapshot)), 0, length);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } rented) ArrayPool<byte>.Shared.Return(rented);
    }
}
