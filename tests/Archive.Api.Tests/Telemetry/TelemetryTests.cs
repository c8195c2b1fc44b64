using System.Diagnostics;
using System.Net;
using System.Text;
using Archive.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Xunit;

namespace Archive.Api.Tests;

/// <summary>Traces and trace-stamped logs of the real host, read from in-memory exporters, and OTLP export to a receiver.</summary>
public sealed class TelemetryTests
{
    private static readonly Dictionary<string, string> RequestLogs = new()
    {
        // ASP.NET Core's "Request starting/finished" records: written inside the request's server span.
        ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
    };

    [Fact]
    public async Task RecordStatement_OneRequest_OneTraceChainsServerSpanGrainCallAndNpgsqlCommands()
    {
        // given a host whose spans go to memory; when a statement is recorded
        await using var host = await TelemetryHost.Start();
        await host.RecordStatement("trace-actor");

        // then the POST's server span, an Orleans grain-call span under it, and Npgsql commands under that share a trace
        var (server, trace) = await TraceOf(host, "POST", "/api/statements");
        var byId = trace.ToDictionary(s => s.SpanId);
        var grainCalls = trace.Where(s => s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)).ToArray();
        var commands = trace.Where(s => s.Source.Name == "Npgsql").ToArray();
        var tree = Describe(trace);
        Assert.True(grainCalls.Length > 0, $"no Orleans span in the trace:\n{tree}");
        Assert.True(commands.Length > 0, $"no Npgsql span in the trace:\n{tree}");
        Assert.All(grainCalls, call => Assert.Contains(server, Ancestors(call, byId)));
        var chained = commands.Where(command => Ancestors(command, byId).Any(a => grainCalls.Contains(a))).ToArray();
        Assert.True(chained.Length > 0, $"no Npgsql command runs under a grain call:\n{tree}");
        // the append itself (Marten's insert into the event table) is among the commands the grain call ran
        Assert.Contains(chained, command => Sql(command).Contains("mt_events", StringComparison.Ordinal)
            || Sql(command).Contains("mt_append", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecordStatement_LogRecordsOfTheRequest_CarryItsTraceAndSpanIds()
    {
        // given request logging at Information; when a statement is recorded
        await using var host = await TelemetryHost.Start(RequestLogs);
        await host.RecordStatement("log-actor");
        var (server, _) = await TraceOf(host, "POST", "/api/statements");

        // then the records ASP.NET Core wrote for that request carry the server span's trace and span ids
        var records = await Eventually.Get(
            () => Task.FromResult(host.Logs.Snapshot().Where(r => r.TraceId == server.TraceId).ToArray()),
            found => found.Length > 0, what: $"log records with trace id {server.TraceId}");
        Assert.Contains(records, r => r.CategoryName == "Microsoft.AspNetCore.Hosting.Diagnostics" && r.SpanId == server.SpanId);
        Assert.All(records, r => Assert.NotEqual(default, r.SpanId));
        // and the console shows the same ids: the activity's ids become a logging scope, and the formatter prints scopes
        var services = host.Host.Services;
        Assert.True(services.GetRequiredService<IOptions<LoggerFactoryOptions>>().Value.ActivityTrackingOptions
            .HasFlag(ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId));
        Assert.Equal(ConsoleFormatterNames.Simple, services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.FormatterName);
        Assert.True(services.GetRequiredService<IOptionsMonitor<SimpleConsoleFormatterOptions>>().CurrentValue.IncludeScopes);
    }

    [Fact]
    public async Task OtlpEndpointSet_AfterAWrite_TracesMetricsAndLogsArriveNamedByOtelServiceName()
    {
        // given an OTLP/HTTP receiver and a host told to export to it under a service name of its own
        using var receiver = new OtlpReceiver();
        const string service = "archive-otlp-test";
        await using var host = await TelemetryHost.Start(new Dictionary<string, string>(RequestLogs)
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = service,
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
        });

        // when a statement is recorded
        await host.RecordStatement("otlp-actor");

        // then each signal is posted to its OTLP path, and every payload names the service
        foreach (var path in new[] { "/v1/traces", "/v1/metrics", "/v1/logs" })
        {
            var body = await Eventually.Get(() => Task.FromResult(receiver.Received(path)), b => b.Count > 0, what: $"a POST to {path}");
            Assert.All(body, payload => Assert.Contains(service, Encoding.UTF8.GetString(payload), StringComparison.Ordinal));
        }
        // the archive's own instruments are among the exported metrics once the write has been measured
        await Eventually.Get(() => Task.FromResult(receiver.Received("/v1/metrics")),
            bodies => bodies.Any(b => Encoding.UTF8.GetString(b).Contains("archive.statements.recorded", StringComparison.Ordinal)),
            what: "archive.statements.recorded in an OTLP metrics export");
    }

    private static async Task<(Activity Server, Activity[] Trace)> TraceOf(TelemetryHost host, string method, string path)
    {
        var server = await Eventually.Get(
            () => Task.FromResult(host.Spans.Snapshot().FirstOrDefault(s => s.Kind == ActivityKind.Server && s.TraceId == host.LastTraceId
                && Equals(s.GetTagItem("http.request.method"), method) && Equals(s.GetTagItem("url.path"), path))),
            found => found is not null, what: $"the server span of {method} {path}");
        // the request's children may end after the response was sent; wait until the grain call's commands are in
        Activity[] Trace() => host.Spans.Snapshot().Where(s => s.TraceId == server!.TraceId).ToArray();
        try
        {
            var trace = await Eventually.Get(() => Task.FromResult(Trace()),
                spans => spans.Any(s => s.Source.Name == "Npgsql") && spans.Any(s => s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)),
                what: $"Orleans and Npgsql spans in trace {server!.TraceId}");
            return (server!, trace);
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"trace {server!.TraceId} has no Orleans span or no Npgsql span:\n{Describe(Trace())}");
        }
    }

    private static IEnumerable<Activity> Ancestors(Activity span, IReadOnlyDictionary<ActivitySpanId, Activity> byId)
    {
        for (var parent = span.ParentSpanId; byId.TryGetValue(parent, out var found); parent = found.ParentSpanId)
            yield return found;
    }

    private static string Sql(Activity span) =>
        (span.GetTagItem("db.query.text") ?? span.GetTagItem("db.statement"))?.ToString() ?? "";

    private static string Describe(IEnumerable<Activity> trace) => string.Join("\n", trace.OrderBy(s => s.StartTimeUtc)
        .Select(s => $"  {s.SpanId} <- {s.ParentSpanId}  [{s.Source.Name}] {s.Kind} {s.DisplayName} {Sql(s)[..Math.Min(80, Sql(s).Length)]}"));
}
