using System.Text.Json;
using System.Text.RegularExpressions;
using Archive.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace Archive.Api.Http;

/// <summary>
/// Turns requests the framework could not read (malformed JSON, wrong types, unknown or duplicate fields, a missing
/// body, query values that do not parse, oversized bodies) into a 400/413 ProblemDetails that names the field and says
/// what it expects, instead of the framework's bare 400, its parameter text, or a 500.
/// </summary>
public sealed partial class BadRequestHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge || BodyLimit.Exceeded(context))
        {
            await Problems.TooLarge(ApiHosting.MaxBody).ExecuteAsync(context);
            return true;
        }

        var body = RequestShapes.BodyType(context);
        string? detail = null;
        IReadOnlyList<DomainError> errors;
        if (Find<JsonException>(exception) is { } json) errors = [FromJson(json, body)];
        else if (body is not null && IsMissingBody(context, bad.Message))
        {
            errors = RequestShapes.Fields(body).Where(RequestShapes.IsRequired)
                .Select(p => DomainError.Invalid(RequestShapes.JsonName(p), "is required")).ToArray();
            if (errors.Count == 0) errors = [DomainError.Invalid("body", "is required")];
            detail = $"the request has no JSON body; send {RequestShapes.Outline(body)} with Content-Type: application/json";
        }
        else errors = [FromBinding(bad.Message)];
        await Problems.Of(StatusCodes.Status400BadRequest, "The request could not be read.", errors, detail).ExecuteAsync(context);
        return true;
    }

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException) if (e is T match) return match;
        return null;
    }

    /// <summary>No body at all (none sent, empty, or the JSON literal null) where the endpoint reads one.</summary>
    private static bool IsMissingBody(HttpContext http, string message) =>
        message.StartsWith("Implicit body inferred", StringComparison.Ordinal)
        || (message.StartsWith("Required parameter", StringComparison.Ordinal) && message.EndsWith("from body.", StringComparison.Ordinal))
        || (message.StartsWith("Expected a supported JSON media type", StringComparison.Ordinal) && http.Request.ContentLength is null or 0
            && !http.Request.Headers.TransferEncoding.Any(v => v?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true));

    private static DomainError FromJson(JsonException json, Type? body)
    {
        var path = json.Path is { Length: > 0 } p ? p : "$";
        var field = path is "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        var (holder, member, target) = body is null ? (null, null, null) : RequestShapes.Walk(body, path);
        var message = json.Message;
        if (message.Contains("could not be mapped to any", StringComparison.Ordinal))
        {
            if (holder is null || member is null) return DomainError.Invalid(field, "not a field of this request");
            var suggestion = RequestShapes.Suggestion(holder, member, out var onlyCase);
            return DomainError.Invalid(field, suggestion is null
                ? $"not a field; the fields are {RequestShapes.Outline(holder)}"
                : onlyCase
                    ? $"not a field; field names are case-sensitive — did you mean {suggestion}?"
                    : $"not a field — did you mean {suggestion}?");
        }
        if (message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase)) return DomainError.Invalid(field, "appears more than once");
        if (message.Contains("could not be converted to", StringComparison.Ordinal))
            return DomainError.Invalid(field, target is null ? "has the wrong type or format" : RequestShapes.Expectation(target));
        // The serializer's message ends with its own path and position details; keep the first sentence.
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return DomainError.Invalid(field, cut > 0 ? message[..cut].Trim() : message);
    }

    /// <summary>A route or query value that did not parse, or a required one that is missing: named, with what it expects.</summary>
    private static DomainError FromBinding(string message)
    {
        if (BindingFailed().Match(message) is { Success: true } failed)
            return DomainError.Invalid(failed.Groups["name"].Value, $"{Expectation(failed.Groups["type"].Value)}; got '{failed.Groups["value"].Value}'");
        if (NotProvided().Match(message) is { Success: true } missing)
            return DomainError.Invalid(missing.Groups["name"].Value, "is required");
        if (message.StartsWith("Expected a supported JSON media type", StringComparison.Ordinal))
            return DomainError.Invalid("body", "must be JSON, sent with Content-Type: application/json");
        return DomainError.Invalid("body", message);
    }

    private static string Expectation(string typeName) => typeName.Replace("Nullable<", "").TrimEnd('?', '>') switch
    {
        "int" or "long" or "short" or "Int32" or "Int64" => "must be a whole number",
        "DateOnly" => RequestShapes.DateRule,
        "DateTimeOffset" or "DateTime" => RequestShapes.InstantRule,
        "bool" => "must be true or false",
        _ => "has the wrong format",
    };

    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]+) (?<name>[^" ]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BindingFailed();

    [GeneratedRegex("""^Required parameter "(?<type>[^"]+) (?<name>[^" ]+)" was not provided from""")]
    private static partial Regex NotProvided();
}
