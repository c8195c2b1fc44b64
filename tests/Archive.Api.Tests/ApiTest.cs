using Xunit;

namespace Archive.Api.Tests;

/// <summary>
/// A test class with a host of its own (own schema), started before each test and stopped after it; seeded with
/// the repository's seeds when <paramref name="seeded"/>, and with extra <paramref name="settings"/> when given.
/// </summary>
public abstract class ApiTest(bool seeded = false, IReadOnlyDictionary<string, string>? settings = null) : IAsyncLifetime
{
    protected ArchiveApiFactory Factory { get; private set; } = null!;
    /// <summary>Sends the archivist's key; <see cref="ClientAs"/> gives a client for another role.</summary>
    protected HttpClient Client { get; private set; } = null!;

    /// <summary>A new client with the test key of a role ("archivist", "auditor", "reader", "revoked"), or none for null.</summary>
    protected HttpClient ClientAs(string? role) => Factory.CreateClient(role);

    public virtual async ValueTask InitializeAsync()
    {
        Factory = await ArchiveApiFactory.Start(seeds: seeded ? ArchiveApiFactory.RepositorySeeds : null, settings: settings);
        if (seeded) Assert.Empty((await Factory.SeedImport())!.Failures);
        Client = Factory.CreateClient();
    }

    public virtual async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}
