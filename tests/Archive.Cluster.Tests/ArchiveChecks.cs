using System.Text.Json;
using Archive.Testing;
using Xunit;

namespace Archive.Cluster.Tests;

/// <summary>What must hold after any fault: each acknowledged statement once, chains intact, projections caught up.</summary>
public static class ArchiveChecks
{
    public const string AuditProjection = "Archive.Store.Audit.AuditEntryProjection:All";

    /// <summary>Every acknowledged statement is recorded exactly once, and nothing is recorded that no client sent.</summary>
    public static async Task<(int Recorded, int Duplicated, int Lost)> EachAcknowledgedStatementOnce(LocalCluster cluster, IEnumerable<string> acknowledgedIds)
    {
        var recorded = await TestDatabase.ColumnOn<string>(cluster.ConnectionString,
            $"select data ->> 'statementId' from {cluster.Schema}.mt_events where type = 'statement_recorded'");
        var duplicates = recorded.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        var acknowledged = acknowledgedIds.ToHashSet();
        var lost = acknowledged.Except(recorded).ToArray();
        Assert.True(duplicates.Length == 0, $"recorded more than once: {string.Join(", ", duplicates)}");
        Assert.True(lost.Length == 0, $"acknowledged but not recorded: {string.Join(", ", lost)}");
        Assert.Empty(recorded.Except(acknowledged)); // nothing that no client sent
        return (recorded.Count, duplicates.Length, lost.Length);
    }

    public static async Task ChainsVerify(HttpClient http, int minimumStreams)
    {
        var report = JsonDocument.Parse(await http.GetStringAsync("/api/audit/verify")).RootElement;
        Assert.True(report.GetProperty("intact").GetBoolean(), report.ToString());
        Assert.True(report.GetProperty("streams").GetInt32() >= minimumStreams, report.ToString());
    }

    /// <summary>The audit projection has processed the last event, and holds exactly one entry per event.</summary>
    public static async Task AuditCatchesUp(LocalCluster cluster, TimeSpan deadline)
    {
        var state = await Eventually.Get(async () =>
        {
            var last = await TestDatabase.ScalarOn(cluster.ConnectionString, $"select coalesce(max(seq_id), 0) from {cluster.Schema}.mt_events");
            var events = await TestDatabase.ScalarOn(cluster.ConnectionString, $"select count(*) from {cluster.Schema}.mt_events");
            var position = await AuditPosition(cluster);
            var entries = await TestDatabase.ScalarOn(cluster.ConnectionString, $"select count(*) from {cluster.Schema}.mt_doc_auditentry");
            return (last, events, position, entries);
        }, s => s.position >= s.last && s.entries == s.events, deadline, "the audit projection at the last event, one entry per event");
        Assert.Equal(state.events, state.entries);
    }

    public static Task<long> AuditPosition(LocalCluster cluster) => TestDatabase.ScalarOn(cluster.ConnectionString,
        $"select coalesce((select last_seq_id from {cluster.Schema}.mt_event_progression where name = @name), 0)", ("name", AuditProjection));
}
