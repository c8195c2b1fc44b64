using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Archive.Extraction.Eval.Evaluation;

/// <summary>Runs the extractor over the labelled set and lays out the metrics per split and shape.</summary>
public static class Report
{
    public static IReadOnlyList<Result> Run(IReadOnlyList<LabelledDocument> documents, LabelledArchive archive, bool metadata = true) =>
        documents.Select(d =>
        {
            var candidates = Extractor.Extract(DevSet.Input(d, archive, metadata));
            return new Result(d, Scorer.Score(d.Statements, candidates), candidates);
        }).ToList();

    /// <summary>Per split and shape; held-out documents also per batch, so documents written later are read apart.</summary>
    public static string Table(IReadOnlyList<Result> results)
    {
        var table = new StringBuilder();
        table.AppendLine("| split | shape | docs | labels | candidates | recall | precision | exact-span F1 | speaker | said-on | kind |");
        table.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var split in new[] { "dev", "held-out" })
        {
            var inSplit = results.Where(r => r.Document.Split == split).ToList();
            if (inSplit.Count == 0) continue;
            foreach (var shape in inSplit.Select(r => r.Document.Shape).Distinct().Order(StringComparer.Ordinal))
                Row(table, split, shape, inSplit.Where(r => r.Document.Shape == shape).ToList());
            Row(table, split, "**all**", inSplit);
            var batches = inSplit.Select(r => Batch(r.Document)).Distinct().Order(StringComparer.Ordinal).ToList();
            if (split == "held-out" && batches.Count > 1)
                foreach (var batch in batches)
                {
                    var inBatch = inSplit.Where(r => Batch(r.Document) == batch).ToList();
                    Row(table, split, $"batch {batch}", inBatch);
                    // A batch of several shapes also by shape, so transcripts can be followed against their own target.
                    var shapes = inBatch.Select(r => r.Document.Shape).Distinct().Order(StringComparer.Ordinal).ToList();
                    if (shapes.Count > 1)
                        foreach (var shape in shapes) Row(table, split, $"batch {batch} {shape}", inBatch.Where(r => r.Document.Shape == shape).ToList());
                }
        }
        // Every batch whatever its split now, so a batch's figures can be followed from before its errors were read.
        foreach (var batch in results.Select(r => Batch(r.Document)).Distinct().Order(StringComparer.Ordinal))
            Row(table, "any", $"batch {batch}", results.Where(r => Batch(r.Document) == batch).ToList());
        return table.ToString();
    }

    private static string Batch(LabelledDocument document) => document.Batch ?? "1";

    private static void Row(StringBuilder table, string split, string shape, List<Result> rows)
    {
        var s = rows.Aggregate(Score.Zero, (sum, r) => sum + r.Score);
        table.AppendLine(CultureInfo.InvariantCulture, $"| {split} | {shape} | {rows.Count} | {s.Labels} | {s.Candidates} | {F(s.Recall)} | {F(s.Precision)} | {F(s.ExactF1)} | {F(s.SpeakerAccuracy)} | {F(s.SaidOnAccuracy)} | {F(s.KindAccuracy)} |");
    }

    public static string F(double value) => double.IsNaN(value) ? "–" : value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Milliseconds per 1,000 words over all documents, after a warm-up, as the median of several passes.</summary>
    public static (double MsPerThousandWords, int Words) Speed(IReadOnlyList<LabelledDocument> documents, LabelledArchive archive, int passes)
    {
        var inputs = documents.Select(d => DevSet.Input(d, archive)).ToList();
        var words = inputs.Sum(i => i.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
        foreach (var input in inputs) Extractor.Extract(input);
        var times = new List<double>();
        for (var pass = 0; pass < passes; pass++)
        {
            var watch = Stopwatch.StartNew();
            foreach (var input in inputs) Extractor.Extract(input);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2] * 1000 / words, words);
    }
}

/// <summary>One document's score, with the candidates it was computed from.</summary>
public sealed record Result(LabelledDocument Document, Score Score, IReadOnlyList<Candidate> Candidates);
