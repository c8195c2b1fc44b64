using System.Text.Json;
using Archive.Testing;
using Xunit;

namespace Archive.Api.Tests;

public sealed class BatchApiTests : ApiTest
{
    private sealed record ItemResult(int Index, int Status, string? Id, long? Version, long? Position, Dictionary<string, string[]>? Errors,
        JsonElement? Span = null, string? Quote = null);

    private sealed record BatchResult(List<ItemResult> Items);

    private async Task<SampleSource> GivenActorsTopicAndSource(params string[] actorIds)
    {
        var source = new SampleSource(6, "batch");
        foreach (var id in actorIds) Assert.Equal(201, (await Client.Post<Written>("/api/actors", new { id, name = "Name " + id, kind = "person" })).Status);
        Assert.Equal(201, (await Client.Post<Written>("/api/topics", new { id = "cpec", title = "CPEC" })).Status);
        Assert.Equal(201, (await Client.Post<Written>("/api/sources", new { title = "Briefing", text = source.Text })).Status);
        return source;
    }

    private static Dictionary<string, object?> Body(string actorId, SampleSource source, int index) => new()
    {
        ["actorId"] = actorId, ["sourceId"] = source.Id, ["quote"] = source.Sentences[index],
        ["span"] = new { start = source.Span(index).Start, end = source.Span(index).End },
        ["quoteKind"] = "direct", ["saidOn"] = "2025-01-01", ["topics"] = new[] { "cpec" },
    };

    [Fact]
    public async Task RecordBatch_MixedGoodAndBadItems_GoodOnesRecordedBadOnesAnsweredWithTheirReasons()
    {
        // given two actors, a topic and a source
        var source = await GivenActorsTopicAndSource("lin-jian", "wang-yi");
        var noSpan = Body("lin-jian", source, 2);
        noSpan.Remove("span");
        var items = new object?[]
        {
            Body("lin-jian", source, 0),
            Body("wang-yi", source, 1),
            noSpan,
            Body("lin-jian", source, 3) is var wrong && (wrong["quote"] = "Never said.") is not null ? wrong : null,
            Body("nobody-here", source, 4),
            null,
            Body("lin-jian", source, 0),
            Body("wang-yi", source, 5),
        };

        // when they are sent in one batch
        var (status, body) = await Client.Post<BatchResult>("/api/statements/batch", new { items });

        // then each item is answered in order, with the status it would get alone
        Assert.Equal(200, status);
        var answers = body!.Items;
        Assert.Equal(Enumerable.Range(0, 8), answers.Select(a => a.Index));
        Assert.Equal([201, 201, 201, 400, 404, 400, 200, 201], answers.Select(a => a.Status));
        // the item without a span is recorded where its quote occurs, and says where
        Assert.Equal(source.Span(2).Start, answers[2].Span!.Value.GetProperty("start").GetInt32());
        Assert.Equal(source.Span(2).End, answers[2].Span!.Value.GetProperty("end").GetInt32());
        Assert.Equal(source.Sentences[2], answers[2].Quote);
        Assert.Contains("quote", answers[3].Errors!.Keys);
        Assert.Contains("actorId", answers[4].Errors!.Keys);
        Assert.Contains("body", answers[5].Errors!.Keys);
        Assert.Equal(answers[0].Id, answers[6].Id);
        Assert.All(answers.Where(a => a.Status < 300), a => Assert.True(a.Id is not null && a.Position > 0 && a.Errors is null));
        Assert.All(answers.Where(a => a.Status >= 400), a => Assert.Null(a.Id));

        // and the recorded ones are readable at once, filed under their topic; the refused ones are not recorded
        foreach (var recorded in answers.Where(a => a.Status == 201))
            Assert.Equal(["cpec"], (await Client.Get<Statement>($"/api/statements/{recorded.Id}")).Body!.Topics);
        var listed = await Client.Get<Page>("/api/statements?topic=cpec&limit=50");
        Assert.Equal(4, listed.Body!.Items.Count);
    }

    [Fact]
    public async Task Record_UnderAnUnknownOrMergedTopic_AloneOrInABatch_IsRefusedNamingTheTopicAndRecordsNothing()
    {
        // given the topic 'cpec' merged into 'corridor', and no topic 'nowhere'
        var source = await GivenActorsTopicAndSource("lin-jian");
        Assert.Equal(201, (await Client.Post<Written>("/api/topics", new { id = "corridor", title = "The corridor" })).Status);
        Assert.Equal(200, (await Client.Post<Written>("/api/topics/cpec/merge", new { into = "corridor", reason = "one subject" })).Status);
        var events = await Factory.EventCount();
        Dictionary<string, object?> Under(int index, params string[] topics) => new(Body("lin-jian", source, index)) { ["topics"] = topics };

        // when statements are recorded under them, one at a time and in a batch
        var merged = await Client.Send(HttpMethod.Post, "/api/statements", Under(0, "cpec"));
        var unknown = await Client.Send(HttpMethod.Post, "/api/statements", Under(1, "nowhere"));
        var (status, batch) = await Client.Post<BatchResult>("/api/statements/batch",
            new { items = new[] { Under(2, "cpec"), Under(3, "nowhere"), Under(4, "corridor", "nowhere") } });

        // then each is refused with the reason and the way out, and nothing was recorded
        Assert.Equal(409, merged.Status);
        Assert.Contains("'corridor'", merged.Body.GetProperty("errors").GetProperty("topics")[0].GetString());
        Assert.Equal(404, unknown.Status);
        Assert.Contains("'nowhere'", unknown.Body.GetProperty("errors").GetProperty("topics")[0].GetString());
        Assert.Equal(200, status);
        Assert.Equal([409, 404, 404], batch!.Items.Select(i => i.Status));
        Assert.Contains("'corridor'", batch.Items[0].Errors!["topics"][0]);
        Assert.All(batch.Items.Skip(1), i => Assert.Contains("'nowhere'", i.Errors!["topics"][0]));
        Assert.Equal(events, await Factory.EventCount());
    }

    [Theory]
    [InlineData("""{}""", "items")]
    [InlineData("""{"items":null}""", "items")]
    [InlineData("""{"items":[]}""", "items")]
    [InlineData("""{"items":{"actorId":"lin-jian"}}""", "items")]
    [InlineData("""{"items":[{"actorId":"lin-jian"}],"extra":1}""", "extra")]
    [InlineData("""{"items":[{"actorId":"lin-jian","colour":"red"}]}""", "items[0].colour")]
    [InlineData("""{"items":[{"actorId":"lin-jian"}""", "items")]
    public async Task RecordBatch_InvalidEnvelope_Is400NamingTheFieldAndChangesNothing(string json, string field)
    {
        await GivenActorsTopicAndSource("lin-jian");
        var events = await Factory.EventCount();

        var response = await Client.PostAsync("/api/statements/batch", new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<Problem>(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), JsonSerializerOptions.Web)!;
        Assert.Contains(problem.Errors!.Keys, k => k.StartsWith(field, StringComparison.Ordinal));
        Assert.Equal(events, await Factory.EventCount());
    }

    [Fact]
    public async Task RecordBatch_MoreThanAThousandItems_Is400AndRecordsNone()
    {
        var source = await GivenActorsTopicAndSource("lin-jian");
        var events = await Factory.EventCount();

        var (status, problem) = await Client.Post<Problem>("/api/statements/batch",
            new { items = Enumerable.Range(0, 1001).Select(i => Body("lin-jian", source, i % 6)).ToArray() });

        Assert.Equal(400, status);
        Assert.Contains("at most 1000", problem!.Errors!["items"][0]);
        Assert.Equal(events, await Factory.EventCount());
    }
}
