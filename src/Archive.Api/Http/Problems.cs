using Archive.Domain.Common;
using Archive.Grains.Interfaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Archive.Api.Http;

/// <summary>The body of every successful write.</summary>
public sealed record WriteResponse(string Id, long Version, long Position);

/// <summary>
/// The one builder of the API's error answers (400, 401, 403, 404, 409, 413, 429, 503): a ProblemDetails whose
/// <c>errors</c> names every field that was wrong with its reasons, and whose detail repeats them in one line.
/// </summary>
public static class Problems
{
    /// <summary>
    /// The envelope every error shares; <paramref name="detail"/> replaces the default one-line list of the errors. A
    /// refused quote also carries its evidence as data: <c>occurrences</c> (each <c>{ span, text }</c>, at most
    /// <see cref="Domain.Sources.QuoteLocator.MaxListed"/>) with <c>occurrenceCount</c>, the <c>closest</c> passage when the
    /// quote does not occur, and <c>atSpan</c>, what the source has at the span that was sent.
    /// </summary>
    public static ProblemHttpResult Of(int status, string title, IEnumerable<DomainError> errors, string? detail = null)
    {
        var list = errors.ToArray();
        var extensions = new Dictionary<string, object?> { ["errors"] = Group(list) };
        if (list.Select(e => e.Details).FirstOrDefault(d => d is not null) is { } evidence)
        {
            extensions["occurrences"] = evidence.Occurrences;
            extensions["occurrenceCount"] = evidence.Count;
            if (evidence.Closest is { } closest) extensions["closest"] = closest;
            if (evidence.AtSpan is { } atSpan) extensions["atSpan"] = atSpan;
        }
        return TypedResults.Problem(
            title: title,
            detail: detail ?? string.Join("; ", list.Select(e => $"{e.Field}: {e.Reason}")),
            statusCode: status,
            extensions: extensions);
    }

    /// <summary>One field, one reason: authentication (401), roles (403), rate limits (429), unreadable bodies (400, 413).</summary>
    public static ProblemHttpResult Of(int status, string title, string field, string reason, string? detail = null) =>
        Of(status, title, [DomainError.Invalid(field, reason)], detail);

    public static ProblemHttpResult TooLarge(long maxBytes) =>
        Of(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", "body", $"must be at most {maxBytes} bytes");

    /// <summary>503: a dependency (or a read model) is not available now; the caller should retry.</summary>
    public static ProblemHttpResult Unavailable(string title, string field, string reason, string? detail = null) =>
        Of(StatusCodes.Status503ServiceUnavailable, title, field, reason, detail);

    /// <summary>400 for invalid input, 404 for unknown ids, 409 for lifecycle conflicts; each names the fields.</summary>
    public static ProblemHttpResult From(IReadOnlyList<DomainError> errors)
    {
        var status = errors.Any(e => e.Kind == ErrorKind.Validation) ? StatusCodes.Status400BadRequest
            : errors.Any(e => e.Kind == ErrorKind.NotFound) ? StatusCodes.Status404NotFound
            : StatusCodes.Status409Conflict;
        var relevant = errors.Where(e => Status(e.Kind) == status).ToArray();
        var title = status switch
        {
            StatusCodes.Status400BadRequest => "The request is invalid.",
            StatusCodes.Status404NotFound => "Something the request names does not exist.",
            _ => "The request conflicts with the archive's record.",
        };
        return Of(status, title, relevant);
    }

    public static ProblemHttpResult Invalid(string field, string reason) => From([DomainError.Invalid(field, reason)]);

    public static ProblemHttpResult NotFound(string field, string reason) => From([DomainError.NotFound(field, reason)]);

    public static Results<Created<WriteResponse>, Ok<WriteResponse>, ProblemHttpResult> Written(WriteResult result, string location)
    {
        if (!result.Succeeded) return From(result.Errors);
        var body = new WriteResponse(result.Id!, result.Version, result.Position);
        return result.Appended ? TypedResults.Created(location, body) : TypedResults.Ok(body);
    }

    /// <summary>The answer to a command on an existing resource: 200 with the write, or the refusal.</summary>
    public static Results<Ok<WriteResponse>, ProblemHttpResult> Applied(WriteResult result, params (string Domain, string Request)[] fields) =>
        result.Succeeded ? TypedResults.Ok(new WriteResponse(result.Id!, result.Version, result.Position)) : From(result.Errors.Named(fields));

    /// <summary>
    /// The errors with the domain's field names replaced by the request's (a path's <c>{id}</c> is the domain's
    /// <c>topicId</c>, a merge's <c>into</c> its <c>intoTopicId</c>), so an error names what the client sent.
    /// </summary>
    public static IReadOnlyList<DomainError> Named(this IReadOnlyList<DomainError> errors, params (string Domain, string Request)[] fields) =>
        fields.Length == 0 ? errors
            : errors.Select(e => fields.FirstOrDefault(f => f.Domain == e.Field) is { Request: { } name } ? e with { Field = name } : e).ToArray();

    public static Dictionary<string, string[]> Group(IEnumerable<DomainError> errors) =>
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray());

    private static int Status(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status409Conflict,
    };
}
