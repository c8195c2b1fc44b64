using System.Text.Json;
using Archive.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Archive.Cli.Tests.Archive;

/// <summary>
/// The real archive (API and co-hosted silo) in process, against the test PostgreSQL in a schema of its own, with an archivist
/// key; the command line reaches it through the test server's handler instead of a socket.
/// </summary>
public sealed class ArchiveHost : WebApplicationFactory<global::Program>, IAsyncLifetime
{
    public const string Key = "cli-archivist-secret";
    public const string Url = "http://archive.test";

    public string Schema { get; } = TestDatabase.NewSchema("c");

    public static string RepositorySeeds
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Archive.sln"))) return Path.Combine(dir.FullName, "seeds");
            throw new DirectoryNotFoundException("the repository's seeds directory");
        }
    }

    public async ValueTask InitializeAsync()
    {
        await TestDatabase.Prepare(Schema);
        _ = Server; // start the host now, not on the first command
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ARCHIVE_POSTGRES", TestDatabase.ConnectionString);
        builder.UseSetting("ARCHIVE_SCHEMA", Schema);
        builder.UseSetting("ARCHIVE_SILO_PORT", TestDatabase.FreePort().ToString());
        builder.UseSetting("ARCHIVE_GATEWAY_PORT", TestDatabase.FreePort().ToString());
        builder.UseSetting("ARCHIVE_SEEDS", "");
        builder.UseSetting("ARCHIVE_SEAL_SECONDS", "0");
        builder.UseSetting("ARCHIVE_KEYS", "archivist:cli-tests:" + Key);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    /// <summary>Runs one command line against this archive, as the archivist.</summary>
    public Task<Cli.Outcome> Run(params string[] args) => Cli.Run(Server.CreateHandler(), [.. args, "--url", Url, "--key", Key]);

    /// <summary>Runs a command with <c>--json</c>, asserts it succeeded and returns what it printed.</summary>
    public async Task<JsonElement> Json(params string[] args)
    {
        var outcome = await Run([.. args, "--json"]);
        Assert.True(outcome.Exit == 0, $"exit {outcome.Exit}: {outcome.Error}");
        Assert.Equal("", outcome.Error);
        using var document = JsonDocument.Parse(outcome.Output);
        return document.RootElement.Clone();
    }

    public Task<long> EventCount() => TestDatabase.EventCount(Schema);
}
