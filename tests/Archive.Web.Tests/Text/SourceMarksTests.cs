using Archive.Web.Sources;
using Xunit;

namespace Archive.Web.Tests.Text;

public sealed class SourceMarksTests
{
    [Fact]
    public void Build_NoStatements_OneRunOfTheWholeText()
    {
        // given a text without statements
        var nodes = SourceMarks.Build("Nothing is marked here.", []);

        // then it is one run
        Assert.Equal([new TextRun("Nothing is marked here.")], nodes);
    }

    [Fact]
    public void Build_NestedSpans_MarksNestAndEachEndsWithItsLink()
    {
        // given a statement inside another
        var nodes = SourceMarks.Build("abcdefghij", [new MarkedSpan("st-outer", 1, 8), new MarkedSpan("st-inner", 3, 5)]);

        // then the inner mark sits inside the outer one, and each ends with the link to its statement
        Assert.Equal(3, nodes.Count);
        Assert.Equal(new TextRun("a"), nodes[0]);
        Assert.Equal(new TextRun("ij"), nodes[2]);
        var outer = Assert.IsType<Mark>(nodes[1]);
        Assert.Equal("st-outer", outer.Span.StatementId);
        Assert.Equal(new TextRun("bc"), outer.Children[0]);
        var inner = Assert.IsType<Mark>(outer.Children[1]);
        Assert.Equal([new TextRun("de"), new StatementLink(inner.Span)], inner.Children);
        Assert.Equal([new TextRun("fgh"), new StatementLink(outer.Span)], outer.Children.Skip(2));
    }

    [Fact]
    public void Build_CrossingSpans_CutIntoMarksOfTheSameStatement()
    {
        // given two statements that overlap without nesting
        var nodes = SourceMarks.Build("abcdefghij", [new MarkedSpan("st-a", 1, 5), new MarkedSpan("st-b", 3, 8)]);

        // then the second one is cut where the first ends: two marks of st-b, all properly nested, its link in the last
        var first = Assert.IsType<Mark>(nodes[1]);
        var bInside = Assert.IsType<Mark>(first.Children[1]);
        var bAfter = Assert.IsType<Mark>(nodes[2]);
        Assert.Equal(("st-a", "st-b", "st-b"), (first.Span.StatementId, bInside.Span.StatementId, bAfter.Span.StatementId));
        Assert.Equal("de", SourceMarks.TextOf(bInside.Children));
        Assert.Equal("fgh", SourceMarks.TextOf(bAfter.Children));
        Assert.DoesNotContain(bInside.Children, n => n is StatementLink);
        Assert.Equal(new StatementLink(bAfter.Span), bAfter.Children[^1]);
        Assert.Equal("abcdefghij", SourceMarks.TextOf(nodes));
    }

    [Fact]
    public void Build_EmojiAndCjk_SpansCountCodePoints()
    {
        // given a text whose characters take one or two UTF-16 units, and a span in code points
        const string text = "😀 他说：“好的”—— done";
        var nodes = SourceMarks.Build(text, [new MarkedSpan("st-x", 2, 10)]);

        // then the mark holds exactly those code points (the emoji counts as one)
        var mark = Assert.IsType<Mark>(nodes[1]);
        Assert.Equal("他说：“好的”—", SourceMarks.TextOf(mark.Children));
        Assert.Equal(text, SourceMarks.TextOf(nodes));
    }

    [Fact]
    public void Build_SpansOutsideTheText_AreClippedOrDropped()
    {
        // given spans reaching past the end, and one empty after clipping
        var nodes = SourceMarks.Build("short", [new MarkedSpan("st-long", 3, 50), new MarkedSpan("st-gone", 9, 12)]);

        // then the first is clipped to the text and the second is not drawn
        Assert.Equal(2, nodes.Count);
        Assert.Equal(new TextRun("sho"), nodes[0]);
        var mark = Assert.IsType<Mark>(nodes[1]);
        Assert.Equal((3, 5), (mark.Span.Start, mark.Span.End));
        Assert.Equal([new TextRun("rt"), new StatementLink(mark.Span)], mark.Children);
    }

    [Fact]
    public void Build_RandomSpans_TextIsKeptAndEveryStatementCoversExactlyItsSpan()
    {
        var random = new Random(1307);
        const string text = "“Quotes”, 😀 emoji, 中文 and   spaces — all of it.";
        var length = SourceMarks.CodePointStarts(text).Length - 1;
        for (var round = 0; round < 300; round++)
        {
            // given a few random spans, some nested, some crossing, some identical
            var spans = Enumerable.Range(0, random.Next(1, 6)).Select(i =>
            {
                var start = random.Next(0, length - 1);
                return new MarkedSpan($"st-{i}", start, random.Next(start + 1, length + 1));
            }).ToList();

            // when they are laid over the text
            var nodes = SourceMarks.Build(text, spans);

            // then the text is unchanged, the marks of each statement cover exactly its code points, and its one link
            // comes right where its span ends
            Assert.Equal(text, SourceMarks.TextOf(nodes));
            var covered = spans.ToDictionary(s => s.StatementId, _ => new SortedSet<int>());
            var links = new List<(string Id, int At)>();
            Walk(nodes, 0, [], covered, links);
            foreach (var span in spans)
            {
                Assert.Equal(Enumerable.Range(span.Start, span.End - span.Start), covered[span.StatementId]);
                Assert.Equal([(span.StatementId, span.End)], links.Where(l => l.Id == span.StatementId));
            }
        }
    }

    private static int Walk(IEnumerable<MarkNode> nodes, int at, List<string> open, Dictionary<string, SortedSet<int>> covered, List<(string, int)> links)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextRun run:
                    var points = run.Text.EnumerateRunes().Count();
                    foreach (var id in open) covered[id].UnionWith(Enumerable.Range(at, points));
                    at += points;
                    break;
                case StatementLink link:
                    Assert.Equal(link.Span.StatementId, open[^1]); // inside its own mark
                    links.Add((link.Span.StatementId, at));
                    break;
                case Mark mark:
                    at = Walk(mark.Children, at, [.. open, mark.Span.StatementId], covered, links);
                    break;
            }
        }
        return at;
    }
}
