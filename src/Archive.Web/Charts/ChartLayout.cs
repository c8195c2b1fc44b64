using System.Globalization;

namespace Archive.Web.Charts;

public sealed record ChartBar(string X, string Y, string Width, string Height, int Colour, string Tip);

public sealed record ChartTick(string Y, string Label);

public sealed record ChartLabel(string X, string Label);

/// <summary>
/// Where the bars, ticks and month labels of a monthly chart go, in the SVG's own units (the SVG scales to its box).
/// Numbers are written with the invariant culture: a comma would break the SVG's attributes.
/// </summary>
public sealed class ChartLayout
{
    public const int Width = 720;
    public const int Height = 240;
    public const int Left = 40;
    public const int Right = 8;
    public const int Top = 10;
    public const int Bottom = 30;
    public const double PlotWidth = Width - Left - Right;
    public const double PlotHeight = Height - Top - Bottom;

    public IReadOnlyList<ChartBar> Bars { get; }
    public IReadOnlyList<ChartTick> Ticks { get; }
    public IReadOnlyList<ChartLabel> MonthLabels { get; }
    public string Baseline => N(Top + PlotHeight);

    public ChartLayout(MonthlyChartModel chart)
    {
        var months = chart.Months.Count;
        var stacks = Enumerable.Range(0, months).Select(i => chart.Series.Sum(s => s.Counts[i])).ToArray();
        var top = NiceTop(stacks.DefaultIfEmpty(0).Max());
        var slot = months == 0 ? PlotWidth : PlotWidth / months;
        // A few months must not make a wall of colour: bars keep to a width a person reads as a bar.
        var barWidth = Math.Clamp(slot * 0.8, 1, 48);
        var bars = new List<ChartBar>();
        for (var i = 0; i < months; i++)
        {
            var y = Top + PlotHeight;
            foreach (var series in chart.Series)
            {
                var count = series.Counts[i];
                if (count == 0) continue;
                var height = PlotHeight * count / top;
                y -= height;
                bars.Add(new ChartBar(N(Left + slot * i + (slot - barWidth) / 2), N(y), N(barWidth), N(height), series.Colour,
                    $"{MonthlyChartModel.Month(chart.Months[i])}, {series.Label}: {count}"));
            }
        }
        Bars = bars;
        var step = top / 4;
        Ticks = Enumerable.Range(0, 5).Select(k => new ChartTick(N(Top + PlotHeight - PlotHeight * k * step / top), (k * step).ToString(CultureInfo.InvariantCulture))).ToList();
        // About eight labels whatever the span, on whole multiples so they fall on the same months page after page.
        var every = Math.Max(1, (int)Math.Ceiling(months / 8.0));
        MonthLabels = Enumerable.Range(0, months).Where(i => i % every == 0)
            .Select(i => new ChartLabel(N(Left + slot * i + slot / 2), MonthlyChartModel.MonthKey(chart.Months[i]))).ToList();
    }

    /// <summary>The axis' top: a multiple of 4 steps of 1, 2 or 5 × 10ⁿ at or above the highest bar, so ticks are whole numbers.</summary>
    public static int NiceTop(int max)
    {
        if (max <= 4) return 4;
        foreach (var magnitude in new[] { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000 })
            foreach (var unit in new[] { 1, 2, 5 })
                if (unit * magnitude * 4 >= max) return unit * magnitude * 4;
        return max + (4 - max % 4) % 4;
    }

    public static string N(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);
}
