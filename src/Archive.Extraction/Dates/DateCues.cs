using System.Globalization;
using System.Text.RegularExpressions;

namespace Archive.Extraction.Dates;

/// <summary>A date expression found in a text: where, the words, and the date once resolved against a reference.</summary>
/// <see cref="Vague"/> cues ("last week", "recently") place the saying before the publication without naming the day.
internal sealed record DateCue(int Index, string Words, DateOnly? Date, bool Vague = false);

/// <summary>Finds explicit dates, yearless dates, weekday words and "yesterday"/"today", and resolves them.</summary>
internal static partial class DateCues
{
    /// <param name="namedMonths">The months the whole document names in words (<see cref="NamedMonths"/>), which
    /// settle a numeric date that reads both ways.</param>
    public static List<DateCue> Find(string text, DateOnly? reference, IReadOnlySet<int>? namedMonths = null)
    {
        var cues = new List<DateCue>();
        foreach (Match m in Pattern().Matches(text))
            cues.Add(new DateCue(m.Index, m.Value.Trim(), m.Groups["vague"].Success ? null : Resolve(m, reference, namedMonths), m.Groups["vague"].Success));
        return cues;
    }

    /// <summary>The first full date (with a year) in a text, or null.</summary>
    public static DateCue? FirstFull(string text, IReadOnlySet<int>? namedMonths = null) =>
        Find(text, null, namedMonths).FirstOrDefault(c => c.Date is not null);

    /// <summary>The months a text names in words ("3 December", "Dec. 8").</summary>
    public static IReadOnlySet<int> NamedMonths(string text) =>
        Pattern().Matches(text).Where(m => m.Groups["m1"].Success || m.Groups["m2"].Success)
            .Select(m => Month(m.Groups["m1"].Success ? m.Groups["m1"].Value : m.Groups["m2"].Value)).ToHashSet();

    private static DateOnly? Resolve(Match m, DateOnly? reference, IReadOnlySet<int>? namedMonths)
    {
        if (m.Groups["iso"].Success)
            return DateOnly.TryParseExact(m.Groups["iso"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso) ? iso : null;
        // "10.11.2026" and "24/11/2026" put the day first, as most of the world writes them; "11/24/2026" cannot.
        if (m.Groups["nd"].Success)
        {
            var (first, second) = (int.Parse(m.Groups["nd"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["nm"].Value, CultureInfo.InvariantCulture));
            var (d, mo) = second > 12 && m.Groups["sep"].Value == "/" ? (second, first) : (first, second);
            // "12/8/2026" in a briefing that speaks of "3 December" and never of August is 8 December, written the
            // American way: a date that reads both ways takes the month the document names.
            if (m.Groups["sep"].Value == "/" && first != second && first <= 12 && second <= 12 && namedMonths is not null
                && namedMonths.Contains(first) && !namedMonths.Contains(second))
                (d, mo) = (second, first);
            var y = int.Parse(m.Groups["ny"].Value, CultureInfo.InvariantCulture);
            return mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
        }
        // "3.XII.2026": the month in Roman numerals, as much of Europe writes it.
        if (m.Groups["rd"].Success)
        {
            var (d, mo, y) = (int.Parse(m.Groups["rd"].Value, CultureInfo.InvariantCulture), Array.IndexOf(Roman, m.Groups["rm"].Value.ToUpperInvariant()) + 1,
                int.Parse(m.Groups["ry"].Value, CultureInfo.InvariantCulture));
            return mo >= 1 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
        }
        if (m.Groups["weekday"].Success)
        {
            if (reference is not { } r) return null;
            var wanted = Enum.Parse<DayOfWeek>(m.Groups["weekday"].Value, ignoreCase: true);
            // A weekday in a report means the latest such day up to the publication date.
            return r.AddDays(-(((int)r.DayOfWeek - (int)wanted + 7) % 7));
        }
        if (m.Groups["relative"].Success)
            return reference?.AddDays(Yesterday().IsMatch(m.Groups["relative"].Value) ? -1 : 0);
        var monthName = m.Groups["m1"].Success ? m.Groups["m1"].Value : m.Groups["m2"].Value;
        var month = Month(monthName);
        var day = int.Parse(m.Groups["d1"].Success ? m.Groups["d1"].Value : m.Groups["d2"].Value, CultureInfo.InvariantCulture);
        var yearGroup = m.Groups["y1"].Success ? m.Groups["y1"] : m.Groups["y2"];
        int year;
        if (yearGroup.Success) year = int.Parse(yearGroup.Value, CultureInfo.InvariantCulture);
        else if (reference is { } r) year = month > r.Month || (month == r.Month && day > r.Day) ? r.Year - 1 : r.Year;
        else return null;
        return day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    private static int Month(string name) =>
        Array.FindIndex(Months, m => name.StartsWith(m, StringComparison.OrdinalIgnoreCase)) + 1;

    private static readonly string[] Roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    // Abbreviations with or without their full stop ("Nov. 12", "Nov 23"); a day number must follow or precede them.
    private const string MonthName = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?";

    [GeneratedRegex(@"\b(?<iso>\d{4}-\d{2}-\d{2})\b|\b(?<rd>\d{1,2})\.\s?(?<rm>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\.\s?(?<ry>\d{4})\b|\b(?<nd>\d{1,2})(?<sep>[./])(?<nm>\d{1,2})\k<sep>(?<ny>\d{4})\b|\b(?<m1>" + MonthName + @")(?![a-z])\s+(?<d1>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?<y1>\d{4})\b)?|\b(?<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m2>" + MonthName + @")(?![a-z])(?:,?\s+(?<y2>\d{4})\b)?|\b(?<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b(?<relative>yesterday|last night|today|earlier today|this morning|this afternoon|this evening|tonight)\b|\b(?<vague>last week|last month|earlier this (?:week|month|year)|recently|last year|a few days ago|days ago|weeks ago)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    [GeneratedRegex("^(?:yesterday|last night)$", RegexOptions.IgnoreCase)]
    private static partial Regex Yesterday();
}
