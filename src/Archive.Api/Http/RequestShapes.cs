using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;

namespace Archive.Api.Http;

/// <summary>
/// What a request body may hold, read from its type: its fields' JSON names, which are required (marked
/// <see cref="RequiredAttribute"/>), and what a field expects. Errors that name a field and the OpenAPI document both
/// read it here, so they cannot disagree.
/// </summary>
public static partial class RequestShapes
{
    public const string DateRule = "must be a date in ISO 8601 form YYYY-MM-DD, e.g. 2025-01-31";
    public const string InstantRule = "must be an instant in ISO 8601 form with an offset, e.g. 2026-01-04T10:00:00Z or 2026-01-04T12:00:00%2B02:00";

    /// <summary>The type of the endpoint's JSON body, or null when it takes none.</summary>
    public static Type? BodyType(HttpContext http) =>
        // An exception handler runs with the endpoint cleared; the feature keeps the one that failed.
        (http.GetEndpoint() ?? http.Features.Get<IExceptionHandlerFeature>()?.Endpoint)?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;

    public static string JsonName(PropertyInfo property) => JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    /// <summary>The fields of a body type, in declaration order.</summary>
    public static IReadOnlyList<PropertyInfo> Fields(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray();

    public static bool IsRequired(PropertyInfo property) => property.IsDefined(typeof(RequiredAttribute), inherit: true);

    /// <summary>"{ reason, relation? }": the body's fields as a client writes them, optional ones marked.</summary>
    public static string Outline(Type type) =>
        "{ " + string.Join(", ", Fields(type).Select(p => IsRequired(p) ? JsonName(p) : JsonName(p) + "?")) + " }";

    /// <summary>The element type of a list, or null for anything else (strings are not lists).</summary>
    public static Type? ElementType(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    /// <summary>
    /// Follows a serializer path ("$.items[3].span.start") from <paramref name="root"/>: the type that holds the last
    /// member, the member's name, and the member's type (null when the holder has no such member).
    /// </summary>
    public static (Type? Holder, string? Member, Type? Target) Walk(Type root, string path)
    {
        Type? current = root, holder = null;
        string? member = null;
        foreach (Match step in PathStep().Matches(path))
        {
            if (current is null) return (holder, member, null);
            if (step.Groups["index"].Success)
            {
                current = ElementType(current);
                continue;
            }
            member = step.Groups["name"].Success ? step.Groups["name"].Value : step.Groups["quoted"].Value;
            holder = Nullable.GetUnderlyingType(current) ?? current;
            current = Fields(holder).FirstOrDefault(p => JsonName(p) == member)?.PropertyType;
        }
        return (holder, member, current);
    }

    /// <summary>What a value of <paramref name="type"/> must look like, as a reason a client can act on.</summary>
    public static string Expectation(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(DateOnly)) return DateRule;
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return InstantRule;
        if (type == typeof(int) || type == typeof(long)) return "must be a whole number (a JSON number, not a string)";
        if (type == typeof(bool)) return "must be true or false";
        if (type == typeof(string)) return "must be a string";
        if (ElementType(type) is { } element) return $"must be an array of {Plural(element)}";
        return type.IsClass ? $"must be an object {Outline(type)}" : "has the wrong type or format";
    }

    /// <summary>The field that differs from <paramref name="unknown"/> only by case, or by a letter or two.</summary>
    public static string? Suggestion(Type holder, string unknown, out bool onlyCase)
    {
        var names = Fields(holder).Select(JsonName).ToArray();
        var same = names.FirstOrDefault(n => string.Equals(n, unknown, StringComparison.OrdinalIgnoreCase));
        onlyCase = same is not null;
        return same ?? names.Where(n => Distance(n.ToLowerInvariant(), unknown.ToLowerInvariant()) <= 2).OrderBy(n => Distance(n, unknown)).FirstOrDefault();
    }

    private static string Plural(Type element)
    {
        element = Nullable.GetUnderlyingType(element) ?? element;
        return element == typeof(string) ? "strings" : element == typeof(int) || element == typeof(long) ? "numbers" : "objects";
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>(?:[^']|'')*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathStep();
}
