using System.Diagnostics;
using Archive.Testing;
using Xunit;

namespace Archive.Api.Tests;

/// <summary><c>GET /metrics</c> after writes: the archive's instruments are there, and Prometheus' own checker accepts the page.</summary>
public sealed class MetricsEndpointTests(ITestOutputHelper output)
{
    /// <summary>The archive's families that must be on the page after a statement was recorded.</summary>
    private static readonly string[] Families =
    [
        "archive_statements_recorded_total",
        "archive_events_appended_total",
        "archive_append_duration_seconds_bucket",
        "archive_transaction_events_bucket",
        "archive_projection_lag",
        "http_server_request_duration_seconds_bucket",
        "orleans_catalog_activations",
    ];

    [Fact]
    public async Task Metrics_AfterWrites_PromtoolAcceptsThePageWithTheArchiveInstruments()
    {
        // given a host that recorded a statement
        await using var host = await TelemetryHost.Start();
        await host.RecordStatement("metrics-actor");

        // when /metrics is scraped (anonymously) once every instrument has reported
        var page = "";
        try
        {
            await Eventually.Get(async () =>
            {
                using var response = await host.Client.GetAsync("/metrics");
                Assert.True(response.IsSuccessStatusCode, $"GET /metrics answered {(int)response.StatusCode}");
                Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
                return page = await response.Content.ReadAsStringAsync();
            }, text => Families.All(f => HasFamily(text, f)), what: "every archive family on /metrics");
        }
        catch (TimeoutException)
        {
            Assert.Fail($"/metrics lacks {string.Join(", ", Families.Where(f => !HasFamily(page, f)))}; it has:\n"
                + string.Join("\n", page.Split('\n').Where(l => l.StartsWith("# TYPE", StringComparison.Ordinal))));
        }

        // then the counter counted the statement, and promtool finds no error in the exposition
        Assert.True(Value(page, "archive_statements_recorded_total") >= 1, page);
        var (exit, lint) = await Promtool(page);
        output.WriteLine(lint.Length == 0 ? "promtool check metrics: no findings" : $"promtool check metrics findings:\n{lint}");
        Assert.True(exit == 0, $"promtool check metrics exited {exit}:\n{lint}");
    }

    private static bool HasFamily(string page, string name) =>
        page.Split('\n').Any(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal));

    // A sample line is `name{labels} value [timestamp]`: the value is the first token after the labels.
    private static double Value(string page, string name) => page.Split('\n')
        .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
        .Sum(line => double.Parse(line[(line.LastIndexOf('}') is >= 0 and var end ? end + 1 : name.Length)..].Trim().Split(' ')[0],
            System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Runs <c>promtool check metrics</c> (PROMTOOL, else promtool on PATH) on the page, with a deadline.</summary>
    private static async Task<(int Exit, string Output)> Promtool(string page)
    {
        var promtool = Environment.GetEnvironmentVariable("PROMTOOL") is { Length: > 0 } configured ? configured : OnPath("promtool");
        Assert.True(promtool is not null && File.Exists(promtool),
            "promtool was not found (PROMTOOL or PATH): install Debian's 'prometheus' package (apt-get install prometheus); deploy/test.sh does when run as root");
        var start = new ProcessStartInfo(promtool!, ["check", "metrics"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(page);
        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, ((await stdout) + (await stderr)).Trim());
    }

    private static string? OnPath(string tool) => (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);
}
