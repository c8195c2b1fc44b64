using System.Globalization;
using System.Text.RegularExpressions;

namespace Archive.Domain.Common;

/// <summary>Field checks shared by the decisions; each appends a <see cref="DomainError"/> instead of throwing.</summary>
public static partial class Checks
{
    public static readonly DateOnly EarliestSaidOn = new(1000, 1, 1);

    public static void Slug(List<DomainError> errors, string field, string? value)
    {
        if (string.IsNullOrEmpty(value)) errors.Add(DomainError.Invalid(field, "is required"));
        else if (!Common.Slug.IsValid(value)) errors.Add(DomainError.Invalid(field, Common.Slug.Rule));
    }

    public static void Text(List<DomainError> errors, string field, string? value, int maxLength, bool required = true, bool multiline = false)
    {
        if (value is null || value.Trim().Length == 0)
        {
            if (required || value is not null) errors.Add(DomainError.Invalid(field, required ? "is required" : "must not be blank when given"));
            return;
        }
        if (value.Length > maxLength) errors.Add(DomainError.Invalid(field, $"must be at most {maxLength} characters"));
        else if (!IsWellFormed(value, multiline)) errors.Add(DomainError.Invalid(field, multiline
            ? "contains control characters or unpaired surrogates"
            : "contains control characters, line breaks or unpaired surrogates"));
    }

    public static void Language(List<DomainError> errors, string field, string? value)
    {
        if (value is not null && !LanguagePattern().IsMatch(value))
            errors.Add(DomainError.Invalid(field, "must be a BCP 47 language tag such as 'en' or 'zh-Hans'"));
    }

    public static void Country(List<DomainError> errors, string field, string? value)
    {
        if (value is not null && !CountryPattern().IsMatch(value))
            errors.Add(DomainError.Invalid(field, "must be an ISO 3166-1 alpha-2 code such as 'CN'"));
    }

    public static void Url(List<DomainError> errors, string field, string? value)
    {
        if (value is null) return;
        if (value.Length > 2000 || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            errors.Add(DomainError.Invalid(field, "must be an absolute http or https URL of at most 2000 characters"));
    }

    public static void OneOf(List<DomainError> errors, string field, string? value, IReadOnlyCollection<string> allowed, bool required = true)
    {
        if (value is null)
        {
            if (required) errors.Add(DomainError.Invalid(field, "is required"));
            return;
        }
        if (!allowed.Contains(value)) errors.Add(DomainError.Invalid(field, $"must be one of: {string.Join(", ", allowed)}"));
    }

    public static void SaidOn(List<DomainError> errors, string field, DateOnly? value, DateTimeOffset now)
    {
        if (value is not { } day) { errors.Add(DomainError.Invalid(field, "is required")); return; }
        if (day < EarliestSaidOn) errors.Add(DomainError.Invalid(field, $"must not be before {EarliestSaidOn:yyyy-MM-dd}"));
        // Said-on is a local date where it was said: it may already be tomorrow in UTC+14 when it is recorded.
        if (day > DateOnly.FromDateTime(now.UtcDateTime.AddHours(14)))
            errors.Add(DomainError.Invalid(field, "must not be after the time it is recorded"));
    }

    /// <summary>A past local date (publication, a role's start): not before year 1000, and not after today anywhere on Earth.</summary>
    public static void Day(List<DomainError> errors, string field, DateOnly day, DateTimeOffset now)
    {
        if (day < EarliestSaidOn) errors.Add(DomainError.Invalid(field, $"must not be before {EarliestSaidOn:yyyy-MM-dd}"));
        // a local date, like said-on: it may already be tomorrow in UTC+14
        if (day > DateOnly.FromDateTime(now.UtcDateTime.AddHours(14))) errors.Add(DomainError.Invalid(field, "must not be in the future"));
    }

    public static void SlugList(List<DomainError> errors, string field, IReadOnlyList<string>? values, int max)
    {
        if (values is null) return;
        if (values.Count > max) { errors.Add(DomainError.Invalid(field, $"must have at most {max} entries")); return; }
        for (var i = 0; i < values.Count; i++) Slug(errors, $"{field}[{i}]", values[i]);
        if (values.Distinct(StringComparer.Ordinal).Count() != values.Count) errors.Add(DomainError.Invalid(field, "must not repeat an entry"));
    }

    /// <summary>No unpaired surrogates and no control characters (tab, CR and LF allowed in multi-line text).</summary>
    public static bool IsWellFormed(string value, bool multiline)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])) return false;
                i++;
                continue;
            }
            if (char.IsLowSurrogate(c)) return false;
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control)
            {
                if (!(multiline && c is '\n' or '\r' or '\t')) return false;
            }
            if (c is '\u2028' or '\u2029' && !multiline) return false;
        }
        return true;
    }

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex LanguagePattern();

    [GeneratedRegex("^[A-Z]{2}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex CountryPattern();
}
