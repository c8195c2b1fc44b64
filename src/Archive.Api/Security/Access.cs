using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Api.Security;

/// <summary>
/// Each endpoint declares the least role it needs. Anything that declares nothing still needs a valid key
/// (the fallback policy), and the authorization matrix test fails until it declares one.
/// </summary>
public static class Access
{
    /// <summary>Served without a key: liveness, the API's own description, and the metrics scrape.</summary>
    public static bool IsAnonymousPath(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/docs")
        || path.StartsWithSegments("/metrics");

    public static AuthorizationOptions AddArchivePolicies(this AuthorizationOptions options)
    {
        foreach (var policy in Roles.All)
            options.AddPolicy(policy, p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireRole(Roles.Admitted(policy)));
        // The metrics scrape is mapped elsewhere; the path rule keeps it anonymous however it is mapped.
        options.FallbackPolicy = new AuthorizationPolicyBuilder(ApiKeyAuthentication.SchemeName)
            .RequireAssertion(c => c.User.Identity?.IsAuthenticated == true || c.Resource is HttpContext http && IsAnonymousPath(http.Request.Path))
            .Build();
        return options;
    }

    /// <summary>Current read models: statements, actors, topics and sources, search, timelines and lists.</summary>
    public static TBuilder ForReaders<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder => Require(builder, Roles.Reader);

    /// <summary>History, time travel, diffs, verification, export, seals and the change feed.</summary>
    public static TBuilder ForAuditors<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder => Require(builder, Roles.Auditor);

    /// <summary>Every write and every operation on the archive itself.</summary>
    public static TBuilder ForArchivists<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder => Require(builder, Roles.Archivist);

    /// <summary>
    /// A read-model endpoint that also answers "as it stood then" when given one of <paramref name="parameters"/>:
    /// readers see the present only, so those parameters need the auditor role.
    /// </summary>
    public static RouteHandlerBuilder WithTimeTravelForAuditors(this RouteHandlerBuilder builder, params string[] parameters) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var given = parameters.FirstOrDefault(p => http.Request.Query.ContainsKey(p));
            if (given is not null && !Roles.Admitted(Roles.Auditor).Any(http.User.IsInRole))
                return AccessDenials.Forbidden(http.User, Roles.Admitted(Roles.Auditor), given, $"'{given}' (the archive as it stood earlier)");
            return await next(context);
        });

    private static TBuilder Require<TBuilder>(TBuilder builder, string policy) where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(policy);
        foreach (var status in new[] { StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status429TooManyRequests })
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
        return builder;
    }
}
