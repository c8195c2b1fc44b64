using System.Text.Json;
using Archive.Testing;
using Xunit;

namespace Archive.Cluster.Tests;

/// <summary>
/// Two silo processes and one API process against PostgreSQL: grains spread over both silos, one silo leaves
/// (cleanly, or killed) while clients are recording, and afterwards every acknowledged statement is in the archive
/// exactly once, nothing else is, every hash chain verifies, and the projection daemon runs on the survivor.
/// </summary>
public sealed class ClusterTests(ITestOutputHelper output)
{
    private static readonly TimeSpan WriteDeadline = TimeSpan.FromSeconds(120);

    /// <summary>The longest a client may wait for an acknowledgment because a silo died.</summary>
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(15);

    [Fact]
    public Task GracefulStop_OfTheDaemonsSilo_WhileRecording_LosesNothing() => SiloLeavesWhileRecording(crash: false, clients: 16, actors: 16, total: 192);

    [Fact]
    public Task Sigkill_OfTheDaemonsSilo_Under64Clients_LosesNothingAcknowledged() => SiloLeavesWhileRecording(crash: true, clients: 64, actors: 64, total: 640);

    private async Task SiloLeavesWhileRecording(bool crash, int clients, int actors, int total)
    {
        await using var cluster = await LocalCluster.Start(silos: 2);
        try
        {
            var before = total / 3;
            var writer = await StatementWriter.Prepare(cluster.Http, actors, sentences: total + actors);
            await writer.Write(Enumerable.Range(0, before), clients, WriteDeadline);

            // Placement is random: sixteen or more actors on two silos all land on one with probability ≤ 2^-15.
            var activations = await cluster.ActorActivationsBySilo();
            Assert.True(activations.Count == 2 && activations.Values.All(n => n > 0), $"actor grains per silo: {Describe(activations)}");

            var holder = await Eventually.Get(cluster.DaemonHolder, pid => pid is not null, TimeSpan.FromSeconds(30), "a silo running the projection daemon");
            var leaving = cluster.Silos.Single(s => s.Pid == holder);
            var survivor = cluster.Silos.Single(s => s != leaving);

            // The silo leaves while clients are still recording.
            var recording = writer.Write(Enumerable.Range(before, total - before), clients, WriteDeadline);
            await Eventually.Get(() => Task.FromResult(writer.Acknowledged.Count), n => n >= before + clients, WriteDeadline, "writes in flight");
            var left = DateTime.UtcNow;
            if (crash) await leaving.Crash();
            else await leaving.Stop(TimeSpan.FromSeconds(30));
            await recording;
            var stall = writer.LongestWaitSince(left);
            output.WriteLine($"{(crash ? "SIGKILL" : "SIGTERM")}: {clients} clients, {actors} actors, {total} statements; acknowledged " +
                $"{writer.Acknowledged.Count}, final failures 0, retries {writer.Retries}; answers " +
                $"{string.Join(", ", writer.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}; unexplained 5xx {writer.Unexplained.Count}; " +
                $"longest wait after the silo left {stall.TotalSeconds:F1} s");
            Assert.True(stall <= Recovery, $"a write waited {stall.TotalSeconds:F1} s after the silo left (at most {Recovery.TotalSeconds} s)");
            // a client can act on every failure it saw: 503 with Retry-After, never a bare 500
            Assert.True(writer.Unexplained.IsEmpty, "5xx other than 503 + Retry-After:\n" + string.Join("\n", writer.Unexplained));

            await cluster.WaitForActiveSilos(1, TimeSpan.FromSeconds(60));
            // One more statement per actor, so every actor's grain is active again, now on the survivor.
            await writer.Write(Enumerable.Range(total, actors), clients, WriteDeadline);
            Assert.Equal(total + actors, writer.Acknowledged.Count);
            await AssertEachAcknowledgedStatementOnce(cluster.Schema, writer);
            await Eventually.Get(cluster.DaemonHolder, pid => pid == survivor.Pid, TimeSpan.FromSeconds(30), "the daemon on the surviving silo");

            // Grains that lived on the silo that left are active on the survivor, with their whole history.
            var after = await cluster.ActorActivationsBySilo();
            Assert.True(after.Count == 1 && after.Values.Single() >= actors, $"actor grains per silo after: {Describe(after)}");
            await AssertChainsVerify(cluster);
            await AssertProjectionCatchesUp(cluster);
            await AssertRebuildRunsOnTheDaemonsSilo(cluster, survivor, writer);
        }
        catch (Exception e) when (e is not TimeoutException || !e.Message.Contains("---"))
        {
            throw new Xunit.Sdk.XunitException($"{e.GetType().Name}: {e.Message}\n{cluster.Output}");
        }
    }

    private static async Task AssertEachAcknowledgedStatementOnce(string schema, StatementWriter writer)
    {
        var recorded = await TestDatabase.Column<string>(
            $"select data ->> 'statementId' from {schema}.mt_events where type = 'statement_recorded'");
        var duplicates = recorded.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.True(duplicates.Length == 0, $"recorded more than once: {string.Join(", ", duplicates)}");
        var acknowledged = writer.Acknowledged.Values.ToHashSet();
        Assert.Empty(acknowledged.Except(recorded));
        Assert.Empty(recorded.Except(acknowledged)); // nothing that no client sent
    }

    private static async Task AssertChainsVerify(LocalCluster cluster)
    {
        var report = JsonDocument.Parse(await cluster.Http.GetStringAsync("/api/audit/verify")).RootElement;
        Assert.True(report.GetProperty("intact").GetBoolean(), report.ToString());
        Assert.True(report.GetProperty("streams").GetInt32() >= 17, report.ToString()); // the actors + the source
    }

    /// <summary>The asynchronous projection, now run by the survivor, reaches the last event.</summary>
    private static async Task AssertProjectionCatchesUp(LocalCluster cluster)
    {
        var last = await TestDatabase.Scalar($"select max(seq_id) from {cluster.Schema}.mt_events");
        await Eventually.Get(async () =>
        {
            var health = JsonDocument.Parse(await cluster.Http.GetStringAsync("/health")).RootElement;
            return health.GetProperty("projections").EnumerateArray().Select(p => p.GetProperty("position").GetInt64()).DefaultIfEmpty(0).Min();
        }, position => position >= last, TimeSpan.FromSeconds(60), $"the projections at position {last}");
    }

    /// <summary>A rebuild asked of the API node runs on the silo that holds the daemon, and the views come back whole.</summary>
    private static async Task AssertRebuildRunsOnTheDaemonsSilo(LocalCluster cluster, ArchiveProcess daemonSilo, StatementWriter writer)
    {
        using (var queued = await cluster.Http.PostAsync("/api/projections/all/rebuild", null))
            Assert.Equal(System.Net.HttpStatusCode.Accepted, queued.StatusCode);
        var status = await Eventually.Get(async () => JsonDocument.Parse(await cluster.Http.GetStringAsync("/api/projections")).RootElement,
            s => s.GetProperty("items").EnumerateArray().All(p => p.GetProperty("state").GetString() is "done" or "failed"),
            TimeSpan.FromMinutes(2), "the rebuilds to finish");
        Assert.All(status.GetProperty("items").EnumerateArray(), p => Assert.True(p.GetProperty("state").GetString() == "done", p.ToString()));
        var hosts = await TestDatabase.Column<string>($"select distinct host from {cluster.Schema}.archive_rebuilds");
        Assert.Equal($":{daemonSilo.Pid}", Assert.Single(hosts)[Assert.Single(hosts).LastIndexOf(':')..]);
        Assert.Equal(writer.Acknowledged.Count, await TestDatabase.Scalar($"select count(*) from {cluster.Schema}.mt_doc_statementview"));
    }

    private static string Describe(Dictionary<string, int> activations) =>
        activations.Count == 0 ? "none" : string.Join(", ", activations.Select(a => $"{a.Key}: {a.Value}"));
}
