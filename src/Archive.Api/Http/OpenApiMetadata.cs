using Microsoft.AspNetCore.OpenApi;

namespace Archive.Api.Http;

public static class OpenApiMetadata
{
    /// <summary>Documents the ProblemDetails answers an endpoint may give (typed results do not declare them).</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var status in statusCodes) builder.ProducesProblem(status);
        return builder;
    }

    /// <summary>An example of the endpoint's JSON body, shown on its operation in the OpenAPI document.</summary>
    public static RouteHandlerBuilder WithBodyExample(this RouteHandlerBuilder builder, object example) =>
        builder.WithMetadata(new BodyExample(example));

    /// <summary>The server URL without a trailing slash, as OpenAPI tools expect.</summary>
    public static OpenApiOptions TrimServerUrls(this OpenApiOptions options) =>
        options.AddDocumentTransformer((document, _, _) =>
        {
            foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
            return Task.CompletedTask;
        });
}

/// <summary>An example body for an endpoint (<see cref="OpenApiMetadata.WithBodyExample"/>).</summary>
public sealed record BodyExample(object Value);
