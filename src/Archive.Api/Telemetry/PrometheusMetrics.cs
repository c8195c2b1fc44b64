using System.Diagnostics.Metrics;
using Archive.Store.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Archive.Api.Telemetry;

/// <summary>
/// The meter provider behind <c>/metrics</c>. It reads the same meters as the host's own provider (which exports
/// OTLP with every instrument as its library named it) but shapes them for Prometheus' conventions, which its own
/// checker (<c>promtool check metrics</c>) enforces: help text on every family, base units only, and no
/// <c>_count</c> suffix on anything but histograms. Kept apart so OTLP backends still get the semantic-convention names.
/// </summary>
public sealed class PrometheusMetrics : IDisposable
{
    /// <summary>Units Prometheus wants expressed in base units; a view cannot rescale values, so these stay OTLP-only.</summary>
    public static readonly IReadOnlySet<string> NonBaseUnits =
        new HashSet<string>(StringComparer.Ordinal) { "ms", "us", "μs", "ns", "min", "h", "KB", "kB", "MB", "GB", "KiB", "MiB", "GiB", "megabytes" };

    /// <summary>Gauges named <c>….count</c> by their libraries, and what /metrics calls them instead.</summary>
    public static readonly IReadOnlyDictionary<string, string> CountRenames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["db.client.connection.count"] = "db.client.connections",
        ["dotnet.assembly.count"] = "dotnet.assemblies.loaded",
        ["dotnet.process.cpu.count"] = "dotnet.process.cpus",
        ["dotnet.timer.count"] = "dotnet.timers",
    };

    public PrometheusMetrics(IConfiguration configuration, IMeterFactory meters)
    {
        var thisHost = ArchiveTelemetry.OnlyThisHost(meters);
        Provider = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(resource => ArchiveTelemetry.Describe(resource, ArchiveTelemetry.ServiceName(configuration, ApiTelemetry.DefaultServiceName)))
            .AddArchiveMeters()
            .AddAspNetCoreInstrumentation()
            .AddView(instrument => thisHost(instrument) ?? Shape(instrument))
            .AddPrometheusExporter()
            .Build();
    }

    public MeterProvider Provider { get; }

    /// <summary>How /metrics shows <paramref name="instrument"/>: dropped, renamed, given help text, or as it is (null).</summary>
    public static MetricStreamConfiguration? Shape(Instrument instrument)
    {
        if (instrument.Unit is { } unit && NonBaseUnits.Contains(unit)) return MetricStreamConfiguration.Drop;
        var name = instrument.Name;
        var monotonic = instrument.GetType().Name.Split('`')[0] is "Counter" or "ObservableCounter" or "Histogram";
        if (!monotonic && name.EndsWith(".count", StringComparison.Ordinal))
            name = CountRenames.TryGetValue(name, out var renamed) ? renamed : name[..^".count".Length] + ".number";
        var help = string.IsNullOrWhiteSpace(instrument.Description) ? $"{instrument.Name} (meter {instrument.Meter.Name})" : null;
        if (name == instrument.Name && help is null) return null;
        return new MetricStreamConfiguration { Name = name == instrument.Name ? null : name, Description = help };
    }

    public void Dispose() => Provider.Dispose();
}
