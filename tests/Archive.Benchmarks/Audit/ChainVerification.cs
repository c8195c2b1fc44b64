using System.Diagnostics;
using Archive.Benchmarks.Harness;
using Archive.Audit;
using Npgsql;

namespace Archive.Benchmarks.Audit;

/// <summary>
/// P7.chain: the domain's ChainVerifier alone, on every stream of a schema already read into memory, so the figure
/// is the hashing and canonicalisation cost without the database read that the verify endpoint also pays.
/// </summary>
public static class ChainVerification
{
    public static async Task<List<(string Stream, List<StoredEvent> Events)>> Load(string connectionString, string schema)
    {
        var streams = new List<(string, List<StoredEvent>)>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            select seq_id, stream_id, version, type, data::text, headers ->> '{EventHash.Header}'
            from {schema}.mt_events order by stream_id, version
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        List<StoredEvent>? current = null;
        string? key = null;
        while (await reader.ReadAsync())
        {
            var stream = reader.GetString(1);
            if (stream != key)
            {
                key = stream;
                current = [];
                streams.Add((stream, current));
            }
            current!.Add(new StoredEvent(reader.GetInt64(0), stream, reader.GetInt64(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        return streams;
    }

    public static Repetition Run(List<(string Stream, List<StoredEvent> Events)> streams)
    {
        var started = Stopwatch.GetTimestamp();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        long events = 0;
        foreach (var (stream, list) in streams)
        {
            var result = ChainVerifier.Verify(stream, list);
            if (!result.Intact) throw new InvalidOperationException($"P7.chain: {stream} is broken at version {result.Break!.Version}: {result.Break.Problem}");
            events += result.Events;
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        // Per CPU second as well: on a shared machine wall time says more about the neighbours than about the code.
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        return new Repetition(events / seconds, [seconds * 1000], new Dictionary<string, object>
        {
            ["events"] = events, ["threads"] = 1, ["eventsPerCpuSecond"] = Math.Round(events / Math.Max(cpuSeconds, 1e-6), 0),
        });
    }
}
