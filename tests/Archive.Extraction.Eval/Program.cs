using System.Globalization;
using Archive.Extraction;
using Archive.Extraction.Eval.Evaluation;

// deploy/eval-extraction.sh runs this. Arguments: --fast (dev split only, one timing pass),
// --show NAME (a dev document's candidates beside its labels; held-out documents are not shown, so rules are not tuned on them,
// unless --held-out says that reading this one's errors is intended: docs/extraction.md then records it as read).
var root = DevSet.RepositoryRoot();
var archive = DevSet.Archive(root);
var documents = DevSet.Load(root);
var fast = args.Contains("--fast");
var show = Array.IndexOf(args, "--show") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

if (show is not null)
{
    var document = documents.Single(d => d.Document == show);
    if (document.Split != "dev" && !args.Contains("--held-out")) { Console.Error.WriteLine($"{show} is held out: its candidates are not shown."); return 2; }
    // --bare withholds the title and publication date, as for a source registered without them.
    Details.Print(document, Extractor.Extract(DevSet.Input(document, archive, metadata: !args.Contains("--bare"))));
    return 0;
}

var selected = fast ? documents.Where(d => d.Split == "dev").ToList() : documents;
var results = Report.Run(selected, archive);
var (ms, words) = Report.Speed(selected, archive, fast ? 1 : 20);
Console.WriteLine($"Extractor {Extractor.Version}: {selected.Count} documents, {results.Sum(r => r.Score.Labels)} labelled statements, {words} words");
Console.WriteLine();
Console.Write(Report.Table(results));
Console.WriteLine();
Console.WriteLine("Said-on by where the date came from:");
Console.WriteLine();
Console.Write(SaidOnBreakdown.Table(results));
Console.WriteLine();
// The archive passes a registered source's title and publication date; without them only the text can date a saying.
var bare = Report.Run(selected, archive, metadata: false);
foreach (var split in new[] { "dev", "held-out" })
{
    Score Sum(IEnumerable<Result> rs) => rs.Where(r => r.Document.Split == split).Aggregate(Score.Zero, (sum, r) => sum + r.Score);
    if (!selected.Any(d => d.Split == split)) continue;
    var dated = Sum(results.Where(r => r.Document.PublishedOn is not null));
    Console.WriteLine($"{split}: said-on {Report.F(Sum(results).SaidOnAccuracy)} with the title and publication date, {Report.F(Sum(bare).SaidOnAccuracy)} without them, "
        + $"{Report.F(dated.SaidOnAccuracy)} over the documents that have a publication date ({dated.Dated} dated labels)");
}
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Speed: {ms:0.00} ms per 1,000 words (median of {(fast ? 1 : 20)} passes, one thread)"));
return 0;
