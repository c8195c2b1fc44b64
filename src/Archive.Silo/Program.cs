using Archive.Grains;
using Archive.Grains.Cluster;
using Archive.Silo;
using Archive.Store;
using Archive.Store.Cluster;
using Archive.Store.Telemetry;

// A silo on its own: grains, their store and a candidacy for the projection daemon; no HTTP. API nodes connect
// to it as Orleans clients. By default it joins the cluster registered in PostgreSQL (ARCHIVE_CLUSTERING=postgres).
var builder = Host.CreateApplicationBuilder(args);
var settings = ArchiveSettings.From(builder.Configuration, defaultClustering: "postgres");

// The membership provider reads its queries when the silo starts: they must be there first. (The event store's
// tables are applied by a hosted service, under a lock, like on every host.)
if (settings.Cluster.OnPostgres) await ClusterSchema.MigrateAsync(settings.ConnectionString, settings.Cluster.Schema);

builder.UseOrleans(silo => silo
    // In a Kubernetes pod: Orleans' pod-aware hosting (silo named after the pod, dead pods removed); a no-op elsewhere.
    .UseArchiveKubernetes(builder.Configuration)
    .UseArchiveClustering(settings.Cluster, settings.ConnectionString, settings.SiloPort, settings.GatewayPort)
    .AddArchiveGrains(settings));

// Traces, metrics and logs over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set; log lines carry trace ids.
builder.Services.AddArchiveTelemetry(builder.Configuration, ArchiveTelemetry.DefaultSiloServiceName);

builder.Build().Run();
