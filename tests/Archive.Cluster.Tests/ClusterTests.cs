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

    [Fact]
    public Task GracefulStop_OfTheDaemonsSilo_WhileRecording_LosesNothing() => SiloLeavesWhileRecording(crash: false);

    [Fact]
    public Task Sigkill_OfTheDaemonsSilo_WhileRecording_LosesNothingAcknowledged() => SiloLeavesWhileRecording(crash: true);

    private async Task SiloLeavesWhileRecording(bool crash)
    {
        await using var cluster = await LocalCluster.Start(silos: 2);
        try
        {
            const int before = 48, total = 144;
            var writer = await StatementWriter.Prepare(cluster.Http, actorCount: 16, sentences: total);
            await writer.Write(Enumerable.Range(0, before), concurrency: 8, WriteDeadline);

            // Placement is random: sixteen actors on two silos all land on one with probability 2^-15.
            var activations = await cluster.ActorActivationsBySilo();
            Assert.True(activations.Count == 2 && activations.Values.All(n => n > 0), $"actor grains per silo: {Describe(activations)}");

            var holder = await Eventually.Get(cluster.DaemonHolder, pid => pid is not null, TimeSpan.FromSeconds(30), "a silo running the projection daemon");
            var leaving = cluster.Silos.Single(s => s.Pid == holder);
            var survivor = cluster.Silos.Single(s => s != leaving);

            // The silo leaves while clients are still recording.
            var recording = writer.Write(Enumerable.Range(before, total - before), concurrency: 8, WriteDeadline);
            await Eventually.Get(() => Task.FromResult(writer.Acknowledged.Count), n => n >= before + 24, WriteDeadline, "writes in flight");
            if (crash) await leaving.Crash();
            else await leaving.Stop(TimeSpan.FromSeconds(30));
            var left = System.Diagnostics.Stopwatch.GetTimestamp();
            await recording;
            output.WriteLine($"acknowledged {writer.Acknowledged.Count}; answers {string.Join(", ", writer.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}; " +
                             $"unexplained 5xx {writer.Unexplained.Count}; all acknowledged {System.Diagnostics.Stopwatch.GetElapsedTime(left).TotalSeconds:0.0} s after the silo left");

            await cluster.WaitForActiveSilos(1, TimeSpan.FromSeconds(60));
            Assert.Equal(total, writer.Acknowledged.Count);
            await AssertEachAcknowledgedStatementOnce(cluster.Schema, writer);
            await Eventually.Get(cluster.DaemonHolder, pid => pid == survivor.Pid, TimeSpan.FromSeconds(30), "the daemon on the surviving silo");

            // Grains that lived on the silo that left are active again on the survivor, with their whole history.
            var after = await cluster.ActorActivationsBySilo();
            Assert.True(after.Count == 1 && after.Values.Single() >= 16, $"actor grains per silo after: {Describe(after)}");
            await AssertChainsVerify(cluster);
            await AssertProjectionCatchesUp(cluster);
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
        Assert.True(report.GetProperty("streams").GetInt32() >= 17, report.ToString()); // 16 actors + the source
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

    private static string Describe(Dictionary<string, int> activations) =>
        activations.Count == 0 ? "none" : string.Join(", ", activations.Select(a => $"{a.Key}: {a.Value}"));
}
