using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Archive.Testing;
using Xunit;

namespace Archive.Api.Tests;

public sealed class RebuildTests : IAsyncLifetime
{
    private static readonly string[] Tables =
        ["mt_doc_statementview", "mt_doc_statementrevisions", "mt_doc_actorview", "mt_doc_topicview", "mt_doc_sourceview", "mt_doc_auditentry"];

    private ArchiveApiFactory _factory = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await ArchiveApiFactory.Start(seeds: ArchiveApiFactory.RepositorySeeds);
        Assert.Empty((await _factory.SeedImport())!.Failures);
        _client = _factory.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private async Task<Dictionary<string, List<string>>> Snapshot()
    {
        var snapshot = new Dictionary<string, List<string>>();
        foreach (var table in Tables)
            snapshot[table] = await TestDatabase.Column<string>($"select id::text || ' ' || data::text from {_factory.Schema}.{table} order by id::text");
        return snapshot;
    }

    [Fact]
    public async Task RebuildAll_AfterSeedsAndChanges_ReadModelsEqualTheLiveOnes()
    {
        // given live read models, the async one caught up
        var id = (await _client.GetFromJsonAsync<Page>("/api/statements?actor=lin-jian&limit=1"))!.Items[0].Id;
        await _client.PostAsJsonAsync($"/api/statements/{id}/dispute", new { reason = "the transcript differs" });
        var total = await _factory.EventCount();
        await Eventually.Get(() => TestDatabase.Scalar($"select count(*) from {_factory.Schema}.mt_doc_auditentry"), n => n == total,
            what: "the audit projection to catch up");
        var live = await Snapshot();

        // when every read model is rebuilt from the events
        using var start = await _client.PostAsync("/api/projections/all/rebuild", null);
        using var again = await _client.PostAsync("/api/projections/all/rebuild", null);
        var status = await Eventually.Get(() => _client.GetFromJsonAsync<JsonElement>("/api/projections"),
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
    public async Task Rebuild_UnknownReadModel_Answers404NamingTheKnownOnes()
    {
        var problem = await _client.PostAsync("/api/projections/everything/rebuild", null);

        Assert.Equal(HttpStatusCode.NotFound, problem.StatusCode);
        Assert.Contains("statement-revisions", await problem.Content.ReadAsStringAsync());
    }
}
