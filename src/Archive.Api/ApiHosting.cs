using System.Text.Json;
using System.Text.Json.Serialization;
using Archive.Api.Actors;
using Archive.Api.Audit;
using Archive.Api.Candidates;
using Archive.Api.Events;
using Archive.Api.Export;
using Archive.Api.Health;
using Archive.Api.Http;
using Archive.Api.Projections;
using Archive.Api.Reads;
using Archive.Api.Security;
using Archive.Api.Seeds;
using Archive.Api.Sources;
using Archive.Api.Statements;
using Archive.Api.Telemetry;
using Archive.Api.Topics;
using Archive.Store;
using Archive.Store.Storage;
using Microsoft.AspNetCore.Http.Json;
using Npgsql;
using Scalar.AspNetCore;

namespace Archive.Api;

/// <summary>
/// The HTTP API as one unit a host composes: its services (<see cref="AddArchiveApi"/>) and its pipeline and endpoints
/// (<see cref="UseArchiveApi"/>). It writes through grain interfaces and reads through the store's queries; the host
/// decides whether the grains run in the same process or on silos elsewhere.
/// </summary>
public static class ApiHosting
{
    // The largest legitimate body is a source text of 2,000,000 characters (up to 4 UTF-8 bytes each, rarely); larger is refused with 413.
    public const long MaxBody = 8 * 1024 * 1024;

    public static WebApplicationBuilder AddArchiveApi(this WebApplicationBuilder builder, ArchiveSettings settings)
    {
        if (builder.Configuration["ARCHIVE_URLS"] is { Length: > 0 } urls) builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxBody);
        builder.Services.AddSingleton(settings);
        builder.AddArchiveSecurity();
        builder.Services.AddArchiveStore(settings);
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
        builder.Services.AddOpenApi(options => options.ServeFromTheDocumentsOrigin().DeclareBearerKeys().DescribeSchemasTruly().DescribeOperations());
        builder.Services.AddSingleton<SeedImportService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SeedImportService>());
        builder.Services.AddApiTelemetry(builder.Configuration); // traces, metrics, correlated logs (docs/observability.md)
        return builder;
    }

    public static WebApplication UseArchiveApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestBound(); // no request runs past 15 s (plus a long poll's wait)
        app.UseArchiveSecurity();
        app.UseBodyLimit(MaxBody); // 413 with a declared length or without (chunked)
        app.UseStrictQueryDates(); // saidFrom=01/09/2025 is a 400, not 9 January

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
        app.MapCandidatesApi().MapExportApi();
        return app;
    }

    private static void Configure(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // Unknown or repeated fields are refused rather than silently dropped: the archive records exactly what was meant.
        // Names are case-sensitive, so 'sourceID' is an unknown field (named as such) rather than a second 'sourceId'.
        json.PropertyNameCaseInsensitive = false;
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.AllowDuplicateProperties = false;
        json.NumberHandling = JsonNumberHandling.Strict;
    }
}
