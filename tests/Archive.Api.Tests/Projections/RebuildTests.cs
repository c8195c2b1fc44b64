using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Archive.Testing;
using Xunit;

namespace Archive.Api.Tests;

public sealed class RebuildTests() : ApiTest(seeded: true)
{
    private static readonly string[] Tables =
        ["mt_doc_statementview", "mt_doc_statementrevisions", "mt_doc_actorview", "mt_doc_topicview", "mt_doc_sourceview", "mt_doc_auditentry"];


    private async Task<Dictionary<string, List<string>>> Snapshot()
    {
        var snapshot = new Dictionary<string, List<string>>();
        foreach (var table in Tables)
            snapshot[table] = await TestDatabase.Column<string>($"select id::text || ' ' || data::text from {Factory.Schema}.{table} order by id::text");
        return snapshot;
    }

    [Fact]
    public async Task RebuildAll_AfterSeedsAndChanges_ReadModelsEqualTheLiveOnes()
    {
        // given live read models, the async one caught up
        var id = (await Client.GetFromJsonAsync<Page>("/api/statements?actor=lin-jian&limit=1"))!.Items[0].Id;
        await Client.PostAsJsonAsync($"/api/statements/{id}/dispute", new { reason = "the transcript differs" });
        var total = await Factory.EventCount();
        await Eventually.Get(() => TestDatabase.Scalar($"select count(*) from {Factory.Schema}.mt_doc_auditentry"), n => n == total,
            what: "the audit projection to catch up");
        var live = await Snapshot();

        // when every read model is rebuilt from the events
        using var start = await Client.PostAsync("/api/projections/all/rebuild", null);
        using var again = await Client.PostAsync("/api/projections/all/rebuild", null);
        var status = await Eventually.Get(() => Client.GetFromJsonAsync<JsonElement>("/api/projections"),
            s => s.GetProperty("items").EnumerateArray().All(p => p.GetProperty("state").GetString() is "done" or "failed"),
            TimeSpan.FromMinutes(2), "the rebuild to finish");

        // then each equals what was live
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.All(status.GetProperty("items").EnumerateArray(), p => Assert.Equal("done", p.GetProperty("state").GetString()));
        var rebuilt = await Snapshot();
        foreach (var table in Tables)
        {
            Assert.True(live[table].Count > 0, table);
            Assert.Equal(live[table], rebuilt[table]);
        }
    }

    [Fact]
    public async Task RebuildAll_SeveralReadModels_RunsThemSideBySide()
    {
        // when every read model is queued at once
        using var start = await Client.PostAsync("/api/projections/all/rebuild", null);
        var status = await Eventually.Get(() => Client.GetFromJsonAsync<JsonElement>("/api/projections"),
            s => s.GetProperty("items").EnumerateArray().All(p => p.GetProperty("state").GetString() is "done" or "failed"),
            TimeSpan.FromMinutes(2), "the rebuild to finish");

        // then more than one started before the first of them finished: one after another, only the first would have
        var runs = status.GetProperty("items").EnumerateArray()
            .Select(p => (Started: p.GetProperty("startedAt").GetDateTimeOffset(), Finished: p.GetProperty("finishedAt").GetDateTimeOffset()))
            .ToArray();
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        Assert.All(status.GetProperty("items").EnumerateArray(), p => Assert.Equal("done", p.GetProperty("state").GetString()));
        var firstFinished = runs.Min(r => r.Finished);
        Assert.True(runs.Count(r => r.Started < firstFinished) >= 2, string.Join(", ", runs.Select(r => $"{r.Started:HH:mm:ss.fff}–{r.Finished:HH:mm:ss.fff}")));
    }

    [Fact]
    public async Task Rebuild_Finished_ReportsItsTargetAndThePositionReached()
    {
        var newest = await TestDatabase.Scalar($"select max(seq_id) from {Factory.Schema}.mt_events");

        using var start = await Client.PostAsync("/api/projections/statements/rebuild", null);
        var status = await Eventually.Get(() => Client.GetFromJsonAsync<JsonElement>("/api/projections"),
            s => s.GetProperty("items").EnumerateArray().All(p => p.GetProperty("state").GetString() is "done" or "failed" or "idle"),
            TimeSpan.FromMinutes(1), "the rebuild to finish");

        var statements = status.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "statements");
        Assert.Equal("done", statements.GetProperty("state").GetString());
        // events appended meanwhile (a seal) may raise the target and the position beyond what was newest before
        Assert.True(statements.GetProperty("target").GetInt64() >= newest);
        Assert.True(statements.GetProperty("position").GetInt64() >= statements.GetProperty("target").GetInt64());
    }

    [Fact]
    public async Task Rebuild_UnknownReadModel_Answers404NamingTheKnownOnes()
    {
        var problem = await Client.PostAsync("/api/projections/everything/rebuild", null);

        Assert.Equal(HttpStatusCode.NotFound, problem.StatusCode);
        Assert.Contains("statement-revisions", await problem.Content.ReadAsStringAsync());
    }
}
