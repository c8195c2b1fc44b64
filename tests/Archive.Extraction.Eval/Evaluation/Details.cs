namespace Archive.Extraction.Eval.Evaluation;

/// <summary>A document's candidates beside its labels, for working on the rules with the development split.</summary>
public static class Details
{
    public static void Print(LabelledDocument document, IReadOnlyList<Candidate> candidates)
    {
        Console.WriteLine($"== {document.Document} ({document.Shape}, {document.Split})");
        foreach (var label in document.Statements)
        {
            var hit = candidates.Any(c => Scorer.RightSpeaker(c, label) && Overlap(c.Span, label.Span) * 10 >= (label.Span.End - label.Span.Start) * 6);
            // A found statement dated otherwise than its label shows as DATE, with the date it was given.
            var best = candidates.Where(c => Scorer.RightSpeaker(c, label)).MaxBy(c => Overlap(c.Span, label.Span));
            var dated = !hit || label.SaidOn is null || best?.SaidOn == label.SaidOn;
            Console.WriteLine($"{(!hit ? "MISS" : dated ? "  ok" : $"DATE {best?.SaidOn:yyyy-MM-dd} ({best?.SaidOnCue})")} L[{label.Span.Start},{label.Span.End}) {label.Kind} {label.Speaker.ActorId ?? label.Speaker.Mention} {label.SaidOn} | {Short(label.Quote)}");
        }
        foreach (var c in candidates)
        {
            var good = document.Statements.Any(l => Scorer.RightSpeaker(c, l) && Overlap(c.Span, l.Span) * 2 >= c.Span.End - c.Span.Start);
            Console.WriteLine($"{(good ? "  ok" : "  FP")} C[{c.Span.Start},{c.Span.End}) {c.QuoteKind} {c.Speaker.ActorId ?? "?"}+{string.Join(",", c.CoSpeakers)} '{c.Speaker.Mention}' {c.SaidOn} ({c.SaidOnCue}) {c.Rule} {c.Confidence} [{string.Join(",", c.Topics)}] | {Short(c.Quote)}");
        }
    }

    private static int Overlap(CodePointSpan a, CodePointSpan b) => Math.Max(0, Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start));

    private static string Short(string quote) => quote.Length > 90 ? quote[..90].Replace('\n', ' ') + "…" : quote.Replace('\n', ' ');
}
