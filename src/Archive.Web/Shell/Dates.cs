using System.Globalization;

namespace Archive.Web.Shell;

/// <summary>Days and instants as the pages show them: ISO dates, and instants in UTC to the second.</summary>
public static class Dates
{
    public static string Day(DateOnly? day) => Iso(day) ?? "—";

    /// <summary>A date field's value: ISO, or null when there is no date.</summary>
    public static string? Iso(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The machine-readable value of a <c>&lt;time datetime&gt;</c>.</summary>
    public static string Machine(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateOnly? ParseDay(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
