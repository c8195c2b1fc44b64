using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Archive.Audit;
using Archive.Testing;
using Xunit;

namespace Archive.Api.Tests;

public sealed record HistoryItem(long Position, string Stream, long Version, string Type, DateTimeOffset RecordedAt, string? Principal,
    string? Reason, string? CorrelationId, string? Hash, JsonElement Data);

/// <summary>History, "as of" and revision reads, diffs and export of one statement's life.</summary>
public sealed class TimeTravelTests : ApiTest
{
    private SampleSource _source = null!;
    private string _id = "";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _source = new SampleSource(3, "time travel");
        Assert.Equal(201, (await Client.Post<Written>("/api/actors", new { id = "wang-yi", name = "Wang Yi", kind = "person" })).Status);
        Assert.Equal(201, (await Client.Post<Written>("/api/topics", new { id = "cpec", title = "CPEC" })).Status);
        Assert.Equal(201, (await Client.Post<Written>("/api/sources", new { title = "Dialogue", text = _source.Text })).Status);
        _id = (await Client.Post<Written>("/api/statements", new
        {
            actorId = "wang-yi", sourceId = _source.Id, quote = _source.Sentences[0], topics = new[] { "cpec" },
            span = new { start = _source.Span(0).Start, end = _source.Span(0).End }, quoteKind = "direct", saidOn = "2026-01-04",
        })).Body!.Id;
        Assert.Equal(200, (await Client.Post<Written>($"/api/statements/{_id}/verify", new { method = "transcript" })).Status);
        Assert.Equal(200, (await Client.Post<Written>($"/api/statements/{_id}/amend", new
        {
            reason = "the quote is the next sentence", quote = _source.Sentences[1],
            span = new { start = _source.Span(1).Start, end = _source.Span(1).End },
        })).Status);
    }

    private Task<List<HistoryItem>?> History() => Client.GetFromJsonAsync<List<HistoryItem>>($"/api/statements/{_id}/history");

    [Fact]
    public async Task History_Statement_ListsEveryEventWithWhoWhenWhyAndHash()
    {
        var history = (await History())!;

        Assert.Equal(["statement_recorded", "statement_filed", "statement_verified", "statement_amended"], history.Select(h => h.Type));
        Assert.All(history, h => Assert.Equal(TestKeys.ArchivistName, h.Principal));
        Assert.All(history, h => Assert.Matches("^[0-9a-f]{64}$", h.Hash!));
        Assert.All(history, h => Assert.False(string.IsNullOrEmpty(h.CorrelationId)));
        Assert.Equal("the quote is the next sentence", history[^1].Reason);
        Assert.Equal(history.Select(h => h.Position).Order(), history.Select(h => h.Position));
        var actor = await Client.GetFromJsonAsync<JsonElement>("/api/actors/wang-yi/history?limit=2");
        Assert.Equal(2, actor.GetProperty("items").GetArrayLength());
        Assert.Equal(2, actor.GetProperty("nextAfterVersion").GetInt64());
    }

    [Fact]
    public async Task AsOf_InstantsJustBeforeAndAfterTheAmendment_ReturnTheOldAndTheNewText()
    {
        var amended = (await History())!.Single(h => h.Type == "statement_amended").RecordedAt;
        var recorded = (await History())!.First().RecordedAt;

        var before = await Client.GetFromJsonAsync<Statement>($"/api/statements/{_id}?asOf={Uri.EscapeDataString(amended.AddTicks(-10).ToString("O"))}");
        var after = await Client.GetFromJsonAsync<Statement>($"/api/statements/{_id}?asOf={Uri.EscapeDataString(amended.ToString("O"))}");
        using var beforeRecording = await Client.GetAsync($"/api/statements/{_id}?asOf={Uri.EscapeDataString(recorded.AddTicks(-10).ToString("O"))}");

        Assert.Equal(_source.Sentences[0], before!.Quote);
        Assert.Equal("verified", before.Status);
        Assert.Equal(_source.Sentences[1], after!.Quote);
        Assert.Equal("recorded", after.Status);
        Assert.Equal(404, (int)beforeRecording.StatusCode);
    }

    [Fact]
    public async Task Version_EachRevision_ReturnsTheStatementAsItWasThen()
    {
        var first = await Client.GetFromJsonAsync<Statement>($"/api/statements/{_id}?version=1");
        var second = await Client.GetFromJsonAsync<Statement>($"/api/statements/{_id}?version=2");
        using var tooFar = await Client.GetAsync($"/api/statements/{_id}?version=9");

        Assert.Equal((_source.Sentences[0], "recorded", 1), (first!.Quote, first.Status, first.Revision));
        Assert.Equal(["cpec"], first.Topics);
        Assert.Equal(("verified", 2), (second!.Status, second.Revision));
        Assert.Equal(404, (int)tooFar.StatusCode);
        // a past revision names its source as the current view does
        var past = await Client.GetFromJsonAsync<JsonElement>($"/api/statements/{_id}?version=1", TestContext.Current.CancellationToken);
        Assert.Equal("Dialogue", past.GetProperty("source").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Diff_FirstToLastRevision_ShowsChangedFieldsAndAWordDiff()
    {
        var diff = await Client.GetFromJsonAsync<JsonElement>($"/api/statements/{_id}/diff?from=1&to=3");

        var fields = diff.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("field").GetString()).ToArray();
        // revision 1 was unverified; revision 3's new text dropped the verification revision 2 had (the history keeps it),
        // so from 1 to 3 only the words and their place changed
        Assert.Equal(["quote", "span"], fields);
        var words = diff.GetProperty("changes")[0].GetProperty("words").EnumerateArray()
            .Select(w => (w.GetProperty("op").GetString(), w.GetProperty("text").GetString())).ToArray();
        Assert.Contains(("delete", "1"), words);
        Assert.Contains(("insert", "2"), words);
    }

    [Fact]
    public async Task Export_WholeArchive_IsABundleWhoseHashesRecomputeOffline()
    {
        await Eventually.Get(async () => (await Client.GetFromJsonAsync<JsonElement>("/health")).GetProperty("highWaterMark").GetInt64(),
            mark => mark >= 0, what: "health");
        var total = await Factory.EventCount();
        await Eventually.Get(() => Client.GetFromJsonAsync<Feed>($"/api/events?after={total - 1}"), f => f!.Items.Count == 1, what: "the high-water mark");

        var lines = (await Client.GetStringAsync("/api/audit/export")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToArray();

        Assert.Equal("header", lines[0].GetProperty("kind").GetString());
        Assert.Equal("footer", lines[^1].GetProperty("kind").GetString());
        var events = lines[1..^1];
        Assert.Equal(total, events.Length);
        Assert.Equal(total, lines[^1].GetProperty("events").GetInt64());
        Assert.All(events, e => Assert.Equal(
            e.GetProperty("hash").GetString(),
            EventHash.Compute(e.GetProperty("previousHash").GetString(), e.GetProperty("stream").GetString()!, e.GetProperty("version").GetInt64(),
                e.GetProperty("type").GetString()!, CanonicalJson.Canonicalize(e.GetProperty("data")))));
    }

    [Fact]
    public async Task AsOf_ArchiveWideQueryAroundEachChange_AnswersFromTheRevisionThenCurrent()
    {
        var history = (await History())!;
        string At(DateTimeOffset t) => Uri.EscapeDataString(t.ToString("O"));

        foreach (var (entry, index) in history.Select((h, i) => (h, i)))
        {
            var before = (await Client.Get<Page>($"/api/statements?asOf={At(entry.RecordedAt.AddTicks(-10))}")).Body!.Items;
            var after = (await Client.Get<Page>($"/api/statements?asOf={At(entry.RecordedAt)}")).Body!.Items;
            var expected = StatementAfter(index);
            Assert.Equal(expected, (after.Single().Quote, after.Single().Status, string.Join(",", after.Single().Topics)));
            if (index == 0) Assert.Empty(before);
            else Assert.Equal(StatementAfter(index - 1), (before.Single().Quote, before.Single().Status, string.Join(",", before.Single().Topics)));
        }

        // search and valid-time filters combine with transaction time
        var amended = history.Single(h => h.Type == "statement_amended").RecordedAt;
        var oldText = (await Client.Get<Page>($"/api/statements?asOf={At(amended.AddTicks(-10))}&q=%22Sentence%201%22&saidFrom=2026-01-01")).Body!.Items;
        var newText = (await Client.Get<Page>($"/api/statements?asOf={At(amended)}&q=%22Sentence%201%22&saidFrom=2026-01-01")).Body!.Items;
        Assert.Single(oldText);
        Assert.Empty(newText);
    }

    /// <summary>(quote, status, topics) after the history's event at <paramref name="index"/>: recorded, filed, verified, amended.</summary>
    private (string, string, string) StatementAfter(int index) => index switch
    {
        0 => (_source.Sentences[0], "recorded", "cpec"), // recorded with its topics; the filing confirms it
        1 => (_source.Sentences[0], "recorded", "cpec"),
        2 => (_source.Sentences[0], "verified", "cpec"),
        _ => (_source.Sentences[1], "recorded", "cpec"),
    };

    [Fact]
    public async Task ActorAsOf_BeforeAndAfterTheStatement_CountsWhatWasRecordedThen()
    {
        var actorHistory = (await Client.GetFromJsonAsync<JsonElement>("/api/actors/wang-yi/history")).GetProperty("items").EnumerateArray()
            .Select(e => (Type: e.GetProperty("type").GetString(), At: e.GetProperty("recordedAt").GetDateTimeOffset())).ToArray();
        string At(DateTimeOffset t) => Uri.EscapeDataString(t.ToString("O"));
        var registered = actorHistory.Single(e => e.Type == "actor_registered").At;
        var recorded = actorHistory.Single(e => e.Type == "statement_recorded").At;

        using var beforeRegistration = await Client.GetAsync($"/api/actors/wang-yi?asOf={At(registered.AddTicks(-10))}");
        var beforeStatement = await Client.GetFromJsonAsync<JsonElement>($"/api/actors/wang-yi?asOf={At(recorded.AddTicks(-10))}");
        var afterStatement = await Client.GetFromJsonAsync<JsonElement>($"/api/actors/wang-yi?asOf={At(recorded)}");

        Assert.Equal(HttpStatusCode.NotFound, beforeRegistration.StatusCode);
        Assert.Equal(0, beforeStatement.GetProperty("statementCount").GetInt32());
        Assert.Equal(1, afterStatement.GetProperty("statementCount").GetInt32());
    }
}
