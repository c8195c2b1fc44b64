using Archive.Grains.Audit;
using Archive.Grains.Interfaces;
using Archive.Grains.Storage;
using Archive.Store;
using Archive.Store.Audit;
using Archive.Store.Storage;
using Archive.Store.Telemetry;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Archive.Grains;

public static class ArchiveSilo
{
    /// <summary>
    /// Grains, their log-consistency provider, serialization, the Marten store they append to through the silo's
    /// group committer, sealing, and a candidacy for running the projection daemon (one host per schema runs it; see
    /// <see cref="ProjectionDaemonLeader"/>).
    /// </summary>
    public static ISiloBuilder AddArchiveGrains(this ISiloBuilder silo, ArchiveSettings settings)
    {
        // The store (and its start-up migration) first: hosted services start in the order they were added, and the
        // migration's start finishes before the next one starts, so nothing below touches a half-made schema.
        silo.Services.AddArchiveStore(settings);
        silo.Services.AddSingleton(new SealKey(settings.SealKey));
        silo.AddCustomStorageBasedLogConsistencyProvider(StreamGrain<object>.CustomStorageProvider);
        if (settings.SealEvery > TimeSpan.Zero)
            silo.Services.AddHostedService(sp => new Sealer(sp.GetRequiredService<IGrainFactory>(), settings.SealEveryEvents, settings.SealEvery,
                sp.GetRequiredService<ILogger<Sealer>>()));
        silo.Services.AddArchiveSerialization();
        // Grain calls continue the caller's trace; the archive's instruments exist whether or not a host exports them.
        silo.AddActivityPropagation();
        silo.Services.AddArchiveMetrics();
        // One group committer per silo: every grain's appends share its transactions.
        silo.Services.AddOptions<CommitOptions>().Configure(options => options.CopyFrom(settings.Commit));
        silo.Services.AddSingleton<GroupCommitter>();
        silo.Services.AddSingleton<StreamStore>();
        silo.Services.AddSingleton<SealableEvents>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddSingleton(sp => new ProjectionDaemonLeader(sp.GetRequiredService<IDocumentStore>(), settings.ConnectionString, settings.Schema,
            sp.GetRequiredService<ILogger<ProjectionDaemonLeader>>()));
        silo.Services.AddHostedService(sp => sp.GetRequiredService<ProjectionDaemonLeader>());
        return silo;
    }

    /// <summary>
    /// A silo of the given store that seals only when asked, every other setting read from the silo's configuration
    /// (tests and benchmarks, which call the seal grain themselves).
    /// </summary>
    public static ISiloBuilder AddArchiveGrains(this ISiloBuilder silo, string connectionString, string schema) =>
        silo.AddArchiveGrains(ArchiveSettings.From(silo.Configuration, connectionString: connectionString, schema: schema) with { SealEvery = TimeSpan.Zero });
}
