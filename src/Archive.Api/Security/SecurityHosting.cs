using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Archive.Api.Security;

/// <summary>API keys, roles, per-key rate limits: registered in one call, applied in one call.</summary>
public static class SecurityHosting
{
    public static WebApplicationBuilder AddArchiveSecurity(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var keys = KeyEntries.FromConfiguration(configuration);
        if (keys.Count == 0)
        {
            var path = configuration["ARCHIVE_LOCAL_KEY_FILE"] is { Length: > 0 } configured ? configured : LocalArchivistKey.DefaultPath;
            var secret = LocalArchivistKey.LoadOrCreate(path);
            keys.Add(new ApiKey(Roles.Archivist, LocalArchivistKey.Name, ApiKey.HashOf(secret)));
            builder.Services.AddSingleton(new LocalKeyNotice($"archivist key: {secret} (kept in {path})"));
            builder.Services.AddHostedService<LocalKeyAnnouncer>();
        }
        builder.Services.AddSingleton(new KeyRing(keys));
        builder.Services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        builder.Services.AddAuthorization(options => options.AddArchivePolicies());
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AccessDenials>();
        var limits = RateLimitSettings.From(configuration);
        builder.Services.AddSingleton(limits);
        builder.Services.AddKeyRateLimiting(limits);
        return builder;
    }

    /// <summary>Who is asking, then how often, then whether they may: a flood of bad keys is limited by address.</summary>
    public static WebApplication UseArchiveSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        if (app.Services.GetRequiredService<RateLimitSettings>().Enabled) app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }
}
