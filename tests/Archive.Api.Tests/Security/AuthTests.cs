using System.Net.Http.Json;
using System.Text.Json;
using Archive.Api.Security;
using Xunit;

namespace Archive.Api.Tests;

/// <summary>API keys against the real host: answers without, with wrong and with revoked keys; roles; principals.</summary>
public sealed class AuthTests(AuthTests.Host host) : IClassFixture<AuthTests.Host>
{
    public const string FileReaderSecret = "file-reader-secret-0007";
    public const string HashedAuditorSecret = "hashed-auditor-secret-0008";
    public const string AppSettingsSecret = "appsettings-secret-0009";

    /// <summary>One host with keys from all three sources: ARCHIVE_KEYS, a keys file and the appsettings section.</summary>
    public sealed class Host : IAsyncLifetime
    {
        private readonly string _file = Path.Combine(Path.GetTempPath(), $"archive-keys-{Guid.NewGuid():N}.txt");
        public ArchiveApiFactory Factory { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            await File.WriteAllLinesAsync(_file, [
                "# keys for the dashboards",
                $"reader:file-reader:{FileReaderSecret}",
                "",
                $"auditor:hashed-auditor:sha256:{TestKeys.Sha256(HashedAuditorSecret)}",
            ]);
            Factory = await ArchiveApiFactory.Start(settings: new Dictionary<string, string>
            {
                ["ARCHIVE_KEYS_FILE"] = _file,
                [$"{KeyEntries.Section}:0"] = $"archivist:from-appsettings:{AppSettingsSecret}",
            });
        }

        public async ValueTask DisposeAsync()
        {
            await Factory.DisposeAsync();
            File.Delete(_file);
        }
    }

    private static async Task<Problem> ProblemOf(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<Problem>())!;
    }

    [Fact]
    public async Task Request_WithoutKey_Is401ProblemWithBearerChallenge()
    {
        using var client = host.Factory.CreateClient(role: null);

        using var response = await client.GetAsync("/api/actors");

        Assert.Equal(401, (int)response.StatusCode);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
        var problem = await ProblemOf(response);
        Assert.Equal([ApiKeyAuthentication.NoKey], problem.Errors!["authorization"]);
    }

    [Theory]
    [InlineData(TestKeys.Unknown, "the key is not known to this archive")]
    [InlineData(TestKeys.Revoked, "the key 'test-retired' was revoked")]
    public async Task Request_WithUnknownOrRevokedKey_Is401SayingWhy(string secret, string reason)
    {
        using var client = host.Factory.CreateClientWithSecret(secret);

        using var response = await client.GetAsync("/api/statements");

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal([reason], (await ProblemOf(response)).Errors!["authorization"]);
    }

    [Fact]
    public async Task Request_WithBasicCredentials_Is401()
    {
        using var client = host.Factory.CreateClient(role: null);
        client.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String("a:b"u8.ToArray()));

        using var response = await client.GetAsync("/api/statements");

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Contains("Bearer <key>", (await ProblemOf(response)).Errors!["authorization"][0]);
    }

    [Fact]
    public async Task Write_WithReaderKey_Is403NamingRolesAndAppendsNothing()
    {
        using var reader = host.Factory.CreateClient(Roles.Reader);
        var before = await host.Factory.EventCount();

        using var response = await reader.PostAsJsonAsync("/api/actors", new { id = "reader-made", name = "Nobody", kind = "person" });

        Assert.Equal(403, (int)response.StatusCode);
        Assert.Equal(["the key 'test-reader' has the reader role; this endpoint needs the archivist role"],
            (await ProblemOf(response)).Errors!["authorization"]);
        Assert.Equal(before, await host.Factory.EventCount());
    }

    [Fact]
    public async Task AsOfRead_WithReaderKey_Is403NamingAsOf_AndAuditorIsServed()
    {
        using var reader = host.Factory.CreateClient(Roles.Reader);
        using var auditor = host.Factory.CreateClient(Roles.Auditor);
        const string url = "/api/statements?asOf=2026-01-01T00:00:00Z";

        using var refused = await reader.GetAsync(url);
        using var served = await auditor.GetAsync(url);
        using var present = await reader.GetAsync("/api/statements");

        Assert.Equal(403, (int)refused.StatusCode);
        Assert.Contains("asOf", (await ProblemOf(refused)).Errors!.Keys);
        Assert.Equal(200, (int)served.StatusCode);
        Assert.Equal(200, (int)present.StatusCode);
    }

    [Fact]
    public async Task Write_ThroughApi_CarriesKeyNameAsPrincipal()
    {
        // given a write with the key from the appsettings section
        using var archivist = host.Factory.CreateClientWithSecret(AppSettingsSecret);
        var written = await archivist.Post<Written>("/api/actors", new { id = "principal-check", name = "Principal Check", kind = "person" });
        Assert.Equal(201, written.Status);

        // when an auditor (the hash-only key from the file) reads the change feed
        using var auditor = host.Factory.CreateClientWithSecret(HashedAuditorSecret);
        var feed = await auditor.GetFromJsonAsync<JsonElement>($"/api/events?after={written.Body!.Position - 1}&limit=1&wait=30");

        // then the event's metadata names the key
        var item = feed.GetProperty("items")[0];
        Assert.Equal("actor:principal-check", item.GetProperty("stream").GetString());
        Assert.Equal("from-appsettings", item.GetProperty("metadata").GetProperty("headers").GetProperty("principal").GetString());
    }

    [Fact]
    public async Task KeyFromFile_ReaderRole_ReadsButCannotAudit()
    {
        using var client = host.Factory.CreateClientWithSecret(FileReaderSecret);

        using var read = await client.GetAsync("/api/topics");
        using var audit = await client.GetAsync("/api/audit/verify");

        Assert.Equal(200, (int)read.StatusCode);
        Assert.Equal(403, (int)audit.StatusCode);
    }

    [Fact]
    public async Task Health_WithoutKey_IsServed()
    {
        using var client = host.Factory.CreateClient(role: null);

        using var response = await client.GetAsync("/health");

        Assert.Equal(200, (int)response.StatusCode);
    }
}
