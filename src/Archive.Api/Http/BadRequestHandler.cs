using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Archive.Api.Http;

/// <summary>
/// Turns unreadable request bodies (malformed JSON, wrong types, unknown or duplicate fields, oversized bodies)
/// into a 400/413 ProblemDetails that names the field, instead of the framework's bare 400 or a 500.
/// </summary>
public sealed class BadRequestHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;

        var json = Find<JsonException>(exception);
        var field = json?.Path is { Length: > 0 } path ? ToField(path) : "body";
        var reason = json is not null ? Describe(json) : bad.Message;
        var status = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? bad.StatusCode : StatusCodes.Status400BadRequest;
        var title = status == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request body could not be read.";
        await Problems.Of(status, title, field, reason).ExecuteAsync(context);
        return true;
    }

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException) if (e is T match) return match;
        return null;
    }

    /// <summary>"$.span.start" becomes "span.start"; "$" (the whole body) becomes "body".</summary>
    private static string ToField(string path) => path is "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string Describe(JsonException json)
    {
        // The serializer's message ends with its own path and position details; keep the first sentence.
        // and names our own types, which mean nothing to a client.
        var message = json.Message;
        if (message.Contains("could not be mapped to any", StringComparison.Ordinal)) return "is not a field of this request";
        if (message.Contains("could not be converted to", StringComparison.Ordinal)) return "has the wrong type or format";
        if (message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase)) return "appears more than once";
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].Trim() : message;
    }
}
