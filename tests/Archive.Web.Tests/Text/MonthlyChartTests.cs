using Archive.Web.Charts;
using Archive.Web.Find;
using Xunit;

namespace Archive.Web.Tests.Text;

public sealed class MonthlyChartTests
{
    private static readonly Dictionary<string, string> Titles = new() { ["trade"] = "Trade", ["water"] = "Water" };

    private static MonthlyChartModel Build(params (string Day, string[] Keys)[] statements) =>
        MonthlyChart.Build("c", "Chart", "topic", statements.Select(s => (DateOnly.Parse(s.Day, System.Globalization.CultureInfo.InvariantCulture), (IReadOnlyCollection<string>)s.Keys)), Titles, "No topic", "Other topics");

    [Fact]
    public void Build_GapBetweenMonths_EveryMonthIsOnTheAxisWithTheCountsInIt()
    {
        // given statements in November and January, one of them under two topics and one under none
        var chart = Build(("2025-11-03", ["trade"]), ("2025-11-20", ["trade", "water"]), ("2026-01-05", []));

        // then the months run without a gap, each statement counts once in the totals and once in each of its series
        Assert.Equal(["2025-11", "2025-12", "2026-01"], chart.Months.Select(MonthlyChartModel.MonthKey));
        Assert.Equal([2, 0, 1], chart.Totals);
        Assert.Equal(["Trade", "No topic", "Water"], chart.Series.Select(s => s.Label));
        Assert.Equal([2, 0, 0], chart.Series[0].Counts);
        Assert.Equal([0, 0, 1], chart.Series[1].Counts);
        Assert.Equal("3 statements from Nov 2025 to Jan 2026; the most in Nov 2025 (2). By topic: Trade: 2; No topic: 1; Water: 1.", chart.Summary);
    }

    [Fact]
    public void Summary_SeveralBusiestMonths_SaysTheMostInAMonth()
    {
        var chart = Build(("2025-01-03", ["trade"]), ("2025-03-20", ["water"]));
        Assert.Equal("2 statements from Jan 2025 to Mar 2025; at most 1 in a month. By topic: Trade: 1; Water: 1.", chart.Summary);
    }

    [Fact]
    public void Build_MoreSeriesThanColours_TheSmallestAreOneSeriesCountingEachStatementOnce()
    {
        // given eight topics in one month, the last statement under two of the smallest
        var statements = Enumerable.Range(0, 7).SelectMany(i => Enumerable.Repeat(("2026-02-01", new[] { $"t{i}" }), 7 - i))
            .Append(("2026-02-02", new[] { "t6", "t7" })).ToArray();

        // when it is charted
        var chart = Build(statements);

        // then five keep their colour and "Other topics" holds the rest (t5's two, t6's one, and that statement once)
        Assert.Equal(MonthlyChart.MaxSeries, chart.Series.Count);
        Assert.Equal(["t0", "t1", "t2", "t3", "t4", "Other topics"], chart.Series.Select(s => s.Label));
        Assert.Equal(2 + 1 + 1, chart.Series[^1].Total);
        Assert.Equal(29, chart.Statements);
    }

    [Fact]
    public void Layout_StackedBars_FitThePlotAndAreWrittenWithDots()
    {
        // given a month with three statements in two series and an empty month
        var chart = Build(("2026-01-05", ["trade"]), ("2026-01-06", ["trade"]), ("2026-01-07", ["water"]), ("2026-03-01", ["water"]));

        // when it is laid out
        var layout = new ChartLayout(chart);

        // then the axis tops at 4, bars stack from the baseline, and numbers never use a decimal comma
        Assert.Equal("4", layout.Ticks[^1].Label);
        Assert.Equal(3, layout.Bars.Count);
        var january = layout.Bars.Take(2).ToList();
        Assert.Equal(ChartLayout.PlotHeight * 3 / 4, january.Sum(b => double.Parse(b.Height, System.Globalization.CultureInfo.InvariantCulture)), 1);
        Assert.All(layout.Bars, b => Assert.DoesNotContain(",", b.X + b.Y + b.Width + b.Height));
        Assert.Equal("Jan 2026, Trade: 2", january[0].Tip);
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(5, 8)]
    [InlineData(9, 20)]
    [InlineData(41, 80)]
    [InlineData(399, 400)]
    public void NiceTop_Highest_IsFourWholeSteps(int highest, int top) => Assert.Equal(top, ChartLayout.NiceTop(highest));
}

public sealed class SnippetTests
{
    [Fact]
    public void Runs_HitsMarked_CutIntoTextAndHits()
    {
        var runs = Snippet.Runs("the <mark>tariffs</mark> will <mark>rise</mark>");
        Assert.Equal([("the ", false), ("tariffs", true), (" will ", false), ("rise", true)], runs.Select(r => (r.Text, r.Hit)));
    }

    [Fact]
    public void Runs_QuoteHoldingMarkup_StaysText()
    {
        // given a quote that itself holds a closing mark tag and a script tag outside any hit
        var runs = Snippet.Runs("a </mark><script>x</script> <mark>word</mark>");

        // then only the store's markers cut it: the quote's characters are all in the runs as text
        Assert.Equal([("a </mark><script>x</script> ", false), ("word", true)], runs.Select(r => (r.Text, r.Hit)));
    }
}
