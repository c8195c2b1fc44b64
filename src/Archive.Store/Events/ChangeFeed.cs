using System.Text.Json;
using Npgsql;

namespace Archive.Store.Events;

public sealed record FeedEvent(
    long Position, string Stream, long Version, string Type, DateTimeOffset Timestamp, JsonElement Data, JsonElement? Metadata);

/// <summary>The change feed's read: events after a position and at or below another, in global order.</summary>
public static class ChangeFeed
{
    public static async Task<List<FeedEvent>> Load(NpgsqlDataSource database, string schema, long after, long through, int limit, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            select seq_id, stream_id, version, type, timestamp, data::text,
                   jsonb_strip_nulls(jsonb_build_object('correlationId', correlation_id, 'headers', headers))::text
            from {schema}.mt_events
            where seq_id > @after and seq_id <= @through
            order by seq_id
            limit @limit
            """);
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("through", through);
        command.Parameters.AddWithValue("limit", limit);
        var items = new List<FeedEvent>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            items.Add(new FeedEvent(
                reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                JsonDocument.Parse(reader.GetString(5)).RootElement.Clone(),
                JsonDocument.Parse(reader.GetString(6)).RootElement.Clone()));
        }
        return items;
    }
}
