using Archive.Domain.Sources;
using Archive.Domain.Statements;

namespace Archive.Testing;

/// <summary>A small source document with numbered sentences, and the exact spans of each.</summary>
public sealed class SampleSource
{
    public SampleSource(int sentences, string? salt = null)
    {
        var lines = Enumerable.Range(1, sentences).Select(i => $"Sentence {i} about “cooperation” 😀 in {salt ?? "the corridor"}.").ToArray();
        Text = string.Join("\n", lines);
        Sentences = lines;
        Id = SourceText.IdFor(SourceText.Normalise(Text));
    }

    public string Text { get; }
    public string Id { get; }
    public IReadOnlyList<string> Sentences { get; }

    /// <summary>The code point span of sentence <paramref name="index"/> (0-based).</summary>
    public TextSpan Span(int index)
    {
        var start = Sentences.Take(index).Sum(s => SourceText.CodePointLength(s) + 1);
        return new TextSpan(start, start + SourceText.CodePointLength(Sentences[index]));
    }

    public RegisterSource Register(string title = "Sample briefing") => new(title, Text, "Sample Outlet", null, new DateOnly(2025, 1, 1), "en");

    public RecordStatement Statement(string actorId, int index, IReadOnlyList<string>? topics = null) =>
        new(actorId, Id, Sentences[index], Span(index), QuoteKinds.Direct, new DateOnly(2025, 1, 1), "briefing", topics, "en");
}
