using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Archive.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Api.Http;

/// <summary>
/// Dates and instants in the query string are ISO 8601 only, checked before the framework binds them: its binder reads
/// them with the invariant culture, so <c>saidFrom=01/09/2025</c> would silently mean 9 January and an instant without
/// an offset would mean the server's local time. Every date or instant parameter of every endpoint is found from the
/// endpoint's handler, so a new one is covered without being listed; all bad ones are reported at once.
/// </summary>
public static partial class QueryDates
{
    private static readonly ConcurrentDictionary<Endpoint, (string Name, bool Instant)[]> Parameters = new();

    public static WebApplication UseStrictQueryDates(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (http.GetEndpoint() is { } endpoint && Parameters.GetOrAdd(endpoint, Of) is { Length: > 0 } parameters)
            {
                var errors = new List<DomainError>();
                foreach (var (name, instant) in parameters)
                {
                    foreach (var value in http.Request.Query[name])
                        if (Check(value ?? "", instant) is { } reason) errors.Add(DomainError.Invalid(name, reason));
                }
                if (errors.Count > 0)
                {
                    await Problems.From(errors).ExecuteAsync(http);
                    return;
                }
            }
            await next(http);
        });
        return app;
    }

    /// <summary>Null when <paramref name="value"/> is a well-formed ISO 8601 date (or instant with an offset), else why not.</summary>
    public static string? Check(string value, bool instant)
    {
        if (!instant)
        {
            return DatePattern().IsMatch(value) && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? null
                : $"{RequestShapes.DateRule}; got '{value}'";
        }
        if (InstantPattern().IsMatch(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return null;
        // A '+' in a query string is a space once decoded: the offset arrived as " 02:00".
        if (InstantPattern().IsMatch(value.Replace(' ', '+')))
            return $"{RequestShapes.InstantRule}; got '{value}': a '+' in a query string must be sent as %2B";
        return $"{RequestShapes.InstantRule}; got '{value}'";
    }

    /// <summary>The query parameters of an endpoint's handler that are dates (false) or instants (true).</summary>
    private static (string Name, bool Instant)[] Of(Endpoint endpoint)
    {
        if (endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault() is not { } method) return [];
        var routeValues = (endpoint as RouteEndpoint)?.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        return method.GetParameters()
            .Where(p => p.Name is not null && !routeValues.Contains(p.Name)
                        && !p.IsDefined(typeof(FromBodyAttribute)) && !p.IsDefined(typeof(FromServicesAttribute)) && !p.IsDefined(typeof(FromHeaderAttribute)))
            .Select(p => (Parameter: p, Type: Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType))
            .Where(p => p.Type == typeof(DateOnly) || p.Type == typeof(DateTimeOffset) || p.Type == typeof(DateTime))
            .Select(p => (p.Parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Parameter.Name!, p.Type != typeof(DateOnly)))
            .ToArray();
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}\z")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})\z")]
    private static partial Regex InstantPattern();
}
