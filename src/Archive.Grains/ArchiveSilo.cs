using Archive.Grains.Telemetry;
using Archive.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Archive.Grains;

public static class ArchiveSilo
{
    /// <summary>
    /// Grains, their log-consistency provider, serialization, the Marten store they append to, and a candidacy
    /// for running the projection daemon (one host per schema runs it; see <see cref="Storage.ProjectionDaemonLeader"/>).
    /// </summary>
    public static ISiloBuilder AddArchiveGrains(this ISiloBuilder silo, string connectionString, string schema, TimeSpan? sealEvery = null,
        string? sealKey = null, long sealEveryEvents = 1000)
    {
        silo.Services.AddSingleton(new Audit.SealKey(sealKey));
        silo.AddCustomStorageBasedLogConsistencyProvider(Storage.StreamGrain<object>.CustomStorageProvider);
        if (sealEvery is { } interval && interval > TimeSpan.Zero)
            silo.Services.AddHostedService(sp => new Audit.Sealer(sp.GetRequiredService<IGrainFactory>(), sealEveryEvents, interval,
                sp.GetRequiredService<ILogger<Audit.Sealer>>()));
        silo.Services.AddArchiveSerialization();
        // Grain calls continue the caller's trace; the archive's instruments exist whether or not a host exports them.
        silo.AddActivityPropagation();
        silo.Services.AddArchiveMetrics();
        silo.Services.AddArchiveStore(connectionString, schema);
        // One group committer per silo: every grain's appends share its transactions.
        silo.Services.AddOptions<Storage.CommitOptions>().Configure<Microsoft.Extensions.Configuration.IConfiguration>((o, c) => o.Read(c));
        silo.Services.AddSingleton<Storage.GroupCommitter>();
        silo.Services.AddSingleton(sp => new Storage.ProjectionDaemonLeader(sp.GetRequiredService<IDocumentStore>(), connectionString, schema,
            sp.GetRequiredService<ILogger<Storage.ProjectionDaemonLeader>>()));
        silo.Services.AddHostedService(sp => sp.GetRequiredService<Storage.ProjectionDaemonLeader>());
        return silo;
    }

    /// <summary>
    /// Registers the Marten store once, even when the API and the silo share a process. The asynchronous daemon is
    /// not started here: silos elect the one host that runs it.
    /// </summary>
    public static IServiceCollection AddArchiveStore(this IServiceCollection services, string connectionString, string schema)
    {
        if (services.Any(d => d.ServiceType == typeof(IDocumentStore))) return services;
        services.AddMarten(options =>
            {
                ArchiveStore.Configure(options, connectionString, schema);
                Storage.Snapshots.Register(options);
            })
            .UseLightweightSessions();
        services.AddHostedService(sp => new Database.ArchiveDatabaseMigrator(sp.GetRequiredService<IDocumentStore>(), connectionString, schema));
        return services;
    }
}
