using Archive.Api;
using Archive.Grains;
using Archive.Grains.Cluster;
using Archive.Store;
using Archive.Store.Audit;
using Archive.Store.Cluster;
using Archive.Web;

// The one composition root of an API process. The local default co-hosts a silo in this process; with
// ARCHIVE_CLUSTERING=postgres the API is a client of the silos registered in PostgreSQL (docs/operations.md).
var builder = WebApplication.CreateBuilder(args);
var settings = ArchiveSettings.From(builder.Configuration, defaultClustering: "localhost");

if (settings.Cluster.OnPostgres)
{
    await ClusterSchema.MigrateAsync(settings.ConnectionString, settings.Cluster.Schema);
    builder.UseOrleansClient(client => client.UseArchiveClustering(settings.Cluster, settings.ConnectionString));
    // The silos sign seals; this node only publishes the public key (or derives it when given the private one).
    builder.Services.AddSingleton(settings.SealKey is { Length: > 0 } sealKey ? new SealKey(sealKey) : SealKey.PublicOnly(settings.SealPublicKey));
}
else
{
    builder.UseOrleans(silo => silo
        .UseArchiveClustering(settings.Cluster, settings.ConnectionString, settings.SiloPort, settings.GatewayPort)
        .AddArchiveGrains(settings));
    // The API's grain calls go through the co-hosted silo's runtime: bounded like an API node's client calls.
    builder.Services.Configure<Orleans.Configuration.SiloMessagingOptions>(options => options.ResponseTimeout = Archive.Api.Http.Unavailability.GrainCallTimeout);
}

builder.AddArchiveApi(settings);
builder.AddArchiveWorkspace(); // the archivists' pages, served by this process (docs/workspace.md)
builder.Build().UseArchiveApi().Run();

/// <summary>Entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
