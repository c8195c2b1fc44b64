using System.Text.RegularExpressions;

namespace Archive.Domain.Common;

/// <summary>Archivist-chosen ids: lowercase ASCII words joined by single hyphens, starting with a letter.</summary>
public static partial class Slug
{
    public const int MaxLength = 64;

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? value) =>
        value is { Length: >= 2 and <= MaxLength } && Pattern().IsMatch(value);

    public const string Rule = "must be 2-64 lowercase letters, digits and single hyphens, starting with a letter";
}
