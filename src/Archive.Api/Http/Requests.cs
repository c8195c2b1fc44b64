using System.Diagnostics;
using Archive.Domain.Common;
using Archive.Grains.Interfaces;

namespace Archive.Api.Http;

public static class Requests
{
    /// <summary>The principal and correlation id that every event caused by this request carries.</summary>
    public static WriteContext WriteContext(this HttpContext http) => new(
        http.User.Identity?.Name is { Length: > 0 } name ? name : "anonymous",
        Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier);

    /// <summary>Who asks and when, for a decision the API takes itself to check a request before any grain is asked.</summary>
    public static CommandContext CommandContext(this HttpContext http) =>
        new(http.WriteContext().Principal, http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());

    /// <summary>
    /// The field errors alone of a decision taken on an empty state: a request the API cannot route (a malformed id, no
    /// text to derive a source id from) is still checked as a whole, so every bad field is reported at once.
    /// </summary>
    public static IEnumerable<DomainError> InvalidFields(Decision decision) => decision.Errors.Where(e => e.Kind == ErrorKind.Validation);

    /// <summary>Every error once, in order: a field the API checks and the decision checks again is named once.</summary>
    public static IReadOnlyList<DomainError> Distinct(IEnumerable<DomainError> errors) =>
        errors.DistinctBy(e => (e.Field, e.Reason)).ToArray();
}
