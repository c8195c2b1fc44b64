namespace Archive.Benchmarks.Harness;

/// <summary>A target a figure is judged against: value (or value ÷ baseline) at least / at most a bound.</summary>
public sealed record Target(string Text, Func<double, double?, bool> Met)
{
    public static Target AtLeast(double bound, string unit) => new($"≥ {bound:N0} {unit}", (v, _) => v >= bound);
    public static Target AtMost(double bound, string unit) => new($"≤ {bound:0.###} {unit}", (v, _) => v <= bound);
    public static Target RatioAtLeast(double ratio, string baseline) => new($"≥ {ratio:0.0#}× {baseline}", (_, r) => r >= ratio);
}

/// <summary>One reported figure: the median over repetitions, with latencies, spread and its target.</summary>
public sealed class Figure
{
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required string Unit { get; init; }
    public string? Baseline { get; init; }
    public Target? Target { get; init; }
    public List<Repetition> Repetitions { get; } = [];
    public Dictionary<string, object> Notes { get; } = [];

    public double Value => Repetitions.Count == 0 ? double.NaN : Stats.Median(Repetitions.Select(r => r.Value).ToArray());
    public double Spread => Stats.Spread(Repetitions.Select(r => r.Value).ToArray());
    public double[] Latencies => Repetitions.SelectMany(r => r.LatenciesMs).ToArray();
    public double? Ratio { get; set; }
    public bool? Pass => Target is null || double.IsNaN(Value) ? null : Target.Met(Value, Ratio);

    /// <summary>Fills <see cref="Ratio"/> from the baseline figure once both are measured.</summary>
    public void Relate(IReadOnlyDictionary<string, Figure> all)
    {
        if (Baseline is not null && all.TryGetValue(Baseline, out var b) && b.Value is > 0 and not double.NaN && !double.IsNaN(Value))
            Ratio = Value / b.Value;
    }
}
