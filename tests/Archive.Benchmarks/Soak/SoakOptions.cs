using System.Globalization;

namespace Archive.Benchmarks.Soak;

/// <summary>
/// What a soak run does: how long, at what fixed rates (a moderate load, not the most the machine can do: the run
/// measures whether the archive stays stable, not how fast it is), and how memory growth is judged.
/// </summary>
public sealed record SoakOptions
{
    public double Minutes { get; init; }
    public double WritesPerSecond { get; init; } = 50;
    public double ReadsPerSecond { get; init; } = 50;
    public int Actors { get; init; } = 200;
    public int FeedReaders { get; init; } = 2;
    public TimeSpan SampleEvery { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromMinutes(1);
    public double MaxGrowthFraction { get; init; } = 0.10;
    public double MaxGrowthMiB { get; init; } = 50;
    public bool Keep { get; init; }

    public TimeSpan Duration => TimeSpan.FromMinutes(Minutes);

    /// <summary>Statements one actor may need: every write a new statement of a random actor, with room for bad luck.</summary>
    public int QuotesPerActor => (int)Math.Ceiling(WritesPerSecond * Duration.TotalSeconds / Actors * 1.5) + 50;

    /// <summary>Reads the soak's options from the command line: <c>--soak MINUTES</c> and the optional tuning flags.</summary>
    public static SoakOptions Parse(string[] args)
    {
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        double Number(string name, double fallback, double min)
        {
            if (Option(name) is not { } text) return fallback;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min)
                throw new ArgumentException($"{name} must be a number of at least {min.ToString(CultureInfo.InvariantCulture)}, not '{text}'");
            return value;
        }
        if (Option("--soak") is null) throw new ArgumentException("--soak needs the number of minutes to run");
        var options = new SoakOptions
        {
            Minutes = Number("--soak", 0, 0.1),
            WritesPerSecond = Number("--writes-per-second", 50, 1),
            ReadsPerSecond = Number("--reads-per-second", 50, 1),
            Actors = (int)Number("--actors", 200, 1),
            FeedReaders = (int)Number("--feed-readers", 2, 1),
            SampleEvery = TimeSpan.FromSeconds(Number("--sample-seconds", 10, 1)),
            WarmUp = TimeSpan.FromSeconds(Number("--warmup-seconds", 60, 0)),
            Keep = args.Contains("--keep"),
        };
        // The verdict compares the first and last third of the samples after the warm-up: it needs at least three.
        if (options.Duration < options.WarmUp + 3 * options.SampleEvery)
            throw new ArgumentException(
                $"--soak {options.Minutes.ToString(CultureInfo.InvariantCulture)} is too short: the run needs the warm-up ({options.WarmUp.TotalSeconds} s) " +
                $"plus at least three samples ({3 * options.SampleEvery.TotalSeconds} s)");
        return options;
    }
}
