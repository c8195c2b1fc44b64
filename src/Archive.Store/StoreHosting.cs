using Archive.Store.Database;
using Archive.Store.Storage;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Store;

public static class StoreHosting
{
    /// <summary>
    /// Registers the Marten store once, even when the API and the silo share a process, with the migration every host
    /// applies at start-up and the rebuild queue. The asynchronous daemon is not started here: silos elect the one
    /// host that runs it (<see cref="ProjectionDaemonLeader"/>).
    /// </summary>
    public static IServiceCollection AddArchiveStore(this IServiceCollection services, ArchiveSettings settings)
    {
        if (services.Any(d => d.ServiceType == typeof(IDocumentStore))) return services;
        services.AddMarten(options => ArchiveStore.Configure(options, settings.ConnectionString, settings.Schema))
            .UseLightweightSessions();
        services.AddHostedService(sp => new ArchiveDatabaseMigrator(sp.GetRequiredService<IDocumentStore>(), settings.ConnectionString, settings.Schema,
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ArchiveDatabaseMigrator>>()));
        services.AddSingleton(new ProjectionRebuildQueue(settings.ConnectionString, settings.Schema));
        return services;
    }
}
