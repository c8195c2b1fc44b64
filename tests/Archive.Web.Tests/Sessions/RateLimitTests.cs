using System.Net;
using System.Net.Http.Headers;
using Xunit;

namespace Archive.Web.Tests.Sessions;

/// <summary>A host whose keys may make one request a second, in bursts of five.</summary>
public sealed class LimitedHost() : WorkspaceHost(new Dictionary<string, string> { ["ARCHIVE_RATE_LIMIT"] = "1", ["ARCHIVE_RATE_BURST"] = "5" });

/// <summary>The workspace's pages take their tokens from the same bucket as the key's API requests.</summary>
public sealed class RateLimitTests(LimitedHost host) : IClassFixture<LimitedHost>
{
    [Fact]
    public async Task Pages_OverTheKeysLimit_429AndTheKeysApiCallsAreLimitedToo()
    {
        // given a signed-in reader
        using var browser = new FormClient(host);
        (await browser.SignIn(WorkspaceHost.Reader)).Dispose();
        using var api = new HttpClient { BaseAddress = host.Address };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", WorkspaceHost.Reader);

        var shared = false;
        for (var attempt = 0; attempt < 3 && !shared; attempt++)
        {
            // when it opens pages until the archive says no (bounded: the burst is five)
            HttpResponseMessage? refused = null;
            for (var i = 0; i < 20 && refused is null; i++)
            {
                var response = await browser.Get("/sources");
                if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
                else response.Dispose();
            }

            // then the page says so with Retry-After, and the key's API call right after is refused as well
            Assert.NotNull(refused);
            Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
            Assert.Contains("Too many requests", await refused.Content.ReadAsStringAsync());
            refused.Dispose();
            using var call = await api.GetAsync("/api/actors");
            // a token the bucket regained between the two requests (once a second) lets the call through: try again
            shared = call.StatusCode == HttpStatusCode.TooManyRequests;
        }
        Assert.True(shared, "the key's API calls were not limited after its pages spent the bucket");
    }
}
