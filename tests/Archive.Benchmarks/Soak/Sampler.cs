using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;

namespace Archive.Benchmarks.Soak;

/// <summary>What one sampling window saw: the API's memory and the store at its end, and the requests during it.</summary>
public sealed record Sample(
    double Seconds, double RssMiB, double? GcHeapMiB, long? Gen2Collections, int Threads, int PostgresConnections, long Events, long EventsAppended,
    double EventsPerSecond, long ProjectionLag, string Health, IReadOnlyList<OperationWindow> Operations);

/// <summary>
/// Takes a sample: the API process' resident memory and threads from /proc, its GC heap from <c>/metrics</c> (the
/// runtime's heap size after the last collection, summed over generations), its PostgreSQL connections (by their
/// application name), the events in the store, the largest projection lag from <c>/health</c>, and the recorder's window.
/// </summary>
public sealed class Sampler(SoakApi api, string connectionString, Recorder recorder) : IDisposable
{
    /// <summary>Names the GC heap goes by on /metrics: the runtime's own meter (.NET 9+), then OpenTelemetry's runtime instrumentation.</summary>
    public static readonly string[] GcHeapMetrics = ["dotnet_gc_last_collection_heap_size_bytes", "process_runtime_dotnet_gc_heap_size_bytes"];

    private readonly HttpClient _http = new() { BaseAddress = api.Address, Timeout = TimeSpan.FromSeconds(10) };
    private long _previousEvents;
    private double _previousSeconds;

    public async Task<Sample> Take(double seconds)
    {
        var operations = recorder.Drain();
        var rss = api.ResidentBytes() / 1048576.0;
        var threads = Threads();
        var (gcHeap, gen2) = await Gc();
        var (connections, events) = await Store();
        var (lag, health) = await Health();
        var appended = events - _previousEvents;
        var rate = appended / Math.Max(0.001, seconds - _previousSeconds);
        (_previousEvents, _previousSeconds) = (events, seconds);
        return new Sample(Math.Round(seconds, 1), Math.Round(rss, 1), gcHeap is { } g ? Math.Round(g / 1048576.0, 1) : null, gen2, threads,
            connections, events, appended, Math.Round(rate, 1), lag, health, operations);
    }

    /// <summary>Events already in the store before the load started (sources, actors), so the first window counts only the load's.</summary>
    public async Task Baseline(double seconds)
    {
        (_, _previousEvents) = await Store();
        _previousSeconds = seconds;
    }

    private int Threads()
    {
        var line = File.ReadLines($"/proc/{api.Pid}/status").FirstOrDefault(l => l.StartsWith("Threads:", StringComparison.Ordinal));
        return line is null ? 0 : int.Parse(line["Threads:".Length..].Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The GC heap after the last collection, and how many gen2 collections ran so far: a heap that grows while no
    /// gen2 collection ran holds garbage not yet collected as much as live objects.
    /// </summary>
    private async Task<(double? HeapBytes, long? Gen2Collections)> Gc()
    {
        try
        {
            var text = await _http.GetStringAsync("/metrics");
            var gen2 = PrometheusText.Values(text, "dotnet_gc_collections_total", "gc_heap_generation=\"gen2\"").Cast<double?>().FirstOrDefault();
            foreach (var name in GcHeapMetrics)
            {
                var values = PrometheusText.Values(text, name).ToArray();
                if (values.Length > 0) return (values.Sum(), (long?)gen2);
            }
            return (null, (long?)gen2);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            recorder.Fail($"sampler: /metrics did not answer: {e.Message}");
            return (null, null);
        }
    }

    private async Task<(int Connections, long Events)> Store()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // The daemon's lock connection names the process rather than the connection string's application name.
        await using var command = new NpgsqlCommand($"""
            select (select count(*)::int from pg_stat_activity where application_name = @app or application_name like @daemon),
                   (select count(*) from {api.Schema}.mt_events)
            """, connection);
        command.Parameters.AddWithValue("app", api.ApplicationName);
        command.Parameters.AddWithValue("daemon", $"archive-daemon-lock:%:{api.Pid}");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt32(0), reader.GetInt64(1));
    }

    private async Task<(long Lag, string Status)> Health()
    {
        try
        {
            using var response = await _http.GetAsync("/health");
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
            var lag = body?["projections"]?.AsArray().Select(p => p?["lag"]?.GetValue<long>() ?? 0).DefaultIfEmpty(0).Max() ?? 0;
            return (lag, body?["status"]?.GetValue<string>() ?? $"{(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            recorder.Fail($"sampler: /health did not answer: {e.Message}");
            return (-1, "no answer");
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>Reads sample values out of the Prometheus text exposition format.</summary>
public static class PrometheusText
{
    /// <summary>The value of every series of the family <paramref name="name"/> whose labels contain <paramref name="label"/> (any when null).</summary>
    public static IEnumerable<double> Values(string exposition, string name, string? label = null)
    {
        foreach (var raw in exposition.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#' || !line.StartsWith(name, StringComparison.Ordinal)) continue;
            var rest = line[name.Length..];
            if (rest.Length == 0 || (rest[0] != '{' && rest[0] != ' ')) continue;
            var labelsEnd = rest[0] == '{' ? rest.IndexOf('}') + 1 : 0;
            if (label is not null && !rest[..labelsEnd].Contains(label, StringComparison.Ordinal)) continue;
            var fields = rest[labelsEnd..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 0 && double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) yield return value;
        }
    }
}
