using Archive.Store.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Archive.Api.Telemetry;

/// <summary>The API host's telemetry: the shared archive telemetry plus ASP.NET Core, projection lag and <c>/metrics</c>.</summary>
public static class ApiTelemetry
{
    public const string DefaultServiceName = "archive-api";
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddApiTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PrometheusMetrics>();
        services.AddSingleton<ProjectionLagGauge>();
        services.AddHostedService(sp => sp.GetRequiredService<ProjectionLagGauge>());
        return services.AddArchiveTelemetry(configuration, DefaultServiceName, telemetry => telemetry
            // A scrape every few seconds would otherwise bury the requests worth reading in the trace store.
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation(options =>
                options.Filter = http => !http.Request.Path.StartsWithSegments(MetricsPath)))
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation()));
    }

    /// <summary>The Prometheus scrape endpoint (text exposition format); anonymous, like <c>/health</c>.</summary>
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        var prometheus = app.ServiceProvider.GetRequiredService<PrometheusMetrics>();
        app.MapPrometheusScrapingEndpoint(MetricsPath, prometheus.Provider, configureBranchedPipeline: null, optionsName: null);
        return app;
    }
}
