using System.Globalization;

namespace Archive.Web.Charts;

/// <summary>One series of a chart (a topic, an actor): its label and its count in each month of the chart.</summary>
public sealed record ChartSeries(string Key, string Label, IReadOnlyList<int> Counts, int Colour)
{
    public int Total => Counts.Sum();
}

/// <summary>
/// Statements per month, stacked by series. <see cref="Totals"/> counts each statement once; a statement in two
/// series (filed under two topics) is in both stacks, so a bar can be higher than its month's total.
/// </summary>
public sealed record MonthlyChartModel(
    string Id, string Title, string SeriesName, IReadOnlyList<DateOnly> Months, IReadOnlyList<ChartSeries> Series, IReadOnlyList<int> Totals)
{
    public bool IsEmpty => Months.Count == 0;

    public int Statements => Totals.Sum();

    public static string Month(DateOnly month) => month.ToString("MMM yyyy", CultureInfo.InvariantCulture);

    public static string MonthKey(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The chart in words: the span, the busiest month and each series' total (the figure's text alternative).</summary>
    public string Summary
    {
        get
        {
            if (IsEmpty) return "No statements.";
            var most = Totals.Max();
            var busiest = Enumerable.Range(0, Months.Count).Where(i => Totals[i] == most).ToList();
            var span = Months.Count == 1 ? $"in {Month(Months[0])}" : $"from {Month(Months[0])} to {Month(Months[^1])}";
            var peak = busiest.Count == 1 || Months.Count == 1 ? $"the most in {Month(Months[busiest[0]])} ({most})" : $"at most {most} in a month";
            var series = string.Join("; ", Series.Select(s => $"{s.Label}: {s.Total}"));
            return $"{Statements} {Plural(Statements)} {span}; {peak}. By {SeriesName}: {series}.";
        }
    }

    private static string Plural(int n) => n == 1 ? "statement" : "statements";
}

/// <summary>Builds a monthly chart from the statements' days and series: pure, so its counting is tested on its own.</summary>
public static class MonthlyChart
{
    /// <summary>The most series drawn apart (one colour each); the rest are drawn together as one.</summary>
    public const int MaxSeries = 6;

    public const string OtherKey = "\u0000other";
    public const string NoneKey = "\u0000none";

    /// <param name="statements">Each statement's day and its series' keys (none: counted under <paramref name="noneLabel"/>).</param>
    /// <param name="labels">The label of each key; a key without one shows as itself.</param>
    public static MonthlyChartModel Build(
        string id, string title, string seriesName, IEnumerable<(DateOnly SaidOn, IReadOnlyCollection<string> Keys)> statements,
        IReadOnlyDictionary<string, string> labels, string noneLabel, string otherLabel)
    {
        var rows = statements.Select(s => (Month: new DateOnly(s.SaidOn.Year, s.SaidOn.Month, 1),
            Keys: s.Keys.Count == 0 ? new[] { NoneKey } : s.Keys.Distinct(StringComparer.Ordinal).ToArray())).ToList();
        if (rows.Count == 0) return new MonthlyChartModel(id, title, seriesName, [], [], []);

        var first = rows.Min(r => r.Month);
        var last = rows.Max(r => r.Month);
        var months = new List<DateOnly>();
        for (var m = first; m <= last; m = m.AddMonths(1)) months.Add(m);
        int Index(DateOnly month) => (month.Year - first.Year) * 12 + month.Month - first.Month;

        string Label(string key) => key == NoneKey ? noneLabel : key == OtherKey ? otherLabel : labels.GetValueOrDefault(key, key);
        // The largest series keep their own colour; "none" is a series like the others.
        var kept = rows.SelectMany(r => r.Keys).GroupBy(k => k, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => Label(g.Key), StringComparer.OrdinalIgnoreCase).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).ToList();
        if (kept.Count > MaxSeries) kept = [.. kept.Take(MaxSeries - 1), OtherKey];
        var keptSet = kept.ToHashSet(StringComparer.Ordinal);

        var counts = kept.ToDictionary(k => k, _ => new int[months.Count], StringComparer.Ordinal);
        var totals = new int[months.Count];
        foreach (var (month, keys) in rows)
        {
            var i = Index(month);
            totals[i]++;
            // A statement counts once in a series, even when several of its keys fall into "other".
            foreach (var key in keys.Select(k => keptSet.Contains(k) ? k : OtherKey).Distinct(StringComparer.Ordinal)) counts[key][i]++;
        }
        var series = kept.Select((k, n) => new ChartSeries(k, Label(k), counts[k], n)).ToList();
        return new MonthlyChartModel(id, title, seriesName, months, series, totals);
    }
}
