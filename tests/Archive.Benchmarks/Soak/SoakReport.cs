using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Archive.Benchmarks.Soak;

/// <summary>
/// soak-results.json (every sample and total) and soak-results.md (the verdict, the totals, one row per sample).
/// Numbers are formatted in the current culture, which <see cref="SoakRun"/> sets to the invariant one.
/// </summary>
public static class SoakReport
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Json(SoakResult r)
    {
        var json = new JsonObject
        {
            ["passed"] = r.Passed,
            ["reasons"] = new JsonArray(r.Reasons().Select(x => (JsonNode?)x).ToArray()),
            ["startedAt"] = r.StartedAt.ToString("O", CultureInfo.InvariantCulture),
            ["machine"] = JsonSerializer.SerializeToNode(r.Machine, Options),
            ["options"] = new JsonObject
            {
                ["minutes"] = r.Options.Minutes, ["writesPerSecond"] = r.Options.WritesPerSecond, ["readsPerSecond"] = r.Options.ReadsPerSecond,
                ["actors"] = r.Options.Actors, ["feedReaders"] = r.Options.FeedReaders, ["sampleSeconds"] = r.Options.SampleEvery.TotalSeconds,
                ["warmUpSeconds"] = r.Options.WarmUp.TotalSeconds, ["schema"] = r.Schema,
            },
            ["completed"] = r.Completed,
            ["crash"] = r.Crash,
            ["loadSeconds"] = Math.Round(r.LoadSeconds, 1),
            ["memory"] = JsonSerializer.SerializeToNode(r.Memory, Options),
            ["errors"] = r.Errors,
            ["serverErrors"] = r.ServerErrors,
            ["clientErrors"] = r.ClientErrors,
            ["requests"] = JsonSerializer.SerializeToNode(r.Totals.Select(t => Total(t, r.LoadSeconds)), Options),
            ["feed"] = new JsonObject
            {
                ["exactlyOnceInOrder"] = r.FeedsExact, ["storedEvents"] = r.StoredEvents,
                ["readers"] = JsonSerializer.SerializeToNode(r.Feeds, Options),
            },
            ["eventsByType"] = JsonSerializer.SerializeToNode(r.EventsByType, Options),
            ["failures"] = JsonSerializer.SerializeToNode(r.Failures, Options),
            ["samples"] = JsonSerializer.SerializeToNode(r.Samples.Select(x => x with { Operations = x.Operations.Where(op => op.Count > 0).ToList() }), Options),
        };
        return json.ToJsonString(Options);
    }

    private static object Total(OperationWindow t, double seconds) => new
    {
        t.Operation, t.Count, perSecond = Math.Round(t.Count / Math.Max(1, seconds), 1),
        p50 = Round(t.P50), p95 = Round(t.P95), p99 = Round(t.P99), t.Errors, t.ServerErrors,
    };

    private static double? Round(double ms) => double.IsFinite(ms) ? Math.Round(ms, 1) : null;

    private static string Ms(double ms) => double.IsFinite(ms) ? ms.ToString(ms < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) : "–";

    /// <summary>One line per sample, as the run prints it while it goes.</summary>
    public static string Line(Sample s)
    {
        var line = new StringBuilder(
            $"{s.Seconds,6:0}s  rss {s.RssMiB,6:0.0} MiB  gc {(s.GcHeapMiB is { } g ? g.ToString("0.0", CultureInfo.InvariantCulture) : "–"),6} MiB  gen2 {s.Gen2Collections?.ToString(CultureInfo.InvariantCulture) ?? "–",3}  thr {s.Threads,3}  pg {s.PostgresConnections,3}  " +
            $"+{s.EventsAppended,5} ev ({s.EventsPerSecond,5:0.0}/s)  lag {s.ProjectionLag,4}");
        foreach (var op in s.Operations.Where(o => o.Count > 0))
            line.Append(FormattableString.Invariant($"  {op.Operation} {op.Count} p50/p99 {Ms(op.P50)}/{Ms(op.P99)}"));
        var errors = s.Operations.Sum(o => o.Errors);
        if (errors > 0) line.Append(FormattableString.Invariant($"  ERRORS {errors} (5xx {s.Operations.Sum(o => o.ServerErrors)})"));
        if (s.Health != "Healthy") line.Append($"  health {s.Health}");
        return line.ToString();
    }

    public static string Markdown(SoakResult r)
    {
        var md = new StringBuilder();
        var o = r.Options;
        md.AppendLine(FormattableString.Invariant($"# Soak: {o.Minutes:0.##} minutes, {(r.Passed ? "PASS" : "FAIL")}"));
        md.AppendLine();
        md.AppendLine(
            $"{r.StartedAt:yyyy-MM-dd HH:mm} UTC; {r.Machine["cpus"]} CPUs, PostgreSQL {r.Machine["postgres"]}, load {r.Machine["loadAverageAtStart"]} at start, " +
            $"{r.Machine["loadAverageAtEnd"]} at the end. Target load: {o.WritesPerSecond:0.#} writes/s and {o.ReadsPerSecond:0.#} reads/s over {o.Actors} actors, " +
            $"{o.FeedReaders} change-feed readers; a sample every {o.SampleEvery.TotalSeconds:0} s.");
        md.AppendLine();
        foreach (var reason in r.Reasons()) md.AppendLine($"- **{reason}**");
        if (r.Memory is { } m)
        {
            md.AppendLine(
                $"- Memory {(m.Flat ? "flat" : "GREW")}: RSS {m.FirstThirdMiB:0.0} → {m.LastThirdMiB:0.0} MiB ({m.GrowthMiB:+0.0;-0.0} MiB, {m.GrowthFraction:+0.0%;-0.0%}), " +
                $"slope {m.SlopeMiBPerMinute:+0.00;-0.00} MiB/min" +
                (m.GcFirstThirdMiB is { } a ? $"; GC heap {a:0.0} → {m.GcLastThirdMiB:0.0} MiB, slope {m.GcSlopeMiBPerMinute:+0.00;-0.00} MiB/min" : "; GC heap not on /metrics") + ".");
            md.AppendLine($"  Rule: {m.Rule}.");
        }
        md.AppendLine(FormattableString.Invariant($"- Requests: {r.Totals.Sum(t => t.Count):N0}, failed {r.Errors} (5xx {r.ServerErrors}, soak client {r.ClientErrors})."));
        md.AppendLine(FormattableString.Invariant(
            $"- Change feed: {r.Feeds.Count} readers, {r.StoredEvents:N0} events stored; every event seen exactly once in order: {(r.FeedsExact ? "yes" : "NO")}."));
        foreach (var f in r.Feeds.Where(f => f.Problem is not null)) md.AppendLine($"  - {f.Problem}");
        md.AppendLine("- Events: " + string.Join(", ", r.EventsByType.OrderByDescending(e => e.Value).Select(e => FormattableString.Invariant($"{e.Key} {e.Value:N0}"))) + ".");
        if (r.Crash is not null) md.AppendLine().AppendLine("```").AppendLine(r.Crash).AppendLine("```");
        md.AppendLine().AppendLine("| operation | requests | per s | p50 ms | p95 ms | p99 ms | failed | 5xx |").AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var t in r.Totals.Where(t => t.Count > 0))
            md.AppendLine(FormattableString.Invariant(
                $"| {t.Operation} | {t.Count:N0} | {t.Count / Math.Max(1, r.LoadSeconds):0.0} | {Ms(t.P50)} | {Ms(t.P95)} | {Ms(t.P99)} | {t.Errors} | {t.ServerErrors} |"));
        md.AppendLine().AppendLine("| t s | RSS MiB | GC heap MiB | gen2 GCs | threads | PG conns | events/s | lag | record p99 | search p99 | timeline p99 | failed |")
            .AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var s in r.Samples)
        {
            double P99(string op) => s.Operations.FirstOrDefault(x => x.Operation == op)?.P99 ?? double.NaN;
            md.AppendLine(
                $"| {s.Seconds:0} | {s.RssMiB:0.0} | {(s.GcHeapMiB is { } g ? g.ToString("0.0", CultureInfo.InvariantCulture) : "–")} | {s.Gen2Collections?.ToString(CultureInfo.InvariantCulture) ?? "–"} | {s.Threads} | {s.PostgresConnections} | " +
                $"{s.EventsPerSecond:0.0} | {s.ProjectionLag} | {Ms(P99("record"))} | {Ms(P99("search"))} | {Ms(P99("timeline"))} | {s.Operations.Sum(x => x.Errors)} |");
        }
        if (r.Failures.Count > 0)
        {
            md.AppendLine().AppendLine("First failures:").AppendLine();
            foreach (var f in r.Failures) md.AppendLine($"- `{f.Replace('`', '\'').Replace('\n', ' ')}`");
        }
        return md.ToString();
    }
}
