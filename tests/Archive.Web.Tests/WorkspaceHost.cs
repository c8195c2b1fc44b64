using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Archive.Api.Security;
using Archive.Domain.Actors;
using Archive.Grains.Interfaces;
using Archive.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Archive.Web.Tests;

/// <summary>
/// The real host (API, workspace and a co-hosted silo) on a Kestrel port of its own, so a browser can reach it, against
/// the test PostgreSQL in a schema of its own. Test data is put in through the API, as any client would.
/// </summary>
public class WorkspaceHost : IAsyncLifetime
{
    private readonly IReadOnlyDictionary<string, string> _settings = new Dictionary<string, string>();

    public WorkspaceHost()
    {
    }

    /// <summary>A host with settings of its own (a test class's fixture, outside the shared collection).</summary>
    protected WorkspaceHost(IReadOnlyDictionary<string, string> settings) => _settings = settings;

    public const string Archivist = "web-archivist-secret-0001";
    public const string Auditor = "web-auditor-secret-0002";
    public const string Reader = "web-reader-secret-0003";
    public const string Revoked = "web-revoked-secret-0004";
    public const string ArchivistName = "web-archivist";

    private Factory _factory = null!;

    public Uri Address { get; private set; } = null!;
    public HttpClient Api { get; private set; } = null!;
    public IServiceProvider Services => _factory.Services;

    public async ValueTask InitializeAsync()
    {
        var schema = TestDatabase.NewSchema("w");
        await TestDatabase.Prepare(schema);
        _factory = new Factory(schema, _settings);
        _factory.UseKestrel(0);
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
        Api = new HttpClient { BaseAddress = Address };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Archivist);
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await _factory.DisposeAsync();
    }

    public Task RegisterActor(string id, string name, params string[] aliases) =>
        Post("/api/actors", new { id, name, kind = "person", aliases });

    /// <summary>Through the grain: the API's role endpoint is not the workspace's concern.</summary>
    public async Task AssignRole(string id, string role, string organisation, DateOnly from)
    {
        var result = await Services.GetRequiredService<IGrainFactory>().GetGrain<IActorGrain>(id)
            .AssignRole(new AssignRole(id, role, organisation, from), new WriteContext(ArchivistName, null));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
    }

    public Task OpenTopic(string id, string title) => Post("/api/topics", new { id, title });

    public async Task<string> RegisterSource(string title, string text, string? publishedOn = "2026-01-05", string? outlet = "Test Wire") =>
        (await Post("/api/sources", new { title, text, outlet, publishedOn, language = "en" })).GetProperty("id").GetString()!;

    public async Task<string> RecordStatement(string actorId, string sourceId, string quote, int start, int end, string saidOn = "2026-01-05") =>
        (await Post("/api/statements", new { actorId, sourceId, quote, span = new { start, end }, quoteKind = "direct", saidOn })).GetProperty("id").GetString()!;

    public async Task<JsonElement> Get(string path) => await Api.GetFromJsonAsync<JsonElement>(path);

    public async Task<JsonElement> Post(string path, object body)
    {
        using var response = await Api.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private sealed class Factory(string schema, IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ARCHIVE_POSTGRES", TestDatabase.ConnectionString);
            builder.UseSetting("ARCHIVE_SCHEMA", schema);
            builder.UseSetting("ARCHIVE_SILO_PORT", TestDatabase.FreePort().ToString());
            builder.UseSetting("ARCHIVE_GATEWAY_PORT", TestDatabase.FreePort().ToString());
            builder.UseSetting("ARCHIVE_SEEDS", "");
            builder.UseSetting("ARCHIVE_SEAL_SECONDS", "0");
            builder.UseSetting("ARCHIVE_RATE_LIMIT", "0");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("ARCHIVE_KEYS", string.Join(';',
                $"{Roles.Archivist}:{ArchivistName}:{Archivist}",
                $"{Roles.Auditor}:web-auditor:{Auditor}",
                $"{Roles.Reader}:web-reader:{Reader}",
                $"{Roles.Archivist}:web-retired:{Revoked}",
                $"{Roles.Revoked}:web-retired:sha256:{Convert.ToHexStringLower(ApiKey.HashOf(Revoked))}"));
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }
}

/// <summary>One host for every browser test class: they run one after another, each with its own browser and data.</summary>
[CollectionDefinition(Name)]
public sealed class WorkspaceCollection : ICollectionFixture<WorkspaceHost>
{
    public const string Name = "workspace";
}
