using System.Diagnostics;

namespace Archive.Benchmarks.Harness;

/// <summary>Per-operation latencies of one repetition, gathered per worker so recording never contends.</summary>
public sealed class Latencies
{
    private readonly List<List<double>> _workers = [];

    public List<double> Worker()
    {
        var list = new List<double>();
        lock (_workers) _workers.Add(list);
        return list;
    }

    public double[] All()
    {
        lock (_workers) return _workers.SelectMany(w => w).ToArray();
    }

    /// <summary>Runs <paramref name="action"/> and records its duration in milliseconds.</summary>
    public static async Task<T> Time<T>(List<double> into, Func<Task<T>> action)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await action();
        into.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }
}

/// <summary>What one repetition measured: the figure's value and the latencies of its operations (may be empty).</summary>
public sealed record Repetition(double Value, double[] LatenciesMs, IReadOnlyDictionary<string, object>? Notes = null);

public static class Stats
{
    /// <summary>Nearest-rank percentile; NaN for no samples.</summary>
    public static double Percentile(double[] values, double p)
    {
        if (values.Length == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IReadOnlyList<double> values) => Percentile(values.ToArray(), 50);

    /// <summary>(max − min) / median of the repetitions' values: how far one run can be trusted.</summary>
    public static double Spread(IReadOnlyList<double> values)
    {
        var median = Median(values);
        return values.Count < 2 || median == 0 ? 0 : (values.Max() - values.Min()) / median;
    }

    /// <summary>Runs <paramref name="workers"/> loops concurrently until <paramref name="total"/> operations ran.</summary>
    public static async Task<(double Seconds, double[] Latencies, int Failures)> Drive(int total, int workers, Func<int, List<double>, Task<bool>> operation)
    {
        var latencies = new Latencies();
        var next = -1;
        var failures = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            var mine = latencies.Worker();
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
                if (!await operation(i, mine)) Interlocked.Increment(ref failures);
        })));
        return (Stopwatch.GetElapsedTime(started).TotalSeconds, latencies.All(), failures);
    }
}
