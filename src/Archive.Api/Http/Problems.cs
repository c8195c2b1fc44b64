using Archive.Domain.Common;
using Archive.Grains;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Archive.Api.Http;

/// <summary>The body of every successful write.</summary>
public sealed record WriteResponse(string Id, long Version, long Position);

public static class Problems
{
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
        return TypedResults.Problem(
            title: title,
            detail: string.Join("; ", relevant.Select(e => $"{e.Field}: {e.Reason}")),
            statusCode: status,
            extensions: new Dictionary<string, object?> { ["errors"] = Group(relevant) });
    }

    public static ProblemHttpResult Invalid(string field, string reason) => From([DomainError.Invalid(field, reason)]);

    public static ProblemHttpResult NotFound(string field, string reason) => From([DomainError.NotFound(field, reason)]);

    public static Results<Created<WriteResponse>, Ok<WriteResponse>, ProblemHttpResult> Written(WriteResult result, string location)
    {
        if (!result.Succeeded) return From(result.Errors);
        var body = new WriteResponse(result.Id!, result.Version, result.Position);
        return result.Appended ? TypedResults.Created(location, body) : TypedResults.Ok(body);
    }

    public static Dictionary<string, string[]> Group(IEnumerable<DomainError> errors) =>
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray());

    private static int Status(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status409Conflict,
    };
}
