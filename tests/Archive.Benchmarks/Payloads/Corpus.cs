using System.Text.RegularExpressions;
using Archive.Domain.Sources;
using Archive.Domain.Statements;

namespace Archive.Benchmarks.Payloads;

public sealed record BenchSource(string Id, string Title, string Text);

/// <summary>A quotable stretch of a source: its code point span and the exact text there.</summary>
public sealed record Quote(int Source, TextSpan Span, string Text);

/// <summary>
/// Realistic statement payloads from the documents in seeds/: every seed document, copied as many times as needed
/// (each copy headed by its own line, so it is a different source), offers direct quotes at sentence boundaries —
/// a whole sentence, or its tail from one of its first words. A statement's id comes from speaker, source and span,
/// so one actor never gets the same quote twice.
/// </summary>
public sealed partial class Corpus
{
    private static readonly DateOnly FirstDay = new(2015, 1, 1);

    public Corpus(string seedsDirectory, int quotesNeeded)
    {
        var titles = Titles(seedsDirectory);
        var seeds = Directory.GetFiles(seedsDirectory, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => (Title: titles.GetValueOrDefault(Path.GetFileName(f)) ?? Path.GetFileNameWithoutExtension(f), Text: SourceText.Normalise(File.ReadAllText(f))))
            .ToArray();
        if (seeds.Length == 0) throw new InvalidOperationException($"no seed documents (*.txt) in {seedsDirectory}");
        for (var copy = 0; Quotes.Count < quotesNeeded || copy == 0; copy++)
        {
            foreach (var seed in seeds)
            {
                var text = SourceText.Normalise($"Archive benchmark copy {copy + 1}\n{seed.Text}");
                var index = Sources.Count;
                Sources.Add(new BenchSource(SourceText.IdFor(text), $"{seed.Title} (copy {copy + 1})", text));
                Quotes.AddRange(QuotesIn(index, text));
            }
        }
    }

    public List<BenchSource> Sources { get; } = [];
    public List<Quote> Quotes { get; } = [];

    /// <summary>Statement number <paramref name="n"/> of an actor: quote n of the corpus, said on a day spread over ten years.</summary>
    public RecordStatement Statement(string actorId, int n)
    {
        var quote = Quotes[n % Quotes.Count];
        if (n >= Quotes.Count) throw new InvalidOperationException($"the corpus has {Quotes.Count} quotes; statement {n} would repeat one");
        return new RecordStatement(actorId, Sources[quote.Source].Id, quote.Text, quote.Span, QuoteKinds.Direct,
            FirstDay.AddDays((int)((uint)(actorId.GetHashCode() ^ n) % 3650)), "press briefing", null, "en");
    }

    /// <summary>The archivist's titles of the seed documents, from seeds/archive.json.</summary>
    private static Dictionary<string, string> Titles(string seedsDirectory)
    {
        var file = Path.Combine(seedsDirectory, "archive.json");
        if (!File.Exists(file)) return [];
        var sources = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))?["sources"]?.AsArray() ?? [];
        return sources.Where(s => s?["file"] is not null && s["title"] is not null)
            .ToDictionary(s => s!["file"]!.GetValue<string>(), s => s!["title"]!.GetValue<string>());
    }

    public static RegisterSource Register(BenchSource source) =>
        new(source.Title, source.Text, "Benchmark Outlet", null, new DateOnly(2025, 1, 1), "en");

    /// <summary>The body of POST /api/sources for a source.</summary>
    public static object RegisterBody(BenchSource source) =>
        new { title = source.Title, text = source.Text, outlet = "Benchmark Outlet", publishedOn = new DateOnly(2025, 1, 1), language = "en" };

    /// <summary>Words to search for: frequent and rare ones from the seeds.</summary>
    public static readonly string[] SearchWords =
        ["cooperation", "corridor", "Gwadar", "agricultural", "railway", "friendship", "\"strategic cooperation\"", "modernization", "security", "dairy"];

    private static IEnumerable<Quote> QuotesIn(int source, string text)
    {
        // Code points before each UTF-16 index: spans count code points, and slicing per quote would be quadratic.
        var before = new int[text.Length + 1];
        for (var i = 0; i < text.Length; i++) before[i + 1] = before[i] + (char.IsLowSurrogate(text[i]) ? 0 : 1);
        foreach (Match sentence in SentencePattern().Matches(text))
        {
            var lead = sentence.Value.Length - sentence.Value.TrimStart().Length;
            var value = sentence.Value.Trim();
            if (value.Length < 40) continue;
            var offset = sentence.Index + lead;
            // The sentence, then its tail from each of its next few words: distinct spans, each a real quote.
            var cuts = new List<int> { 0 };
            for (var i = value.IndexOf(' '); i >= 0 && cuts.Count < 6; i = value.IndexOf(' ', i + 1)) cuts.Add(i + 1);
            foreach (var cut in cuts.Where(c => value.Length - c > 30))
            {
                yield return new Quote(source, new TextSpan(before[offset + cut], before[offset + value.Length]), value[cut..]);
            }
        }
    }

    [GeneratedRegex(@"[^\n.!?]+(?:[.!?]+[”""’)]*|$)", RegexOptions.Multiline)]
    private static partial Regex SentencePattern();
}
