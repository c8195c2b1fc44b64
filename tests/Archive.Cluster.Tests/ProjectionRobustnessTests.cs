using System.Net.Http.Json;
using System.Text.Json;
using Archive.Store.Diagnostics;
using Archive.Testing;
using Xunit;

namespace Archive.Cluster.Tests;

/// <summary>
/// The asynchronous projections under faults, with a silo process that also runs the diagnostic projection that throws
/// on <c>statement_verified</c>: /health names the failing projection and the event, the audit projection keeps
/// running, a sequence number taken by a transaction that rolled back does not stall the daemon, and a restarted silo
/// resumes from the stored positions instead of projecting everything again.
/// </summary>
public sealed class ProjectionRobustnessTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private const string Faulty = "Archive.Store.Diagnostics.FaultyProjection:All";

    [Fact]
    public async Task FailingProjection_SequenceGap_SiloRestart_AuditKeepsOneEntryPerEvent()
    {
        await using var cluster = await LocalCluster.Start(new ClusterShape(Silos: 1,
            SiloEnvironment: new Dictionary<string, string> { [FaultyProjection.Setting] = "statement_verified" }));
        try
        {
            var writer = await StatementWriter.Prepare(cluster.Http, actorCount: 4, sentences: 40);
            await writer.Write(Enumerable.Range(0, 16), concurrency: 4, Deadline);

            // One projection fails on one event: /health reports which, and the audit projection goes on past it.
            using (var verified = await cluster.Http.PostAsJsonAsync($"/api/statements/{writer.Acknowledged[3]}/verify", new { method = "transcript" }, TestContext.Current.CancellationToken))
                Assert.True(verified.IsSuccessStatusCode, await verified.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            var failedAt = await TestDatabase.ScalarOn(cluster.ConnectionString,
                $"select seq_id from {cluster.Schema}.mt_events where type = 'statement_verified'");
            await writer.Write(Enumerable.Range(16, 8), concurrency: 4, Deadline);
            var faulty = await Eventually.Get(() => Projection(cluster, Faulty), p => p?.GetProperty("status").GetString() == "failed",
                Deadline, "the faulty projection reported as failed");
            var reason = faulty!.Value.GetProperty("reason").GetString()!;
            output.WriteLine($"/health: {faulty}");
            Assert.Contains($"at event {failedAt}", reason);
            Assert.Contains("statement_verified", reason);
            await ArchiveChecks.AuditCatchesUp(cluster, Deadline);
            var audit = await Projection(cluster, ArchiveChecks.AuditProjection);
            Assert.Equal("ok", audit?.GetProperty("status").GetString());

            // A transaction takes a sequence number and rolls back: the daemon must skip the gap, not wait for it forever.
            var gap = await AbortedTransaction(cluster);
            await writer.Write(Enumerable.Range(24, 8), concurrency: 4, Deadline);
            var started = DateTime.UtcNow;
            await ArchiveChecks.AuditCatchesUp(cluster, Deadline);
            output.WriteLine($"sequence gap at {gap}: the audit projection passed it in {(DateTime.UtcNow - started).TotalSeconds:0.0} s");
            Assert.Equal(0, await TestDatabase.ScalarOn(cluster.ConnectionString, $"select count(*) from {cluster.Schema}.mt_events where seq_id = {gap}"));

            // The silo stops and another starts: projections resume where they were, nothing is projected twice.
            var position = await ArchiveChecks.AuditPosition(cluster);
            var stamp = await LastModifiedUpTo(cluster, position);
            await cluster.Silos[0].Stop(TimeSpan.FromSeconds(30));
            cluster.StartSilo();
            await cluster.WaitForActiveSilos(1, TimeSpan.FromSeconds(60));
            await writer.Write(Enumerable.Range(32, 8), concurrency: 4, Deadline);
            await Eventually.Get(cluster.DaemonHolder, pid => pid == cluster.Silos[1].Pid, Deadline, "the daemon on the new silo");
            await ArchiveChecks.AuditCatchesUp(cluster, Deadline);
            Assert.Equal(stamp, await LastModifiedUpTo(cluster, position)); // entries up to the old position were not written again
            var events = await TestEvents(cluster);
            output.WriteLine($"after the restart: {events} events, {events} audit entries; entries up to {position} untouched");
            var stillFailed = await Projection(cluster, Faulty);
            Assert.Equal("failed", stillFailed?.GetProperty("status").GetString());
        }
        catch (Exception e) when (e is not TimeoutException || !e.Message.Contains("---"))
        {
            throw new Xunit.Sdk.XunitException($"{e.GetType().Name}: {e.Message}\n{cluster.Output}");
        }
    }

    /// <summary>
    /// A projection that fails on the very first event of the archive never records progress, so Marten has no row in
    /// which to note the failure: /health must still name it, with the event, at position 0.
    /// </summary>
    [Fact]
    public async Task ProjectionFailingOnItsFirstBatch_IsReportedWithTheEvent()
    {
        await using var cluster = await LocalCluster.Start(new ClusterShape(Silos: 1,
            SiloEnvironment: new Dictionary<string, string> { [FaultyProjection.Setting] = "actor_registered" }));
        try
        {
            var writer = await StatementWriter.Prepare(cluster.Http, actorCount: 2, sentences: 4);
            await writer.Write(Enumerable.Range(0, 4), concurrency: 2, Deadline);
            var first = await TestDatabase.ScalarOn(cluster.ConnectionString, $"select min(seq_id) from {cluster.Schema}.mt_events");
            Assert.Equal("actor_registered", (await TestDatabase.ColumnOn<string>(cluster.ConnectionString,
                $"select type from {cluster.Schema}.mt_events where seq_id = {first}")).Single());

            var faulty = await Eventually.Get(() => Projection(cluster, Faulty), p => p?.GetProperty("status").GetString() == "failed",
                Deadline, "the projection that failed on its first batch reported as failed");
            output.WriteLine($"/health: {faulty}");
            var reason = faulty!.Value.GetProperty("reason").GetString()!;
            Assert.Contains($"at event {first} (actor_registered)", reason);
            Assert.Contains("refuses every 'actor_registered' event", reason);
            Assert.DoesNotContain("   at ", reason); // a reason, not a stack trace
            Assert.Equal(0, faulty.Value.GetProperty("position").GetInt64());
            Assert.Equal(0, await TestDatabase.ScalarOn(cluster.ConnectionString,
                $"select count(*) from {cluster.Schema}.mt_event_progression where name = '{Faulty}'"));

            // the others keep running, and the archive says it is degraded rather than healthy
            await ArchiveChecks.AuditCatchesUp(cluster, Deadline);
            using var response = await cluster.Http.GetAsync("/health", TestContext.Current.CancellationToken);
            var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
            Assert.Equal("Degraded", health.GetProperty("status").GetString());
            Assert.Equal("ok", (await Projection(cluster, ArchiveChecks.AuditProjection))?.GetProperty("status").GetString());
        }
        catch (Exception e) when (e is not TimeoutException || !e.Message.Contains("---"))
        {
            throw new Xunit.Sdk.XunitException($"{e.GetType().Name}: {e.Message}\n{cluster.Output}");
        }
    }

    private static async Task<JsonElement?> Projection(LocalCluster cluster, string name)
    {
        using var response = await cluster.Http.GetAsync("/health");
        var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        foreach (var p in health.GetProperty("projections").EnumerateArray())
            if (p.GetProperty("name").GetString() == name) return p.Clone();
        return null;
    }

    /// <summary>What an append that fails after taking its sequence number leaves behind: a position no event will ever have.</summary>
    private static async Task<long> AbortedTransaction(LocalCluster cluster)
    {
        await using var connection = new Npgsql.NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new Npgsql.NpgsqlCommand($"select nextval('{cluster.Schema}.mt_events_sequence')", connection, transaction);
        var taken = (long)(await command.ExecuteScalarAsync())!;
        await transaction.RollbackAsync();
        return taken;
    }

    private static Task<long> LastModifiedUpTo(LocalCluster cluster, long position) => TestDatabase.ScalarOn(cluster.ConnectionString,
        $"select coalesce(extract(epoch from max(mt_last_modified)) * 1000000, 0)::bigint from {cluster.Schema}.mt_doc_auditentry where id <= {position}");

    private static Task<long> TestEvents(LocalCluster cluster) => TestDatabase.ScalarOn(cluster.ConnectionString, $"select count(*) from {cluster.Schema}.mt_events");
}
