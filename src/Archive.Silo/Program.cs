using Archive.Grains;
using Archive.Grains.Cluster;
using Archive.Grains.Telemetry;
using Archive.Silo;

// A silo on its own: grains, their store and a candidacy for the projection daemon; no HTTP. API nodes connect
// to it as Orleans clients. By default it joins the cluster registered in PostgreSQL (ARCHIVE_CLUSTERING=postgres).
var builder = Host.CreateApplicationBuilder(args);
var configuration = builder.Configuration;
var connection = configuration["ARCHIVE_POSTGRES"] is { Length: > 0 } value
    ? value
    : throw new InvalidOperationException("ARCHIVE_POSTGRES is not set: give a PostgreSQL connection string.");
var schema = configuration["ARCHIVE_SCHEMA"] is { Length: > 0 } s ? s : "archive";
var cluster = ClusterSettings.From(configuration, defaultClustering: "postgres");

// The membership provider reads its queries when the silo starts: they must be there first. (The event store's
// tables are applied by a hosted service, under a lock, like on every host.)
if (cluster.OnPostgres) await ClusterSchema.MigrateAsync(connection, cluster.Schema);

builder.UseOrleans(silo => silo
    // In a Kubernetes pod: Orleans' pod-aware hosting (silo named after the pod, dead pods removed); a no-op elsewhere.
    .UseArchiveKubernetes(configuration)
    .UseArchiveClustering(cluster, connection, configuration.GetValue("ARCHIVE_SILO_PORT", 11111), configuration.GetValue("ARCHIVE_GATEWAY_PORT", 30000))
    .AddArchiveGrains(connection, schema,
        TimeSpan.FromSeconds(configuration.GetValue("ARCHIVE_SEAL_SECONDS", 60)),
        configuration["ARCHIVE_SEAL_KEY"],
        configuration.GetValue("ARCHIVE_SEAL_EVENTS", 1000L)));

// Traces, metrics and logs over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set; log lines carry trace ids.
builder.Services.AddArchiveTelemetry(builder.Configuration, ArchiveTelemetry.DefaultSiloServiceName);

builder.Build().Run();
