using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Archive.Store.Telemetry;

/// <summary>
/// Traces, metrics and logs for any archive host (the API with its co-hosted silo, or a silo on its own): one
/// trace from a request through grain calls to the SQL they run, the archive's and its libraries' meters, and log
/// records stamped with the current trace and span. Exports OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class ArchiveTelemetry
{
    public const string ServiceNameSetting = "OTEL_SERVICE_NAME";
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    /// <summary>The service name of a silo running on its own (the API host reports as <c>archive-api</c>).</summary>
    public const string DefaultSiloServiceName = "archive-silo";

    /// <summary>
    /// Orleans' spans for grain calls made by our code and for activations (which replay a stream): the names of
    /// Orleans' <c>ActivitySources.ApplicationGrainActivitySourceName</c> and <c>LifecycleActivitySourceName</c>
    /// (a grains test holds them equal), so hosts without Orleans' server libraries can list them.
    /// </summary>
    public static readonly string[] OrleansSources = ["Microsoft.Orleans.Application", "Microsoft.Orleans.Lifecycle"];

    public const string MartenSource = "Marten";
    /// <summary>The group committer's span per shared transaction.</summary>
    public const string CommitSource = "Archive.Commit";
    /// <summary>A grain's span per load of its stream (on activation, and after a conflict): from a snapshot or by replay.</summary>
    public const string LoadSource = "Archive.Load";
    public const string OrleansMeter = "Microsoft.Orleans";
    public const string RuntimeMeter = "System.Runtime";

    /// <summary>
    /// Registers telemetry under <c>OTEL_SERVICE_NAME</c> (else <paramref name="defaultServiceName"/>);
    /// <paramref name="extra"/> lets a host add its own instrumentation and exporters (the API adds ASP.NET Core
    /// and the Prometheus endpoint; tests add in-memory exporters).
    /// </summary>
    public static IServiceCollection AddArchiveTelemetry(this IServiceCollection services, IConfiguration configuration,
        string defaultServiceName, Action<IOpenTelemetryBuilder>? extra = null)
    {
        var serviceName = ServiceName(configuration, defaultServiceName);
        services.AddArchiveMetrics();

        // Every log record carries the trace and span it was written in: as scope values for the console, and as
        // the record's own trace context for OpenTelemetry's logging provider.
        services.Configure<LoggerFactoryOptions>(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        services.Configure<SimpleConsoleFormatterOptions>(options => options.IncludeScopes = true);
        services.Configure<JsonConsoleFormatterOptions>(options => options.IncludeScopes = true);
        // Without a formatter name the console logger copies its own (obsolete, scope-less) settings over the formatter's.
        services.Configure<ConsoleLoggerOptions>(options => options.FormatterName ??= ConsoleFormatterNames.Simple);

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => Describe(resource, serviceName))
            .WithTracing(tracing => tracing
                .AddSource(OrleansSources)
                .AddSource(MartenSource)
                .AddSource(CommitSource)
                .AddSource(LoadSource)
                .AddNpgsql()
                .AddProcessor(new QuietRootsProcessor()))
            .WithMetrics(metrics => metrics.AddArchiveMeters())
            .WithLogging(configureBuilder: null, configureOptions: options =>
            {
                options.IncludeFormattedMessage = true;
                options.IncludeScopes = true;
            });
        services.ConfigureOpenTelemetryMeterProvider((provider, metrics) =>
            metrics.AddView(OnlyThisHost(provider.GetRequiredService<IMeterFactory>())));
        // OTLP reads its endpoint, protocol, headers and intervals from the standard OTEL_* settings.
        if (configuration[OtlpEndpointSetting] is { Length: > 0 }) telemetry.UseOtlpExporter();
        extra?.Invoke(telemetry);
        return services;
    }

    /// <summary>The service name telemetry is reported under: <c>OTEL_SERVICE_NAME</c>, else the host's default.</summary>
    public static string ServiceName(IConfiguration configuration, string defaultServiceName) =>
        configuration[ServiceNameSetting] is { Length: > 0 } name ? name : defaultServiceName;

    public static ResourceBuilder Describe(ResourceBuilder resource, string serviceName) =>
        resource.AddService(serviceName, serviceVersion: Version);

    /// <summary>The meters every archive host reports: the archive's, Orleans', Marten's, Npgsql's and the runtime's.</summary>
    public static MeterProviderBuilder AddArchiveMeters(this MeterProviderBuilder metrics) => metrics
        .AddMeter(ArchiveMetrics.MeterName, OrleansMeter, MartenSource, RuntimeMeter)
        .AddNpgsqlInstrumentation();

    /// <summary>
    /// A view that drops instruments of meters another host's <see cref="IMeterFactory"/> created. Listeners match
    /// meters by name across the process, so with several hosts in one process (tests run many) another host's
    /// instruments would otherwise be registered under the same names first, and vanish when that host stopped.
    /// </summary>
    public static Func<Instrument, MetricStreamConfiguration?> OnlyThisHost(IMeterFactory own) => instrument =>
        instrument.Meter.Scope is IMeterFactory other && !ReferenceEquals(other, own) ? MetricStreamConfiguration.Drop : null;

    /// <summary>The archive's instruments alone, for hosts (and test clusters) that export nothing.</summary>
    public static IServiceCollection AddArchiveMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<ArchiveMetrics>();
        return services;
    }

    private static string? Version =>
        typeof(ArchiveTelemetry).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            is [System.Reflection.AssemblyInformationalVersionAttribute { InformationalVersion: var v }, ..] ? v : null;
}
