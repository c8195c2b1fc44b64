using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Archive.Api.Security;

/// <summary>
/// A token bucket per key (per remote address without a valid key): <c>ARCHIVE_RATE_LIMIT</c> requests a second
/// on average, bursts up to <c>ARCHIVE_RATE_BURST</c>. One busy client cannot starve the others.
/// </summary>
public sealed record RateLimitSettings(int PerSecond, int Burst)
{
    public bool Enabled => PerSecond > 0;

    public static RateLimitSettings From(IConfiguration configuration)
    {
        var perSecond = Read(configuration, "ARCHIVE_RATE_LIMIT", 200);
        return new RateLimitSettings(perSecond, Read(configuration, "ARCHIVE_RATE_BURST", Math.Max(1, perSecond * 2)));
    }

    private static int Read(IConfiguration configuration, string name, int fallback)
    {
        var text = configuration[name];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"{name} must be a whole number ≥ 0 (0 turns rate limiting off), not '{text}'.");
    }
}

public static class KeyRateLimiting
{
    public static IServiceCollection AddKeyRateLimiting(this IServiceCollection services, RateLimitSettings settings)
    {
        if (!settings.Enabled) return services;
        return services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetTokenBucketLimiter(
                Partition(http),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, settings.Burst),
                    TokensPerPeriod = settings.PerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            options.OnRejected = async (context, ct) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var reason = $"more than {settings.PerSecond} requests a second (bursts of {settings.Burst}) for this key; retry after {seconds} s";
                await ApiKeyAuthentication.Denial(StatusCodes.Status429TooManyRequests, "Too many requests.", "authorization", reason)
                    .ExecuteAsync(context.HttpContext);
            };
        });
    }

    private static string Partition(HttpContext http) =>
        http.User.Identity is { IsAuthenticated: true, Name: { } name }
            ? "key:" + name
            : "address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
