using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

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

    /// <summary>
    /// The server is the origin the document was served from ("/"), not the host name this request happened to use,
    /// which behind a proxy, or on a developer's machine (localhost), is not where clients reach the API.
    /// </summary>
    public static OpenApiOptions ServeFromTheDocumentsOrigin(this OpenApiOptions options) =>
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Servers = [new OpenApiServer { Url = "/", Description = "The origin this document was served from." }];
            return Task.CompletedTask;
        });
}

/// <summary>An example body for an endpoint (<see cref="OpenApiMetadata.WithBodyExample"/>).</summary>
public sealed record BodyExample(object Value);
