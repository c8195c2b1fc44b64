namespace Archive.Extraction.Eval.Evaluation;

/// <summary>Counts over a set of documents, from which every published metric is derived.</summary>
public sealed record Score(
    int Labels, int Candidates, int Recalled, int Precise, int Exact,
    int Matched, int RightSpeaker, int Dated, int RightDate, int RightKind)
{
    public static readonly Score Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public double Recall => Ratio(Recalled, Labels);
    public double Precision => Ratio(Precise, Candidates);
    public double ExactF1 => Exact == 0 ? 0 : 2.0 * Exact / (Labels + Candidates);
    public double SpeakerAccuracy => Ratio(RightSpeaker, Matched);
    public double SaidOnAccuracy => Ratio(RightDate, Dated);
    public double KindAccuracy => Ratio(RightKind, Matched);

    public static Score operator +(Score a, Score b) => new(
        a.Labels + b.Labels, a.Candidates + b.Candidates, a.Recalled + b.Recalled, a.Precise + b.Precise, a.Exact + b.Exact,
        a.Matched + b.Matched, a.RightSpeaker + b.RightSpeaker, a.Dated + b.Dated, a.RightDate + b.RightDate, a.RightKind + b.RightKind);

    private static double Ratio(int n, int d) => d == 0 ? double.NaN : (double)n / d;
}

/// <summary>
/// The definitions. Recall: a label whose span is at least 60 % covered by candidates with the right speaker
/// (a joint label also needs kind joint). Precision: a candidate with at least 50 % of its span inside one label of
/// the right speaker. Speaker, kind and said-on accuracy are over labels that some candidate overlaps by half or more.
/// </summary>
public static class Scorer
{
    public static Score Score(IReadOnlyList<Label> labels, IReadOnlyList<Candidate> candidates)
    {
        int recalled = 0, precise = 0, exact = 0, matched = 0, rightSpeaker = 0, dated = 0, rightDate = 0, rightKind = 0;
        foreach (var label in labels)
        {
            var right = candidates.Where(c => RightSpeaker(c, label)).Select(c => c.Span).ToList();
            if (Covered(label.Span, right) * 10 >= Length(label.Span) * 6) recalled++;
            if (Best(label, candidates) is not { } best) continue;
            matched++;
            var speakerOk = RightSpeaker(best, label);
            if (speakerOk) rightSpeaker++;
            if (best.QuoteKind == label.Kind) rightKind++;
            if (label.SaidOn is not null && speakerOk)
            {
                dated++;
                if (best.SaidOn == label.SaidOn) rightDate++;
            }
        }
        foreach (var candidate in candidates)
        {
            if (labels.Any(l => RightSpeaker(candidate, l) && Overlap(candidate.Span, l.Span) * 2 >= Length(candidate.Span))) precise++;
            if (labels.Any(l => l.Span == candidate.Span)) exact++;
        }
        return new Score(labels.Count, candidates.Count, recalled, precise, exact, matched, rightSpeaker, dated, rightDate, rightKind);
    }

    /// <summary>The candidate overlapping a label most, when it covers at least half of it: the one its accuracies judge.</summary>
    public static Candidate? Best(Label label, IReadOnlyList<Candidate> candidates)
    {
        var best = candidates.OrderByDescending(c => Overlap(c.Span, label.Span)).ThenBy(c => c.Span.Start).FirstOrDefault();
        return best is null || Overlap(best.Span, label.Span) * 2 < Length(label.Span) ? null : best;
    }

    /// <summary>Joint statements are the same when the same governments make them, whoever is named first.</summary>
    public static bool RightSpeaker(Candidate candidate, Label label)
    {
        if (label.Kind == QuoteKinds.Joint)
        {
            if (candidate.QuoteKind != QuoteKinds.Joint) return false;
            var said = candidate.CoSpeakers.Prepend(candidate.Speaker.ActorId ?? "").ToHashSet();
            var expected = (label.CoSpeakers ?? []).Prepend(label.Speaker.ActorId ?? "").ToHashSet();
            return said.SetEquals(expected);
        }
        if (label.Speaker.ActorId is { } id)
            return candidate.Speaker.ActorId == id || (label.AlsoAccepted ?? []).Contains(candidate.Speaker.ActorId ?? "");
        var mention = label.Speaker.Mention ?? "";
        var proposed = candidate.Speaker.Mention;
        return candidate.Speaker.ActorId is null && mention.Length > 0 &&
            (proposed.Contains(mention, StringComparison.OrdinalIgnoreCase) || mention.Contains(proposed, StringComparison.OrdinalIgnoreCase));
    }

    private static int Length(CodePointSpan span) => span.End - span.Start;

    private static int Overlap(CodePointSpan a, CodePointSpan b) => Math.Max(0, Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start));

    private static int Covered(CodePointSpan target, List<CodePointSpan> spans)
    {
        var covered = 0;
        var cursor = target.Start;
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            var from = Math.Max(cursor, span.Start);
            var to = Math.Min(target.End, span.End);
            if (to > from) { covered += to - from; cursor = to; }
        }
        return covered;
    }
}
