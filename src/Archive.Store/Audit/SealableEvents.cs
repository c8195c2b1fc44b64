using Archive.Audit;
using Marten;
using Npgsql;

namespace Archive.Store.Audit;

/// <summary>
/// The events a seal may cover: those after the last sealed position and at or below the store's high-water mark
/// (every transaction below it has committed or was abandoned, so no event can later appear inside a sealed range),
/// except the seals themselves. A tombstone (no hash) counts as the zero leaf.
/// </summary>
public sealed class SealableEvents(IDocumentStore store)
{
    public async Task<(IReadOnlyList<long> Positions, IReadOnlyList<string> Hashes)> After(long position, CancellationToken ct = default)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"""
            select seq_id, headers ->> '{EventHash.Header}' from {schema}.mt_events
            where seq_id > @after and stream_id <> @seals
              and seq_id <= (select coalesce(max(last_seq_id), 0) from {schema}.mt_event_progression where name = 'HighWaterMark')
            order by seq_id
            """, connection);
        command.Parameters.AddWithValue("after", position);
        command.Parameters.AddWithValue("seals", MerkleTree.SealStream);
        var positions = new List<long>();
        var hashes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            positions.Add(reader.GetInt64(0));
            hashes.Add(reader.IsDBNull(1) ? Tombstones.SealLeaf : reader.GetString(1));
        }
        return (positions, hashes);
    }
}
