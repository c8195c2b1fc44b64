using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Archive.Api.Security;

/// <summary>
/// <c>Authorization: Bearer &lt;secret&gt;</c> against the key ring. No header leaves the request anonymous (the
/// endpoint's policy decides); a wrong, unknown or revoked key fails, and the challenge says which.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, KeyRing keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string NoKey = "send an API key as 'Authorization: Bearer <key>'";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0) return Task.FromResult(AuthenticateResult.NoResult());
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header[7..].Trim() is not { Length: > 0 } secret)
            return Task.FromResult(AuthenticateResult.Fail("the Authorization header must be 'Bearer <key>'"));
        var key = keys.Find(secret);
        if (key is null) return Task.FromResult(AuthenticateResult.Fail("the key is not known to this archive"));
        if (key.Revoked) return Task.FromResult(AuthenticateResult.Fail($"the key '{key.Name}' was revoked"));

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, key.Name), new Claim(ClaimTypes.Role, key.Role)], SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var reason = result.Failure?.Message ?? NoKey;
        Response.Headers.WWWAuthenticate = result.Failure is null
            ? "Bearer realm=\"statement-archive\""
            : $"Bearer realm=\"statement-archive\", error=\"invalid_token\", error_description=\"{reason.Replace("\"", "'")}\"";
        await Denial(StatusCodes.Status401Unauthorized, "An API key is required.", "authorization", reason).ExecuteAsync(Context);
    }

    /// <summary>A 401 or 403 ProblemDetails naming the field (the Authorization header, or a query parameter) and the reason.</summary>
    public static IResult Denial(int status, string title, string field, string reason) =>
        Http.Problems.Of(status, title, field, reason);
}
