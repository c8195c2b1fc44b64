using System.Diagnostics;
using Npgsql;

namespace Archive.Benchmarks.Grains;

/// <summary>
/// Samples, every 100 ms, the newest committed event position and the slowest async projection's position
/// (Marten's mt_event_progression). A sample's lag is how long after it the projections reached the position that
/// was newest at that moment: the delay between an event being committed and being projected, at 100 ms resolution.
/// </summary>
public sealed class LagSampler : IDisposable
{
    private readonly string _connectionString;
    private readonly string _schema;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(double At, long Newest, long Projected)> _samples = [];
    private readonly Task _loop;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public LagSampler(string connectionString, string schema)
    {
        _connectionString = connectionString;
        _schema = schema;
        _loop = Task.Run(() => Loop(_stop.Token));
    }

    private async Task Sample(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand($"""
            select (select coalesce(max(seq_id), 0) from {_schema}.mt_events),
                   (select min(last_seq_id) from {_schema}.mt_event_progression where name not like 'HighWater%')
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        if (!reader.IsDBNull(1)) lock (_samples) _samples.Add((_clock.Elapsed.TotalSeconds, reader.GetInt64(0), reader.GetInt64(1)));
    }

    private async Task Loop(CancellationToken stop)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(stop);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            do await Sample(connection);
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Keeps sampling until the projections reach the last write (at most 60 s), then computes each sample's lag.</summary>
    public async Task<double[]> Finish()
    {
        var newest = -1L;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            (double, long Newest, long Projected)? last;
            lock (_samples) last = _samples.Count > 0 ? _samples[^1] : null;
            if (last is { } l && newest < 0) newest = l.Newest;
            if (last is { } done && newest >= 0 && done.Projected >= newest) break;
            await Task.Delay(100);
        }
        await _stop.CancelAsync();
        await _loop;
        (double At, long Newest, long Projected)[] samples;
        lock (_samples) samples = _samples.ToArray();
        var lags = new List<double>();
        for (var i = 0; i < samples.Length; i++)
        {
            var caughtUp = Array.FindIndex(samples, i, s => s.Projected >= samples[i].Newest);
            // Never caught up within the deadline: at least until the last sample.
            lags.Add((caughtUp >= 0 ? samples[caughtUp].At : samples[^1].At) - samples[i].At);
        }
        return lags.ToArray();
    }

    public void Dispose() => _stop.Dispose();
}
