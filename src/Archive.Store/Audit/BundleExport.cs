using System.Runtime.CompilerServices;
using System.Text.Json;
using Archive.Audit;
using Archive.Audit.Bundles;
using Npgsql;

namespace Archive.Store.Audit;

/// <summary>The body of an export bundle: every event and tombstone with a position in [from, to], in position order.</summary>
public static class BundleExport
{
    public static async IAsyncEnumerable<BundleLine> Lines(NpgsqlDataSource database, string schema, long from, long to,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            select e.seq_id, e.stream_id, e.version, e.type, e.timestamp, e.data::text, e.headers ->> '{EventHash.Header}', p.headers ->> '{EventHash.Header}'
            from {schema}.mt_events e
            left join {schema}.mt_events p on p.stream_id = e.stream_id and p.version = e.version - 1
            where e.seq_id between @from and @to
            order by e.seq_id
            """);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var stream = reader.GetString(1);
            var hash = reader.IsDBNull(6) ? null : reader.GetString(6);
            if (Tombstones.Is(stream, reader.GetString(3), reader.GetString(5), hash))
            {
                yield return new BundleTombstone(reader.GetInt64(0));
                continue;
            }
            using var data = JsonDocument.Parse(reader.GetString(5));
            yield return new BundleEvent(reader.GetInt64(0), stream, reader.GetInt64(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), data.RootElement.Clone(), hash, reader.IsDBNull(7) ? null : reader.GetString(7));
        }
    }
}
