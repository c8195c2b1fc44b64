namespace Archive.Web.Sources;

/// <summary>A recorded statement's place in its source: code points <c>[Start, End)</c> of the stored text.</summary>
/// <param name="Label">What the statement's link says to a screen reader (its speaker), besides its id.</param>
/// <param name="Candidate">For an extractor's candidate instead of a statement: its index in the source's candidates (no link).</param>
public sealed record MarkedSpan(string StatementId, int Start, int End, string Status = "recorded", string Label = "", int? Candidate = null);

/// <summary>A piece of the marked-up text: a run of characters, or a mark around pieces.</summary>
public abstract record MarkNode;

public sealed record TextRun(string Text) : MarkNode;

/// <summary>The link to a statement, at the end of its mark: an element without text, so selecting text never starts on a link.</summary>
public sealed record StatementLink(MarkedSpan Span) : MarkNode;

public sealed record Mark(MarkedSpan Span, List<MarkNode> Children) : MarkNode;

/// <summary>
/// Lays statement spans over a source's text as properly nested marks. Nested spans nest; spans that cross are cut
/// where they cross, into several marks of the same statement; the last mark of each ends with its link. The runs of
/// text, read in order, are exactly the text: marks and links add elements, never characters.
/// </summary>
public static class SourceMarks
{
    public static List<MarkNode> Build(string text, IEnumerable<MarkedSpan> spans)
    {
        var units = CodePointStarts(text);
        var length = units.Length - 1;
        var ordered = spans.Select(s => s with { Start = Math.Clamp(s.Start, 0, length), End = Math.Clamp(s.End, 0, length) })
            .Where(s => s.End > s.Start)
            .OrderBy(s => s.Start).ThenByDescending(s => s.End).ThenBy(s => s.StatementId, StringComparer.Ordinal)
            .ToList();
        var cuts = ordered.SelectMany(s => new[] { s.Start, s.End }).Append(0).Append(length).Distinct().Order().ToList();

        var root = new List<MarkNode>();
        var open = new List<Mark>(); // outermost first
        var next = 0;
        for (var i = 0; i < cuts.Count - 1; i++)
        {
            var (from, to) = (cuts[i], cuts[i + 1]);
            Close(open, from, root);
            while (next < ordered.Count && ordered[next].Start == from)
            {
                var mark = new Mark(ordered[next++], []);
                (open.Count == 0 ? root : open[^1].Children).Add(mark);
                open.Add(mark);
            }
            (open.Count == 0 ? root : open[^1].Children).Add(new TextRun(text[units[from]..units[to]]));
        }
        Close(open, length, root);
        return root;
    }

    /// <summary>The text the nodes hold, in order: always the text they were built from.</summary>
    public static string TextOf(IEnumerable<MarkNode> nodes) => string.Concat(nodes.Select(n => n switch
    {
        TextRun run => run.Text,
        Mark mark => TextOf(mark.Children),
        StatementLink => "",
        _ => "",
    }));

    // Marks that end here close, each with its link; a mark opened inside one of them and still going on is cut and
    // opened again.
    private static void Close(List<Mark> open, int at, List<MarkNode> root)
    {
        var first = open.FindIndex(m => m.Span.End <= at);
        if (first < 0) return;
        foreach (var ending in open.Skip(first).Where(m => m.Span.End <= at)) ending.Children.Add(new StatementLink(ending.Span));
        var reopen = open.Skip(first).Where(m => m.Span.End > at).ToList();
        open.RemoveRange(first, open.Count - first);
        foreach (var cut in reopen)
        {
            var piece = new Mark(cut.Span, []);
            (open.Count == 0 ? root : open[^1].Children).Add(piece);
            open.Add(piece);
        }
    }

    /// <summary>The UTF-16 index where each code point starts, and the text's length after the last.</summary>
    public static int[] CodePointStarts(string text)
    {
        var starts = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1) starts.Add(i);
        starts.Add(text.Length);
        return [.. starts];
    }
}
