using System.Net.Http.Json;
using Archive.Api.Seeds;
using Archive.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Api.Tests;

/// <summary>The real host (co-hosted silo and API) against the test PostgreSQL, in a schema of its own.</summary>
public sealed class ArchiveApiFactory(string schema, string? seeds = null, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    public string Schema { get; } = schema;

    public static async Task<ArchiveApiFactory> Start(string? schema = null, string? seeds = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        schema ??= TestDatabase.NewSchema("a");
        await TestDatabase.Prepare(schema);
        var factory = new ArchiveApiFactory(schema, seeds, settings);
        _ = factory.Server; // start the host now, not on first request
        return factory;
    }

    public static string RepositorySeeds
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Archive.sln"))) return Path.Combine(dir.FullName, "seeds");
            throw new DirectoryNotFoundException("the repository's seeds directory");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ARCHIVE_POSTGRES", TestDatabase.ConnectionString);
        builder.UseSetting("ARCHIVE_SCHEMA", Schema);
        builder.UseSetting("ARCHIVE_SILO_PORT", TestDatabase.FreePort().ToString());
        builder.UseSetting("ARCHIVE_GATEWAY_PORT", TestDatabase.FreePort().ToString());
        builder.UseSetting("ARCHIVE_SEEDS", seeds ?? "");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // tests seal when they choose to, through the seal grain
        builder.UseSetting("ARCHIVE_SEAL_SECONDS", "0");
        builder.UseSetting("ARCHIVE_KEYS", TestKeys.Setting);
        // hundreds of requests a second are normal in tests; rate-limit tests turn it on
        builder.UseSetting("ARCHIVE_RATE_LIMIT", "0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
    }

    /// <summary>Clients send the archivist's key unless a test asks for another (<see cref="CreateClient(string?)"/>).</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.WithKey(TestKeys.Archivist);
    }

    /// <summary>A client with the test key of <paramref name="role"/> (a role, or "revoked"); null sends no key.</summary>
    public HttpClient CreateClient(string? role) => CreateClient().WithKey(TestKeys.For(role));

    /// <summary>A client that sends exactly this secret.</summary>
    public HttpClient CreateClientWithSecret(string? secret) => CreateClient().WithKey(secret);

    /// <summary>Waits (bounded) for the start-up seed import to finish.</summary>
    public Task<SeedSummary?> SeedImport() =>
        Services.GetRequiredService<SeedImportService>().Completed.Task.WaitAsync(TimeSpan.FromMinutes(2));

    public Task<long> EventCount() => TestDatabase.EventCount(Schema);
}

public static class Http
{
    public static async Task<(int Status, T? Body)> Post<T>(this HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        return ((int)response.StatusCode, await Read<T>(response));
    }

    public static async Task<(int Status, T? Body)> Get<T>(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return ((int)response.StatusCode, await Read<T>(response));
    }

    /// <summary>Any method with a JSON body (or none), the answer read as JSON whatever it is: for asserting on the wire format itself.</summary>
    public static async Task<(int Status, System.Text.Json.JsonElement Body)> Send(this HttpClient client, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : System.Text.Json.JsonDocument.Parse(text).RootElement.Clone());
    }

    private static async Task<T?> Read<T>(HttpResponseMessage response) =>
        response.Content.Headers.ContentLength == 0 ? default : await response.Content.ReadFromJsonAsync<T>();
}
