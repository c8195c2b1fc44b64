using System.CommandLine.Parsing;
using System.Globalization;

namespace Archive.Cli.Shell;

/// <summary>Option parsers whose errors name the option and the expected form, not a .NET type.</summary>
public static class Parsers
{
    public static DateOnly? Date(ArgumentResult result)
    {
        var token = Token(result);
        if (DateOnly.TryParseExact(token, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)) return value;
        result.AddError($"{Name(result)} must be a date such as 2025-01-31, not '{token}'");
        return null;
    }

    /// <summary>An instant with its offset (2026-01-04T10:00:00Z); a local time without one would depend on the machine.</summary>
    public static DateTimeOffset? Instant(ArgumentResult result)
    {
        var token = Token(result);
        if (token.Length > 10 && (token.EndsWith('Z') || token.EndsWith('z') || token[^6] is '+' or '-')
            && DateTimeOffset.TryParse(token, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)) return value;
        result.AddError($"{Name(result)} must be an instant with its offset, such as 2026-01-04T10:00:00Z, not '{token}'");
        return null;
    }

    /// <summary>
    /// A span of code points, START:END with END exclusive; <c>120-135</c> and <c>120–135</c> (as the archive prints spans) are
    /// read the same.
    /// </summary>
    public static CodePointSpan? Span(ArgumentResult result)
    {
        var token = Token(result);
        var parts = token.Split([':', '-', '\u2013'], StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end))
        {
            if (end > start) return new CodePointSpan(start, end);
            result.AddError($"{Name(result)} must end after it starts, not '{token}'");
            return null;
        }
        result.AddError($"{Name(result)} must be START:END in code points, such as 120:135, not '{token}'");
        return null;
    }

    /// <summary>
    /// A whole number from <paramref name="min"/> to <paramref name="max"/>; <paramref name="rule"/> says what is wanted. (A validator
    /// that reads the value instead throws on a token that is not a number.)
    /// </summary>
    public static Func<ArgumentResult, long?> Whole(long min, long max, string rule) => result =>
    {
        var token = Token(result);
        if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        result.AddError($"{Name(result)} must be {rule}, not '{token}'");
        return null;
    };

    public static Func<ArgumentResult, int?> WholeInt(int min, int max, string rule) => result => (int?)Whole(min, max, rule)(result);

    private static string Token(ArgumentResult result) => result.Tokens is [var single] ? single.Value : "";

    private static string Name(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : "the value";
}

/// <summary>A stretch of a source's text: [start, end) in Unicode code points, as the archive counts.</summary>
public sealed record CodePointSpan(int Start, int End)
{
    public override string ToString() => $"{Start}–{End}";
}
