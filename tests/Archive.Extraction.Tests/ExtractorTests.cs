using Xunit;

namespace Archive.Extraction.Tests;

public sealed class ExtractorTests
{
    private const string Report = "Ines Calder said that testing would begin this month.\n\n“Every kilometre of track is a promise kept,” Calder said.\n\nAmara Diallo said on Monday that Kestria would propose a new line.";

    [Fact]
    public void Extract_SameInputTwice_GivesEqualCandidates()
    {
        var first = Given.Extract(Report, new DateOnly(2026, 3, 3));
        var second = Extractor.Extract(Given.Input(Report, new DateOnly(2026, 3, 3)) with { Actors = Given.Actors.Reverse().ToList() });

        Assert.Equal(Given.Describe(first), Given.Describe(second));
        Assert.Equal(first.Select(c => string.Join(",", c.Topics) + string.Join(",", c.CoSpeakers)), second.Select(c => string.Join(",", c.Topics) + string.Join(",", c.CoSpeakers)));
    }

    [Fact]
    public void Extract_Candidates_AreOrderedBySpanStartThenEnd()
    {
        var candidates = Given.Extract(Report, new DateOnly(2026, 3, 3));

        Assert.Equal(3, candidates.Count);
        Assert.Equal(candidates.OrderBy(c => c.Span.Start).ThenBy(c => c.Span.End), candidates);
    }

    [Fact]
    public void Extract_EmojiBeforeQuote_CountsCodePointsNotUtf16Units()
    {
        const string text = "🚆🚆 Ines Calder said, “Next stop: a new era for travel between our countries.”";

        var candidate = Given.Extract(text, new DateOnly(2026, 3, 3)).Starting("Next stop");

        var codePoints = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        Assert.Equal(candidate.Quote, string.Concat(codePoints[candidate.Span.Start..candidate.Span.End]));
        Assert.Equal(text.IndexOf("Next", StringComparison.Ordinal) - 2, candidate.Span.Start);
    }

    [Fact]
    public void Extract_StatementAlreadyRecorded_IsMarkedWithItsId()
    {
        var recorded = new RecordedStatement("st-1", new CodePointSpan(0, 53), "ines-calder");

        var candidates = Extractor.Extract(Given.Input(Report, new DateOnly(2026, 3, 3), recorded: [recorded]));

        Assert.Equal("st-1", candidates.Starting("Ines Calder said").RecordedStatementId);
        Assert.Null(candidates.Starting("Amara Diallo").RecordedStatementId);
    }

    [Fact]
    public void Extract_EmptyText_GivesNoCandidates()
    {
        Assert.Empty(Given.Extract(""));
    }

    [Fact]
    public void Extract_AuthoredArticle_GivesTheAuthorsSentencesAndOthersReportedSpeech()
    {
        var text = "We are ready to deepen cooperation with Kestria.\n\nAmara Diallo stated that Kestria is ready to work with Valdoria. We highly commend these efforts.";

        var candidates = Given.Extract(text, new DateOnly(2026, 3, 3), title: "Building the future together (article by Ines Calder)");

        Assert.Equal("ines-calder", candidates.Starting("We are ready").Speaker.ActorId);
        Assert.Equal("ines-calder", candidates.Starting("We highly commend").Speaker.ActorId);
        Assert.Equal("amara-diallo", candidates.Starting("Amara Diallo stated").Speaker.ActorId);
        Assert.Null(candidates.Starting("Amara Diallo stated").SaidOn);
        Assert.Equal(new DateOnly(2026, 3, 3), candidates.Starting("We are ready").SaidOn);
    }
}
