using Archive.Grains.Telemetry;
using Archive.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Grains;

public static class ArchiveSilo
{
    /// <summary>Grains, their log-consistency provider, serialization and the Marten store they append to.</summary>
    public static ISiloBuilder AddArchiveGrains(this ISiloBuilder silo, string connectionString, string schema, TimeSpan? sealEvery = null,
        string? sealKey = null, long sealEveryEvents = 1000)
    {
        silo.Services.AddSingleton(new Audit.SealKey(sealKey));
        silo.AddCustomStorageBasedLogConsistencyProvider(Storage.StreamGrain<object>.CustomStorageProvider);
        if (sealEvery is { } interval && interval > TimeSpan.Zero)
            silo.Services.AddHostedService(sp => new Audit.Sealer(sp.GetRequiredService<IGrainFactory>(), sealEveryEvents, interval,
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Audit.Sealer>>()));
        silo.Services.AddArchiveSerialization();
        // Grain calls continue the caller's trace; the archive's instruments exist whether or not a host exports them.
        silo.AddActivityPropagation();
        silo.Services.AddArchiveMetrics();
        silo.Services.AddArchiveStore(connectionString, schema);
        return silo;
    }

    /// <summary>Registers the Marten store once, even when the API and the silo share a process.</summary>
    public static IServiceCollection AddArchiveStore(this IServiceCollection services, string connectionString, string schema)
    {
        if (services.Any(d => d.ServiceType == typeof(IDocumentStore))) return services;
        services.AddMarten(options => ArchiveStore.Configure(options, connectionString, schema))
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            // Solo: leader election through Marten's HotCold mode does not load here (its lock library is
            // missing), and the archive runs one silo per schema until it elects the daemon's silo itself.
            .AddAsyncDaemon(JasperFx.Events.Daemon.DaemonMode.Solo);
        services.AddHostedService(_ => new Storage.AppendOnlyEvents(connectionString, schema));
        return services;
    }
}
