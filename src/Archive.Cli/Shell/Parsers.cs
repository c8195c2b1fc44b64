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

    private static string Token(ArgumentResult result) => result.Tokens is [var single] ? single.Value : "";

    private static string Name(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : "the value";
}
