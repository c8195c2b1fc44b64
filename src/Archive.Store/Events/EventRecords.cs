using System.Text.Json;
using Archive.Domain;
using Npgsql;

namespace Archive.Store.Events;

/// <summary>
/// An event as auditors see it: where it sits, when and by whom it was recorded, why, and its hash.
/// <see cref="Metadata"/> holds the event's other headers (e.g. <c>candidate-rule</c>, <c>extractor-version</c>), null when none.
/// </summary>
public sealed record HistoryEntry(
    long Position, string Stream, long Version, string Type, DateTimeOffset RecordedAt, string? Principal, string? Reason,
    string? CorrelationId, string? Hash, JsonElement Data, IReadOnlyDictionary<string, string>? Metadata = null);

/// <summary>Reads events from the store for history, time travel and export.</summary>
public static class EventRecords
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Dictionary<string, Type> TypesByAlias = EventAliases.ByType.ToDictionary(p => p.Value, p => p.Key);

    public const string Columns = "seq_id, stream_id, version, type, timestamp, headers ->> 'principal', data ->> 'reason', correlation_id, headers ->> 'hash', data::text, headers::text";

    /// <summary>Every event of a statement: its speaker's, its filings and the links that point at it, in position order.</summary>
    public static Task<List<HistoryEntry>> OfStatement(NpgsqlDataSource database, string schema, string statementId, CancellationToken ct) =>
        Read(database,
            $"select {Columns} from {schema}.mt_events where data ->> 'statementId' = @id or data ->> 'targetId' = @id order by seq_id",
            p => p.AddWithValue("id", statementId), ct);

    /// <summary>A page of one stream's events after a version, in version order (at most <paramref name="limit"/>).</summary>
    public static Task<List<HistoryEntry>> OfStream(NpgsqlDataSource database, string schema, string stream, long afterVersion, int limit, CancellationToken ct) =>
        Read(database,
            $"select {Columns} from {schema}.mt_events where stream_id = @s and version > @after order by version limit {limit}",
            p => { p.AddWithValue("s", stream); p.AddWithValue("after", afterVersion); }, ct);

    /// <summary>One stream's events recorded at or before <paramref name="instant"/> (transaction time), in version order.</summary>
    public static Task<List<HistoryEntry>> OfStreamAsOf(NpgsqlDataSource database, string schema, string stream, DateTimeOffset instant, CancellationToken ct) =>
        Read(database,
            $"select {Columns} from {schema}.mt_events where stream_id = @s and timestamp <= @t order by version",
            p => { p.AddWithValue("s", stream); p.AddWithValue("t", instant); }, ct);

    public static async Task<List<HistoryEntry>> Read(NpgsqlDataSource database, string sql, Action<NpgsqlParameterCollection> parameters, CancellationToken ct)
    {
        await using var command = database.CreateCommand(sql);
        parameters(command.Parameters);
        var entries = new List<HistoryEntry>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            entries.Add(new HistoryEntry(
                reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8),
                JsonDocument.Parse(reader.GetString(9)).RootElement.Clone(), reader.IsDBNull(10) ? null : Metadata(reader.GetString(10))));
        }
        return entries;
    }

    /// <summary>The string headers other than the principal and the hash, which have fields of their own.</summary>
    private static Dictionary<string, string>? Metadata(string headers)
    {
        using var document = JsonDocument.Parse(headers);
        if (document.RootElement.ValueKind != JsonValueKind.Object) return null;
        var found = document.RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.String && !Storage.NewEvent.ReservedHeaders.Contains(p.Name))
            .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        return found.Count == 0 ? null : found;
    }

    /// <summary>The domain event an entry holds, or null for a type this build does not know.</summary>
    public static object? ToEvent(HistoryEntry entry) =>
        TypesByAlias.TryGetValue(entry.Type, out var type) ? entry.Data.Deserialize(type, Json) : null;
}
