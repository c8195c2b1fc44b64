using Archive.Grains;
using Archive.Testing;
using Orleans.TestingHost;

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

    public static async Task<ArchiveCluster> Start(string? schema = null, short silos = 1)
    {
        schema ??= TestDatabase.NewSchema("g");
        await TestDatabase.Prepare(schema);
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) => silo.AddArchiveGrains(TestDatabase.ConnectionString, schema));
        builder.ConfigureClient(client => client.Services.AddArchiveSerialization());
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new ArchiveCluster(schema, cluster);
    }

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
