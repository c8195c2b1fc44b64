using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Archive.Benchmarks.Harness;

/// <summary>Writes bench-results.json (one entry per figure) and the markdown table.</summary>
public static class Report
{
    private static double? Finite(double v) => double.IsFinite(v) ? Math.Round(v, 3) : null;

    public static string Json(IReadOnlyList<Figure> figures, JsonObject machine, IReadOnlyList<string> crashes)
    {
        var entries = new JsonArray();
        foreach (var f in figures)
        {
            var latencies = f.Latencies;
            var notes = new JsonObject();
            foreach (var (key, value) in f.Notes) notes[key] = JsonSerializer.SerializeToNode(value);
            entries.Add(new JsonObject
            {
                ["name"] = f.Name,
                ["value"] = Finite(f.Value),
                ["unit"] = f.Unit,
                ["baseline"] = f.Baseline,
                ["ratio"] = f.Ratio is { } r ? Finite(r) : null,
                ["target"] = f.Target?.Text,
                ["pass"] = f.Pass,
                ["description"] = f.Description,
                ["repetitions"] = new JsonArray(f.Repetitions.Select(x => (JsonNode?)Finite(x.Value)).ToArray()),
                ["spread"] = Finite(f.Spread),
                ["latencyMs"] = latencies.Length == 0 ? null : new JsonObject
                {
                    ["count"] = latencies.Length,
                    ["p50"] = Finite(Stats.Percentile(latencies, 50)),
                    ["p95"] = Finite(Stats.Percentile(latencies, 95)),
                    ["p99"] = Finite(Stats.Percentile(latencies, 99)),
                },
                ["notes"] = notes,
            });
        }
        var root = new JsonObject
        {
            ["machine"] = machine,
            ["figures"] = entries,
            ["crashed"] = new JsonArray(crashes.Select(c => (JsonNode?)c).ToArray()),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public static string Markdown(IReadOnlyList<Figure> figures, JsonObject machine, IReadOnlyList<string> crashes)
    {
        var md = new StringBuilder();
        md.AppendLine($"Machine: {machine["cpus"]} CPUs, PostgreSQL {machine["postgres"]}, synchronous_commit={machine["synchronousCommit"]}, " +
                      $"load average at start {machine["loadAverageAtStart"]}, mode {machine["mode"]}, repetitions {machine["repetitions"]}, {machine["startedAt"]}.");
        md.AppendLine();
        md.AppendLine("| figure | what | value (median) | spread | p50 / p95 / p99 ms | baseline | ratio | target | result |");
        md.AppendLine("|---|---|---:|---:|---|---|---:|---|---|");
        foreach (var f in figures)
        {
            var l = f.Latencies;
            var lat = l.Length == 0 ? "" : $"{Num(Stats.Percentile(l, 50))} / {Num(Stats.Percentile(l, 95))} / {Num(Stats.Percentile(l, 99))}";
            var result = f.Pass switch { true => "PASS", false => "FAIL", null => "" };
            md.AppendLine($"| {f.Name} | {f.Description} | {Num(f.Value)} {f.Unit} | {f.Spread:P0} | {lat} | {f.Baseline ?? ""} | " +
                          $"{(f.Ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "")} | {f.Target?.Text ?? ""} | {result} |");
        }
        foreach (var crash in crashes) md.AppendLine($"\nCRASHED: {crash}");
        return md.ToString();
    }

    private static string Num(double v) => !double.IsFinite(v) ? "–"
        : Math.Abs(v) >= 100 ? v.ToString("N0", CultureInfo.InvariantCulture)
        : v.ToString("0.##", CultureInfo.InvariantCulture);
}
