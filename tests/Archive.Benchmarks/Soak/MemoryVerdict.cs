namespace Archive.Benchmarks.Soak;

/// <summary>
/// Whether the API's memory stayed flat: after the warm-up (the first minute, while grains activate, pools fill and
/// the JIT settles), the median resident memory of the last third of the samples against that of the first third.
/// Flat when it grew by at most <see cref="SoakOptions.MaxGrowthFraction"/> or at most
/// <see cref="SoakOptions.MaxGrowthMiB"/>: a short run on a small heap would otherwise fail on noise. The least-squares
/// slope over the same samples is reported alongside: a long run with a steady slope is a leak even under the threshold.
/// </summary>
public sealed record MemoryVerdict(
    int Samples, double FirstThirdMiB, double LastThirdMiB, double GrowthMiB, double GrowthFraction, double SlopeMiBPerMinute,
    double? GcFirstThirdMiB, double? GcLastThirdMiB, double? GcSlopeMiBPerMinute, bool Flat, string Rule)
{
    public static MemoryVerdict Judge(IReadOnlyList<Sample> all, SoakOptions options)
    {
        var samples = all.Where(s => s.Seconds > options.WarmUp.TotalSeconds).ToArray();
        if (samples.Length < 3) throw new InvalidOperationException($"only {samples.Length} samples after the warm-up; the verdict needs three");
        var third = samples.Length / 3;
        var first = samples[..third];
        var last = samples[^third..];
        var firstMiB = Median(first.Select(s => s.RssMiB).ToArray());
        var lastMiB = Median(last.Select(s => s.RssMiB).ToArray());
        var growth = lastMiB - firstMiB;
        var fraction = firstMiB > 0 ? growth / firstMiB : 0;
        var flat = growth <= options.MaxGrowthMiB || fraction <= options.MaxGrowthFraction;
        var gc = samples.All(s => s.GcHeapMiB is not null);
        var rule = $"median RSS of the last third vs the first third of the {samples.Length} samples after a " +
                   $"{options.WarmUp.TotalSeconds:0} s warm-up: flat when it grew ≤ {options.MaxGrowthFraction * 100:0}% or ≤ {options.MaxGrowthMiB:0} MiB";
        return new MemoryVerdict(samples.Length, Math.Round(firstMiB, 1), Math.Round(lastMiB, 1), Math.Round(growth, 1), Math.Round(fraction, 4),
            Math.Round(Slope(samples, s => s.RssMiB), 2),
            gc ? Math.Round(Median(first.Select(s => s.GcHeapMiB!.Value).ToArray()), 1) : null,
            gc ? Math.Round(Median(last.Select(s => s.GcHeapMiB!.Value).ToArray()), 1) : null,
            gc ? Math.Round(Slope(samples, s => s.GcHeapMiB!.Value), 2) : null,
            flat, rule);
    }

    /// <summary>The middle value, or the mean of the two middle ones: with a third of a short run's samples there may be only two.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Least-squares slope of <paramref name="value"/> over time, per minute.</summary>
    public static double Slope(IReadOnlyList<Sample> samples, Func<Sample, double> value)
    {
        var xs = samples.Select(s => s.Seconds / 60).ToArray();
        var ys = samples.Select(value).ToArray();
        var (mx, my) = (xs.Average(), ys.Average());
        var denominator = xs.Sum(x => (x - mx) * (x - mx));
        return denominator == 0 ? 0 : xs.Zip(ys).Sum(p => (p.First - mx) * (p.Second - my)) / denominator;
    }
}
