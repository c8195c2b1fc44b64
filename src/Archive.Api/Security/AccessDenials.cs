using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Archive.Api.Security;

/// <summary>
/// A key whose role is not enough gets a 403 ProblemDetails that says which roles the endpoint admits; everything
/// else (401 challenges, allowed requests) goes through the framework's handler.
/// </summary>
public sealed class AccessDenials : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden) return _default.HandleAsync(next, context, policy, authorizeResult);
        var admitted = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<RolesAuthorizationRequirement>()
            .SelectMany(r => r.AllowedRoles).Distinct().ToArray() ?? [];
        return Forbidden(context.User, admitted).ExecuteAsync(context);
    }

    public static IResult Forbidden(System.Security.Claims.ClaimsPrincipal user, IReadOnlyCollection<string> admitted, string field = "authorization", string? what = null)
    {
        var role = Roles.All.FirstOrDefault(user.IsInRole) ?? "none";
        var needs = admitted.Count == 0 ? "another role" : $"the {string.Join(" or ", admitted)} role";
        var reason = $"the key '{user.Identity?.Name}' has the {role} role; {what ?? "this endpoint"} needs {needs}";
        return ApiKeyAuthentication.Denial(StatusCodes.Status403Forbidden, "The key's role does not allow this.", field, reason);
    }
}
