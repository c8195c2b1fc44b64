using Archive.Extraction.Eval.Evaluation;
using Xunit;
using LabelledSet = Archive.Extraction.Eval.Evaluation.DevSet;

namespace Archive.Extraction.Tests.Labelled;

/// <summary>The labelled set is well-formed, and the extractor does not fall below what it measured on it.</summary>
public sealed class DevSetTests
{
    private static readonly string Root = LabelledSet.RepositoryRoot();
    private static readonly IReadOnlyList<LabelledDocument> Documents = LabelledSet.Load(Root);

    [Fact]
    public void Labels_EachQuote_IsTheTextAtItsCodePointSpan()
    {
        foreach (var document in Documents)
        {
            var codePoints = document.Text.EnumerateRunes().Select(r => r.ToString()).ToArray();
            foreach (var label in document.Statements)
                Assert.True(label.Quote == string.Concat(codePoints[label.Span.Start..label.Span.End]), $"{document.Document} [{label.Span.Start},{label.Span.End}) does not hold '{label.Quote}'");
        }
    }

    [Fact]
    public void Labels_HeldOutSplit_IsAtLeastAThirdOfDocumentsAndCoversEveryShape()
    {
        var heldOut = Documents.Where(d => d.Split == "held-out").ToList();

        Assert.True(heldOut.Count * 3 >= Documents.Count, $"{heldOut.Count} of {Documents.Count} documents held out");
        Assert.Equal(["joint", "news", "qa"], heldOut.Select(d => d.Shape).Distinct().Order().ToArray());
    }

    [Fact]
    public void Extract_DevelopmentSplit_StaysAboveMeasuredFloors()
    {
        var archive = LabelledSet.Archive(Root);
        var dev = Documents.Where(d => d.Split == "dev").ToList();

        var score = Report.Run(dev, archive).Aggregate(Score.Zero, (sum, r) => sum + r.Score);

        // Measured 1.00 / 0.98, speaker 1.00, said-on 0.94 (docs/extraction.md); a few points of slack so only a regression fails.
        Assert.True(score.Recall >= 0.97, $"recall {score.Recall:0.00}");
        Assert.True(score.Precision >= 0.94, $"precision {score.Precision:0.00}");
        Assert.True(score.SpeakerAccuracy >= 0.97, $"speaker accuracy {score.SpeakerAccuracy:0.00}");
        Assert.True(score.SaidOnAccuracy >= 0.90, $"said-on accuracy {score.SaidOnAccuracy:0.00}");
    }
}
