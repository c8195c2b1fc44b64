using Xunit;

namespace Archive.Api.Tests;

/// <summary>
/// One host for a whole test class (its tests run one after another), for classes whose tests do not need an empty
/// archive: a host per test costs a silo, a store and seconds each.
/// </summary>
public sealed class SharedHost : IAsyncLifetime
{
    public ArchiveApiFactory Factory { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Factory = await ArchiveApiFactory.Start();

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>A test class on a <see cref="SharedHost"/>: the same members as <see cref="ApiTest"/>.</summary>
public abstract class SharedHostTest(SharedHost host) : IClassFixture<SharedHost>, IDisposable
{
    protected ArchiveApiFactory Factory => host.Factory;

    /// <summary>Sends the archivist's key; <see cref="ClientAs"/> gives a client for another role.</summary>
    protected HttpClient Client { get; } = host.Factory.CreateClient();

    protected HttpClient ClientAs(string? role) => host.Factory.CreateClient(role);

    public void Dispose() => Client.Dispose();
}
