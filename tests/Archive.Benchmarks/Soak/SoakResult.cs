namespace Archive.Benchmarks.Soak;

/// <summary>What a feed reader saw against the store: its events and, when it differs, how.</summary>
public sealed record FeedCheck(int Reader, int Events, long Last, string? Problem);

/// <summary>Everything a soak run found; <see cref="Passed"/> is its exit code's verdict.</summary>
public sealed record SoakResult
{
    public required SoakOptions Options { get; init; }
    public required string Schema { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required Dictionary<string, object> Machine { get; init; }
    public List<Sample> Samples { get; } = [];
    public IReadOnlyList<OperationWindow> Totals { get; set; } = [];
    public double LoadSeconds { get; set; }
    public MemoryVerdict? Memory { get; set; }
    public List<FeedCheck> Feeds { get; } = [];
    public long StoredEvents { get; set; }
    public Dictionary<string, long> EventsByType { get; set; } = [];
    public int ClientErrors { get; set; }
    public IReadOnlyList<string> Failures { get; set; } = [];
    public string? Crash { get; set; }

    public bool Completed => Crash is null && Memory is not null;
    public int Errors => Totals.Sum(t => t.Errors) + ClientErrors;
    public int ServerErrors => Totals.Sum(t => t.ServerErrors);
    public bool FeedsExact => Feeds.Count > 0 && Feeds.All(f => f.Problem is null);
    public bool Passed => Completed && Memory!.Flat && Errors == 0 && FeedsExact;

    /// <summary>Why the run did not pass, in a few words each; empty when it passed.</summary>
    public IEnumerable<string> Reasons()
    {
        if (Crash is not null) yield return "the run did not complete: " + Crash.Split('\n')[0];
        else if (Memory is null) yield return "no memory verdict";
        if (Memory is { Flat: false } m) yield return $"memory grew {m.GrowthMiB:0.#} MiB ({m.GrowthFraction:P1})";
        if (Errors > 0) yield return $"{Errors} failed requests ({ServerErrors} × 5xx)";
        if (!FeedsExact) yield return Feeds.Count == 0 ? "the feed readers were not checked" : "a feed reader did not see every event exactly once in order";
    }
}
