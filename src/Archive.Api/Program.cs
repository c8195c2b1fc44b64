using System.Text.Json;
using System.Text.Json.Serialization;
using Archive.Api.Actors;
using Archive.Api.Audit;
using Archive.Api.Events;
using Archive.Api.Reads;
using Archive.Api.Health;
using Archive.Api.Projections;
using Archive.Api.Hosting;
using Archive.Api.Http;
using Archive.Api.Security;
using Archive.Api.Seeds;
using Archive.Api.Sources;
using Archive.Api.Statements;
using Archive.Api.Telemetry;
using Archive.Api.Topics;
using Archive.Grains;
using Archive.Grains.Cluster;
using Microsoft.AspNetCore.Http.Json;
using Npgsql;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
if (builder.Configuration["ARCHIVE_URLS"] is { Length: > 0 } urls) builder.WebHost.UseUrls(urls);
// The largest legitimate body is a source text of 2,000,000 characters (up to 4 UTF-8 bytes each, rarely); larger is refused with 413.
const long MaxBody = 8 * 1024 * 1024;
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxBody);

var settings = ArchiveSettings.From(builder.Configuration);
builder.Services.AddSingleton(settings);
builder.AddArchiveSecurity();

// Writes go through grains; requests read projections directly from PostgreSQL. The local default co-hosts a silo
// in this process; with ARCHIVE_CLUSTERING=postgres the API is a client of the silos registered in PostgreSQL.
var cluster = ClusterSettings.From(builder.Configuration, defaultClustering: "localhost");
if (cluster.OnPostgres)
{
    await ClusterSchema.MigrateAsync(settings.ConnectionString, cluster.Schema);
    builder.UseOrleansClient(client => client.UseArchiveClustering(cluster, settings.ConnectionString));
    builder.Services.AddArchiveStore(settings.ConnectionString, settings.Schema);
    // The silos sign seals; this node only publishes the public key (or derives it when given the private one).
    builder.Services.AddSingleton(settings.SealKey is { Length: > 0 } sealKey
        ? new Archive.Grains.Audit.SealKey(sealKey)
        : Archive.Grains.Audit.SealKey.PublicOnly(builder.Configuration["ARCHIVE_SEAL_PUBLIC_KEY"]));
}
else
{
    builder.UseOrleans(silo => silo
        .UseArchiveClustering(cluster, settings.ConnectionString, settings.SiloPort, settings.GatewayPort)
        .AddArchiveGrains(settings.ConnectionString, settings.Schema, settings.SealEvery, settings.SealKey, settings.SealEveryEvents));
}

builder.Services.Configure<JsonOptions>(options => Configure(options.SerializerOptions));
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<BadRequestHandler>();
builder.AddArchiveUnavailability(); // PostgreSQL or silo away: 503 + Retry-After; grain calls bounded (Http/Unavailability.cs)
builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(settings.ConnectionString));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ProjectionProgress>();
builder.Services.AddSingleton<ReadYourWrites>();
builder.Services.AddSingleton<StallTracker>();
builder.Services.AddSingleton(new Archive.Grains.Storage.ProjectionRebuildQueue(settings.ConnectionString, settings.Schema));
builder.Services.AddOpenApi(options => options.TrimServerUrls().DeclareBearerKeys());
builder.Services.AddSingleton<SeedImporter>();
builder.Services.AddSingleton<SeedImportService>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<SeedImportService>());
builder.Services.AddApiTelemetry(builder.Configuration); // traces, metrics, correlated logs (README: Observability)

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestBound(); // no request runs past 15 s (plus a long poll's wait)
app.UseArchiveSecurity();
// Declared lengths are refused before anything is read; Kestrel's limit stops chunked bodies that grow past it.
app.Use(async (http, next) =>
{
    if (http.Request.ContentLength > MaxBody)
    {
        await Results.Problem(title: "The request body is too large.", detail: $"body: must be at most {MaxBody} bytes",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["body"] = [$"must be at most {MaxBody} bytes"] } })
            .ExecuteAsync(http);
        return;
    }
    await next(http);
});

app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/docs").AllowAnonymous();
app.MapHealthApi();
app.MapMetrics();
app.MapChangeFeedApi();
app.MapAuditApi();
app.MapHistoryApi();
app.MapProjectionsApi();
app.MapActorsApi();
app.MapTopicsApi();
app.MapSourcesApi();
app.MapStatementsApi();
app.MapStatementBatchApi();

app.Run();

static void Configure(JsonSerializerOptions json)
{
    json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
    json.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    // Unknown or repeated fields are refused rather than silently dropped: the archive records exactly what was meant.
    json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    json.AllowDuplicateProperties = false;
    json.NumberHandling = JsonNumberHandling.Strict;
}

/// <summary>Entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
