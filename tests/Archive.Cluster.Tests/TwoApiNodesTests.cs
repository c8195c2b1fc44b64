using System.Collections.Concurrent;
using System.Net.Http.Json;
using Archive.Testing;
using Xunit;

namespace Archive.Cluster.Tests;

/// <summary>
/// Two silos and two API nodes; clients of both nodes record the same statements of one actor at the same time, then
/// verify them through alternating nodes. One grain activation in the cluster writes the actor's stream, so no client
/// ever sees a version conflict, the stream's versions run 1..n without a fork, and each statement's events keep
/// their order.
/// </summary>
public sealed class TwoApiNodesTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task TwoApiNodes_RecordingOneActorAtOnce_NeverConflictOrFork()
    {
        await using var cluster = await LocalCluster.Start(new ClusterShape(Silos: 2, Apis: 2));
        try
        {
            const int statements = 60;
            var first = await StatementWriter.Prepare(cluster.Https[0], actorCount: 1, sentences: statements);
            var second = first.Through(cluster.Https[1]);

            // Every statement is sent through both nodes at once, in opposite orders, so requests for the same stream
            // (and for the same statement) race through different API processes.
            await Task.WhenAll(
                first.Write(Enumerable.Range(0, statements), concurrency: 8, Deadline),
                second.Write(Enumerable.Range(0, statements).Reverse(), concurrency: 8, Deadline));
            Assert.Equal(first.Acknowledged.OrderBy(a => a.Key), second.Acknowledged.OrderBy(a => a.Key));

            // Each statement's next event, through the other node than the one that recorded it first.
            var verifyStatuses = new ConcurrentDictionary<int, int>();
            await Parallel.ForEachAsync(first.Acknowledged, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (entry, _) =>
            {
                while (true) // a 503 (a busy machine) is tried again; anything else must be a success
                {
                    using var response = await cluster.Https[entry.Key % 2].PostAsJsonAsync($"/api/statements/{entry.Value}/verify",
                        new { method = "transcript", note = $"checked through node {entry.Key % 2 + 1}" });
                    verifyStatuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                    if (response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable) continue;
                    Assert.True(response.IsSuccessStatusCode, $"verify {entry.Value}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    return;
                }
            });

            var statuses = first.Statuses.Concat(second.Statuses).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Sum(s => s.Value));
            output.WriteLine($"record answers {Describe(statuses)} (retries {first.Retries + second.Retries}); verify answers {Describe(verifyStatuses)}");
            Assert.False(statuses.ContainsKey(409), $"a client saw a version conflict: {Describe(statuses)}");
            Assert.True(statuses.Keys.All(s => s is 200 or 201 or 503), $"record answers {Describe(statuses)}");
            Assert.False(verifyStatuses.ContainsKey(409), $"a verification saw a version conflict: {Describe(verifyStatuses)}");

            // One chain: versions 1..n in commit order, each statement recorded once and verified after it was recorded.
            var stream = await Sql.Rows<long, string>(cluster.ConnectionString,
                $"select version, type || ' ' || coalesce(data ->> 'statementId', '') from {cluster.Schema}.mt_events where stream_id = 'actor:speaker-01' order by seq_id");
            Assert.Equal(Enumerable.Range(1, stream.Count).Select(v => (long)v), stream.Select(e => e.Item1));
            Assert.Equal(1 + 2 * statements, stream.Count); // registration, then a recording and a verification each
            var firstSeen = new Dictionary<string, string>();
            foreach (var (_, what) in stream.Skip(1))
            {
                var parts = what.Split(' ');
                if (!firstSeen.TryAdd(parts[1], parts[0]))
                    Assert.True(firstSeen[parts[1]] == "statement_recorded" && parts[0] == "statement_verified", $"{parts[1]}: {firstSeen[parts[1]]} then {parts[0]}");
                else Assert.Equal("statement_recorded", parts[0]);
            }
            var (recorded, duplicated, lost) = await ArchiveChecks.EachAcknowledgedStatementOnce(cluster, first.Acknowledged.Values);
            output.WriteLine($"stream versions 1..{stream.Count} contiguous; recorded {recorded}, duplicated {duplicated}, lost {lost}");
            await ArchiveChecks.ChainsVerify(cluster.Https[1], minimumStreams: 2);
        }
        catch (Exception e) when (e is not TimeoutException || !e.Message.Contains("---"))
        {
            throw new Xunit.Sdk.XunitException($"{e.GetType().Name}: {e.Message}\n{cluster.Output}");
        }
    }

    private static string Describe(IEnumerable<KeyValuePair<int, int>> statuses) =>
        string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));
}
