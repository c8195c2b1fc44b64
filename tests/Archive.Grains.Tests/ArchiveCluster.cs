using Archive.Grains;
using Archive.Testing;
using Orleans.TestingHost;
using Archive.Grains.Interfaces;

namespace Archive.Grains.Tests;

/// <summary>An in-process Orleans cluster whose grains append to the test PostgreSQL, in a schema of its own.</summary>
public sealed class ArchiveCluster : IAsyncDisposable
{
    private ArchiveCluster(string schema, InProcessTestCluster cluster)
    {
        Schema = schema;
        Cluster = cluster;
    }

    public string Schema { get; }
    public InProcessTestCluster Cluster { get; }
    public IGrainFactory Grains => Cluster.Client;

    /// <summary>A service of the first silo, e.g. its group committer.</summary>
    public T SiloService<T>() where T : notnull =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<T>(
            ((InProcessSiloHandle)Cluster.Silos[0]).SiloHost.Services);

    /// <param name="configure">Extra silo configuration, e.g. a smaller snapshot interval.</param>
    public static async Task<ArchiveCluster> Start(string? schema = null, short silos = 1, Action<ISiloBuilder>? configure = null)
    {
        schema ??= TestDatabase.NewSchema("g");
        await TestDatabase.Prepare(schema);
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddArchiveGrains(TestDatabase.ConnectionString, schema);
            configure?.Invoke(silo);
        });
        builder.ConfigureClient(client => client.Services.AddArchiveSerialization());
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new ArchiveCluster(schema, cluster);
    }

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
