using System.Collections.Concurrent;
using Archive.Benchmarks.Harness;

namespace Archive.Benchmarks.Soak;

/// <summary>Latency and outcome of the operations of one kind during one sampling window (or the whole run).</summary>
public sealed record OperationWindow(string Operation, int Count, double P50, double P95, double P99, int Errors, int ServerErrors)
{
    public static OperationWindow Of(string operation, IReadOnlyCollection<Outcome> outcomes)
    {
        var latencies = outcomes.Select(o => o.Milliseconds).ToArray();
        return new OperationWindow(operation, outcomes.Count,
            Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 95), Stats.Percentile(latencies, 99),
            outcomes.Count(o => !o.Succeeded), outcomes.Count(o => o.Status >= 500));
    }
}

/// <summary>One request: its kind, duration, HTTP status (0 when no answer came) and whether it did what it should.</summary>
public readonly record struct Outcome(string Operation, double Milliseconds, int Status, bool Succeeded);

/// <summary>
/// Collects every request's outcome from many concurrent workers. The sampler drains it every window; the run keeps
/// everything for the totals, and the first failures (with what the API answered) for the report.
/// </summary>
public sealed class Recorder
{
    public static readonly string[] Operations = ["record", "verify", "amend", "search", "timeline", "statement", "feed"];
    private const int KeptFailures = 20;

    private readonly ConcurrentQueue<Outcome> _window = new();
    private readonly List<Outcome> _all = [];
    private readonly List<string> _failures = [];
    private int _failureCount;
    private int _clientErrors;

    /// <summary>Failures of the soak itself (not of a request): counted as errors, since the load they stand for was not sent.</summary>
    public int ClientErrors => Volatile.Read(ref _clientErrors);

    public void ClientError(Exception e)
    {
        Interlocked.Increment(ref _clientErrors);
        Fail($"soak client error: {e.GetType().Name}: {e.Message}");
    }

    public void Add(Outcome outcome) => _window.Enqueue(outcome);

    /// <summary>Notes a failure with what it was, kept only for the first few; every failure is still counted by its outcome.</summary>
    public void Fail(string what)
    {
        if (Interlocked.Increment(ref _failureCount) > KeptFailures) return;
        lock (_failures) _failures.Add(what.Length > 400 ? what[..400] + "…" : what);
    }

    public IReadOnlyList<string> Failures
    {
        get { lock (_failures) return _failures.ToArray(); }
    }

    /// <summary>The outcomes since the previous call, per operation (every operation listed, with 0 when none ran).</summary>
    public IReadOnlyList<OperationWindow> Drain()
    {
        var drained = new List<Outcome>();
        while (_window.TryDequeue(out var outcome)) drained.Add(outcome);
        lock (_all) _all.AddRange(drained);
        return Summarise(drained);
    }

    /// <summary>Every outcome of the run so far (drained ones), per operation.</summary>
    public IReadOnlyList<OperationWindow> Totals()
    {
        lock (_all) return Summarise(_all);
    }

    private static List<OperationWindow> Summarise(List<Outcome> outcomes)
    {
        var byOperation = outcomes.ToLookup(o => o.Operation);
        return Operations.Select(op => OperationWindow.Of(op, byOperation[op].ToArray())).ToList();
    }
}
