using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Archive.Testing;
using Xunit;

namespace Archive.Api.Tests;

public sealed record SearchItem(string Id, string ActorId, string SourceId, string Quote, string SaidOn, string Status, string? Snippet);

public sealed record SearchPage(List<SearchItem> Items, string? Next);

public sealed record FeedItem(long Position, string Stream, long Version, string Type, JsonElement Data);

public sealed record Feed(List<FeedItem> Items, long Last);

/// <summary>Queries over the seeded archive.</summary>
public sealed class SeededReadTests() : ApiTest(seeded: true)
{

    private async Task<List<SearchItem>> Search(string query)
    {
        var items = new List<SearchItem>();
        string? cursor = null;
        do
        {
            var page = await Client.Get<SearchPage>($"/api/statements?{query}&limit=5" + (cursor is null ? "" : $"&cursor={cursor}"));
            Assert.Equal(200, page.Status);
            items.AddRange(page.Body!.Items);
            cursor = page.Body.Next;
        } while (cursor is not null);
        return items;
    }

    [Fact]
    public async Task Search_Gwadar_FindsStatementsFromThreeSourcesWithHighlightedSnippets()
    {
        var hits = await Search("q=Gwadar");

        Assert.True(hits.Select(h => h.SourceId).Distinct().Count() >= 3, string.Join("; ", hits.Select(h => h.SourceId)));
        Assert.All(hits, h => Assert.Contains("<mark>Gwadar</mark>", h.Snippet));
        Assert.Equal(hits.Count, hits.Select(h => h.Id).Distinct().Count());
    }

    [Fact]
    public async Task Search_QuotedPhrase_FindsTheSeedStatementAndRanksExactHitsFirst()
    {
        var ironclad = await Search("q=%22iron-clad%20friends%22");
        var port = await Search("q=Gwadar%20Port");

        Assert.Contains("iron-clad friends", ironclad[0].Quote);
        Assert.Equal("lin-jian", ironclad[0].ActorId);
        Assert.NotEmpty(port);
        var exact = port.TakeWhile(h => h.Quote.Contains("Gwadar Port", StringComparison.OrdinalIgnoreCase)).Count();
        Assert.True(exact > 0);
        Assert.All(port.Skip(exact), h => Assert.DoesNotContain("gwadar port", h.Quote.ToLowerInvariant()));
    }

    [Fact]
    public async Task Search_PrefixAndFilters_CombineWithTheFullTextQuery()
    {
        var prefix = await Search("q=terror*");
        var filtered = await Search("q=terror*&actor=jiang-zaidong&quoteKind=direct&saidFrom=2025-01-01&saidTo=2025-12-31&status=verified");

        Assert.Contains(prefix, h => h.Quote.Contains("terrorists"));
        Assert.Contains(prefix, h => h.Quote.Contains("counter-terrorism"));
        Assert.NotEmpty(filtered);
        Assert.True(filtered.Count < prefix.Count);
        Assert.All(filtered, h => Assert.Equal("jiang-zaidong", h.ActorId));
    }

    [Fact]
    public async Task TopicTimeline_Cpec_IsInSaidOnOrderAndNamesTheActorsInvolved()
    {
        using var response = await Client.GetAsync("/api/topics/cpec/timeline?limit=200");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        var saidOn = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("saidOn").GetString()!).ToList();
        Assert.True(saidOn.Count >= 5);
        Assert.Equal(saidOn.Order(StringComparer.Ordinal), saidOn);
        Assert.True(body.GetProperty("statementsByActor").EnumerateObject().Count() >= 3);
        var onlyJiang = await Client.GetFromJsonAsync<JsonElement>("/api/topics/cpec/timeline?actor=jiang-zaidong");
        Assert.All(onlyJiang.GetProperty("items").EnumerateArray(), i => Assert.Equal("jiang-zaidong", i.GetProperty("actorId").GetString()));
    }

    [Fact]
    public async Task ActorTimeline_CountsByTopic_AreTheActorsStatementsPerTopicInTopicOrder()
    {
        // given a seeded speaker with statements under several topics
        const string actor = "jiang-zaidong";

        // when the whole timeline is read, and the timeline of an actor nobody registered
        var timeline = await Client.GetFromJsonAsync<JsonElement>($"/api/actors/{actor}/timeline?limit=200");
        using var unknown = await Client.GetAsync("/api/actors/nobody-registered/timeline");

        // then its counts are its statements per topic, in topic order, beside its profile
        Assert.False(timeline.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.String, "the timeline has more than one page");
        var expected = timeline.GetProperty("items").EnumerateArray()
            .SelectMany(i => i.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!))
            .GroupBy(t => t).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).ToList();
        var counts = timeline.GetProperty("statementsByTopic").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())).ToList();
        Assert.True(expected.Count > 1);
        Assert.Equal(expected, counts);
        Assert.Equal(actor, timeline.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Lists_ActorsAndTopics_CarryCounts()
    {
        var actors = await Client.GetFromJsonAsync<JsonElement>("/api/actors?limit=200");
        var topics = await Client.GetFromJsonAsync<JsonElement>("/api/topics?limit=200");
        var timeline = await Client.GetFromJsonAsync<JsonElement>("/api/actors/jiang-zaidong/timeline?limit=3");

        Assert.Equal(9, actors.GetProperty("items").GetArrayLength());
        Assert.True(topics.GetProperty("items").GetArrayLength() >= 10);
        Assert.Contains(actors.GetProperty("items").EnumerateArray(), a => a.GetProperty("statementCount").GetInt32() > 10);
        Assert.True(timeline.GetProperty("statementsByTopic").GetProperty("agriculture").GetInt32() > 0);
        Assert.Equal(3, timeline.GetProperty("items").GetArrayLength());
        Assert.True(timeline.TryGetProperty("next", out _));
    }

    [Fact]
    public async Task GetStatement_WithItsETag_Answers304UntilTheStatementChanges()
    {
        var id = (await Search("q=%22iron-clad%20friends%22"))[0].Id;
        using var first = await Client.GetAsync($"/api/statements/{id}");
        var tag = first.Headers.ETag!;

        using var unchanged = new HttpRequestMessage(HttpMethod.Get, $"/api/statements/{id}");
        unchanged.Headers.IfNoneMatch.Add(tag);
        using var notModified = await Client.SendAsync(unchanged);
        await Client.PostAsJsonAsync($"/api/statements/{id}/dispute", new { reason = "wording differs in the transcript" });
        using var changed = new HttpRequestMessage(HttpMethod.Get, $"/api/statements/{id}");
        changed.Headers.IfNoneMatch.Add(tag);
        using var modified = await Client.SendAsync(changed);

        var view = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("China ready to deepen media cooperation", view.GetProperty("source").GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
        Assert.NotEqual(tag, modified.Headers.ETag);
    }

    [Fact]
    public async Task ChangeFeed_FromZero_ReturnsEveryEventOnceInOrderAlsoAsNdjson()
    {
        var total = await Factory.EventCount();
        await Eventually.Get(() => Client.GetFromJsonAsync<Feed>($"/api/events?after={total - 1}"), f => f!.Items.Count == 1,
            what: "the high-water mark to reach the last seed event");

        var seen = new List<FeedItem>();
        var after = 0L;
        while (true)
        {
            var page = (await Client.GetFromJsonAsync<Feed>($"/api/events?after={after}&limit=37"))!;
            if (page.Items.Count == 0) break;
            seen.AddRange(page.Items);
            after = page.Last;
        }
        using var ndjson = new HttpRequestMessage(HttpMethod.Get, "/api/events?after=0&limit=1000");
        ndjson.Headers.Accept.ParseAdd("application/x-ndjson");
        using var response = await Client.SendAsync(ndjson);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Select(e => e.Position).Order(), seen.Select(e => e.Position));
        Assert.Equal(seen.Count, seen.Select(e => e.Position).Distinct().Count());
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(total, lines.Length);
        Assert.Equal(seen[0].Position, JsonDocument.Parse(lines[0]).RootElement.GetProperty("position").GetInt64());
    }
}

/// <summary>Reads racing writes.</summary>
public sealed class ConcurrentReadTests : ApiTest
{

    private async Task<(SampleSource Source, string Actor)> Given(string actor, int sentences)
    {
        var source = new SampleSource(sentences, actor);
        Assert.Equal(201, (await Client.Post<Written>("/api/actors", new { id = actor, name = actor, kind = "person" })).Status);
        Assert.Equal(201, (await Client.Post<Written>("/api/sources", new { title = "Doc", text = source.Text })).Status);
        return (source, actor);
    }

    private Task<(int Status, Written? Body)> Record(SampleSource source, string actor, int i, string saidOn) =>
        Client.Post<Written>("/api/statements", new
        {
            actorId = actor, sourceId = source.Id, quote = source.Sentences[i],
            span = new { start = source.Span(i).Start, end = source.Span(i).End }, quoteKind = "direct", saidOn,
        });

    [Fact]
    public async Task Pagination_WhileStatementsAreRecorded_NeverSkipsOrRepeatsWhatExistedBefore()
    {
        var (source, actor) = await Given("wang-yi", 60);
        for (var i = 0; i < 30; i++) Assert.Equal(201, (await Record(source, actor, i, $"2025-01-{i % 28 + 1:00}")).Status);
        var before = (await Client.Get<Page>("/api/statements?limit=200")).Body!.Items.Select(i => i.Id).ToHashSet();

        var writer = Task.Run(async () =>
        {
            for (var i = 30; i < 60; i++) Assert.Equal(201, (await Record(source, actor, i, $"2025-01-{i % 28 + 1:00}")).Status);
        });
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = (await Client.Get<Page>("/api/statements?limit=4" + (cursor is null ? "" : $"&cursor={cursor}"))).Body!;
            seen.AddRange(page.Items.Select(i => i.Id));
            cursor = page.Next;
        } while (cursor is not null);
        await writer;

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Subset(seen.ToHashSet(), before);
    }

    [Fact]
    public async Task ChangeFeed_ReaderRestartingFromItsLastPosition_MissesNothingAndSeesNothingTwice()
    {
        var (source, actor) = await Given("ishaq-dar", 40);
        var writer = Task.Run(async () =>
        {
            await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Record(source, actor, i, "2026-01-04")));
        });
        var seen = new List<long>();
        var after = 0L;
        await writer;
        var total = await Factory.EventCount();
        await Eventually.Get(async () =>
        {
            // a reader that stops after every page and resumes from the last position it processed
            var page = (await Client.GetFromJsonAsync<Feed>($"/api/events?after={after}&limit=7&wait=1"))!;
            seen.AddRange(page.Items.Select(i => i.Position));
            after = page.Last;
            return seen.Count;
        }, count => count >= total, TimeSpan.FromSeconds(60), "the feed to deliver every event");

        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task ReadYourWrites_WriteThenQueryOnAnotherConnectionWithItsPosition_SeesTheWrite()
    {
        var (source, actor) = await Given("lin-jian", 2);
        var written = (await Record(source, actor, 0, "2025-12-24")).Body!;
        using var other = Factory.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/actors/{actor}/timeline");
        request.Headers.Add("Archive-Min-Position", written.Position.ToString());
        using var response = await other.SendAsync(request);
        var byQuery = await other.GetFromJsonAsync<JsonElement>($"/api/statements/{written.Id}?minPosition={written.Position}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(written.Id, await response.Content.ReadAsStringAsync());
        Assert.Equal(written.Id, byQuery.GetProperty("id").GetString());
    }

    [Fact]
    public async Task ReadYourWrites_PositionNeverReached_Answers503WithRetryAfterInsteadOfStaleData()
    {
        using var response = await Client.GetAsync("/api/statements?minPosition=999999999");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Health_AfterWrites_ReportsEachProjectionWithItsLag()
    {
        var (source, actor) = await Given("jiang-zaidong", 1);
        var written = (await Record(source, actor, 0, "2025-02-24")).Body!;

        var health = await Eventually.Get(() => Client.GetFromJsonAsync<JsonElement>("/health"),
            h => h.GetProperty("projections").EnumerateArray().Any(p => p.GetProperty("position").GetInt64() >= written.Position),
            what: "the audit projection to reach the write");

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        var audit = health.GetProperty("projections").EnumerateArray().Single(p => p.GetProperty("name").GetString()!.Contains("AuditEntry"));
        Assert.Equal(0, audit.GetProperty("lag").GetInt64());
    }

    [Fact]
    public async Task ChangeFeed_GapFromAnAbortedTransaction_DoesNotStopTheDaemonOrTheFeed()
    {
        // given an event position taken by a transaction that never commits
        var (source, actor) = await Given("shehbaz-sharif", 2);
        await TestDatabase.Scalar($"select nextval('{Factory.Schema}.mt_events_sequence')");

        // when more is written after the gap
        var written = (await Record(source, actor, 0, "2025-02-05")).Body!;

        // then the feed and the audit projection move past the gap to the new write
        var feed = await Eventually.Get(() => Client.GetFromJsonAsync<Feed>($"/api/events?after={written.Position - 1}&wait=1"),
            f => f!.Items.Any(i => i.Position == written.Position), TimeSpan.FromSeconds(60), "the feed to pass the gap");
        var health = await Eventually.Get(() => Client.GetFromJsonAsync<JsonElement>("/health"),
            h => h.GetProperty("projections").EnumerateArray().All(p => p.GetProperty("position").GetInt64() >= written.Position),
            TimeSpan.FromSeconds(60), "the projections to pass the gap");
        Assert.Equal("statement_recorded", feed!.Items.Single(i => i.Position == written.Position).Type);
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
    }
}
