using Microsoft.Extensions.Configuration;
using System.Diagnostics;
using Archive.Api.Security;
using Xunit;

namespace Archive.Api.Tests;

/// <summary>Per-key token buckets: a key past its burst gets 429 with Retry-After; other keys are not affected.</summary>
public sealed class RateLimitTests() : ApiTest(settings: new Dictionary<string, string>
{
    ["ARCHIVE_RATE_LIMIT"] = "1",
    ["ARCHIVE_RATE_BURST"] = "3",
})
{
    [Fact]
    public async Task Requests_PastTheBurst_Are429WithRetryAfter_PerKey()
    {
        using var reader = ClientAs(Roles.Reader);
        using var auditor = ClientAs(Roles.Auditor);

        // when a reader sends 8 requests at once against a burst of 3 and one more token a second
        var watch = Stopwatch.StartNew();
        var statuses = new List<int>();
        (string? RetryAfter, string? MediaType)? refusal = null;
        for (var i = 0; i < 8; i++)
        {
            using var response = await reader.GetAsync("/api/topics");
            statuses.Add((int)response.StatusCode);
            if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
                refusal ??= (response.Headers.RetryAfter?.ToString(), response.Content.Headers.ContentType?.MediaType);
        }
        watch.Stop();
        using var other = await auditor.GetAsync("/api/topics");

        // then the burst is served, and beyond it no more than the tokens that came in meanwhile
        Assert.Equal([200, 200, 200], statuses.Take(3));
        Assert.All(statuses, s => Assert.Contains(s, new[] { 200, 429 }));
        var allowedExtra = (int)Math.Ceiling(watch.Elapsed.TotalSeconds);
        Assert.True(statuses.Count(s => s == 200) <= 3 + allowedExtra, $"statuses {string.Join(",", statuses)} in {watch.Elapsed}");
        Assert.NotNull(refusal);
        Assert.Equal("application/problem+json", refusal.Value.MediaType);
        Assert.True(int.TryParse(refusal.Value.RetryAfter, out var seconds) && seconds >= 1, $"Retry-After: {refusal.Value.RetryAfter}");
        // and another key has a bucket of its own
        Assert.Equal(200, (int)other.StatusCode);
    }

    [Fact]
    public void Settings_Zero_TurnsLimitingOff_AndDefaultsAreGenerous()
    {
        var off = RateLimitSettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ARCHIVE_RATE_LIMIT"] = "0" }).Build());
        var defaults = RateLimitSettings.From(new ConfigurationBuilder().Build());

        Assert.False(off.Enabled);
        Assert.Equal((200, 400), (defaults.PerSecond, defaults.Burst));
    }
}
