using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Archive.Testing;
using Xunit;

namespace Archive.Cluster.Tests;

/// <summary>
/// A private PostgreSQL stops (<c>pg_ctl stop -m fast</c>) while clients record through an API that co-hosts its silo,
/// stays down, and starts again. Meanwhile every request is answered within the bound, with 503 + Retry-After; after
/// the restart writes succeed again without restarting any process, every acknowledged statement is in the archive
/// exactly once, the chains verify and the projection daemon resumes on its own.
/// </summary>
public sealed class PostgresRestartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan WriteDeadline = TimeSpan.FromSeconds(150);
    private static readonly TimeSpan RequestBound = TimeSpan.FromSeconds(16); // the API's 15 s, and a second for the loopback

    [Fact]
    public async Task PostgresRestart_WhileRecording_Answers503ThenRecoversWithNothingLostOrDoubled()
    {
        await using var postgres = await PrivatePostgres.Start();
        await using var cluster = await LocalCluster.Start(new ClusterShape(Silos: 0, ConnectionString: postgres.ConnectionString));
        try
        {
            const int before = 24, total = 96; // sentence `total` is the one the outage probe writes
            var writer = await StatementWriter.Prepare(cluster.Http, actorCount: 8, sentences: total + 1);
            await writer.Write(Enumerable.Range(0, before), concurrency: 8, WriteDeadline);
            await Eventually.Get(cluster.DaemonHolder, pid => pid == cluster.Api.Pid, TimeSpan.FromSeconds(30), "the daemon running in the API process");

            var recording = writer.Write(Enumerable.Range(before, total - before), concurrency: 8, WriteDeadline);
            await Eventually.Get(() => Task.FromResult(writer.Acknowledged.Count), n => n >= before + 16, WriteDeadline, "writes in flight");
            await postgres.Stop();
            var down = Stopwatch.GetTimestamp();

            var probes = await ProbeWhileDown(cluster.Http, writer);
            var outage = Stopwatch.GetElapsedTime(down);
            Assert.False(await postgres.Accepts(), "PostgreSQL came back during the probe");
            await postgres.StartServer();
            var up = Stopwatch.GetTimestamp();
            // This process's own pooled connections died with the server; the archive's processes must cope by themselves.
            Npgsql.NpgsqlConnection.ClearAllPools();

            // The probe's statement went to a grain whose appends were failing: the first write that reaches it again.
            await writer.Write([total], concurrency: 1, TimeSpan.FromSeconds(60));
            var recovery = Stopwatch.GetElapsedTime(up);
            await recording;
            var caughtUp = await Eventually.Get(cluster.DaemonHolder, pid => pid == cluster.Api.Pid, TimeSpan.FromSeconds(30), "the daemon leading again");
            await ArchiveChecks.AuditCatchesUp(cluster, TimeSpan.FromSeconds(60));
            var daemonBack = Stopwatch.GetElapsedTime(up);

            var (recorded, duplicated, lost) = await ArchiveChecks.EachAcknowledgedStatementOnce(cluster, writer.Acknowledged.Values);
            await ArchiveChecks.ChainsVerify(cluster.Http, minimumStreams: 9); // 8 actors + the source
            var statuses = string.Join(", ", writer.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));
            output.WriteLine($"outage {outage.TotalSeconds:0.0} s; probes while down: {string.Join(", ", probes)}");
            output.WriteLine($"acknowledged {writer.Acknowledged.Count}, recorded {recorded}, lost {lost}, duplicated {duplicated}; " +
                             $"writer answers {statuses}; slowest request {writer.Slowest.TotalSeconds:0.0} s");
            output.WriteLine($"recovery: first write {recovery.TotalSeconds:0.0} s after PostgreSQL was back; audit projection current {daemonBack.TotalSeconds:0.0} s after");

            Assert.Equal(total + 1, writer.Acknowledged.Count);
            Assert.True(writer.Unexplained.IsEmpty, "5xx other than 503 + Retry-After: " + string.Join("\n", writer.Unexplained));
            Assert.True(writer.Slowest < RequestBound, $"a request took {writer.Slowest.TotalSeconds:0.0} s");
            Assert.True(writer.Statuses.ContainsKey(503), $"no writer saw the outage: {statuses}");
            Assert.True(recovery < TimeSpan.FromSeconds(10), $"writes succeeded again only {recovery.TotalSeconds:0.0} s after PostgreSQL was back");
            Assert.NotNull(caughtUp);
        }
        catch (Exception e) when (e is not TimeoutException || !e.Message.Contains("---"))
        {
            throw new Xunit.Sdk.XunitException($"{e.GetType().Name}: {e.Message}\n{cluster.Output}");
        }
    }

    /// <summary>
    /// While PostgreSQL is down: reads (a list, a document) and writes (a statement for a grain with failing appends, a
    /// new actor whose grain cannot load) each answer 503 with Retry-After and a ProblemDetails naming the dependency,
    /// within the bound.
    /// </summary>
    private static async Task<List<string>> ProbeWhileDown(HttpClient http, StatementWriter writer)
    {
        var source = writer.Source;
        var index = source.Sentences.Count - 1;
        var requests = new Func<Task<HttpResponseMessage>>[]
        {
            () => http.GetAsync("/api/statements?actor=speaker-01&limit=5"),
            () => http.GetAsync("/api/actors/speaker-02"),
            () => http.PostAsJsonAsync("/api/statements", new
            {
                actorId = $"speaker-{index % 8 + 1:D2}", sourceId = source.Id, quote = source.Sentences[index],
                span = new { start = source.Span(index).Start, end = source.Span(index).End }, quoteKind = "direct", saidOn = "2025-01-01",
            }),
            () => http.PostAsJsonAsync("/api/actors", new { id = "outage-probe", name = "Outage probe", kind = "person" }),
        };
        var answers = await Task.WhenAll(requests.Select(async (send, i) =>
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await send();
            var took = Stopwatch.GetElapsedTime(started);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"probe {i}: {(int)response.StatusCode} {body}");
            Assert.True(response.Headers.RetryAfter?.Delta is { } after && after > TimeSpan.Zero, $"probe {i}: no Retry-After");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
            Assert.True(errors.TryGetProperty("database", out _) || errors.TryGetProperty("silo", out _) || errors.TryGetProperty("request", out _), body);
            Assert.True(took < RequestBound, $"probe {i} took {took.TotalSeconds:0.0} s");
            return $"{(int)response.StatusCode} in {took.TotalSeconds:0.0} s";
        }));
        return [.. answers];
    }
}
