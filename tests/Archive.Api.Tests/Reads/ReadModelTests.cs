using System.Net.Http.Json;
using System.Text.Json;
using Archive.Domain.Actors;
using Archive.Domain.Statements;
using Archive.Domain.Topics;
using Archive.Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Archive.Api.Tests.Reads;

/// <summary>What the read side shows of the write path's events: capacity, timelines of topic families, search forms, amendments.</summary>
public sealed class ReadModelTests : ApiTest
{
    private const string Text =
        "Briefing of 3 March 2025.\n🙂 Mao Ning said China and Pakistan are iron-clad friends.\nShe added that the corridor will grow.";

    private static readonly WriteContext Archivist = new("archivist-test", null);

    private IGrainFactory Grains => Factory.Services.GetRequiredService<IGrainFactory>();

    /// <summary>An actor, a parent topic with a child, a source, and a statement of the second sentence filed under the child.</summary>
    private async Task<(string SourceId, string StatementId)> Given()
    {
        Assert.Equal(201, (await Client.Post<Written>("/api/actors", new { id = "mao-ning", name = "Mao Ning", kind = "person", country = "CN" })).Status);
        Assert.Equal(201, (await Client.Post<Written>("/api/topics", new { id = "bilateral", title = "Bilateral relations" })).Status);
        Assert.Equal(201, (await Client.Post<Written>("/api/topics", new { id = "friendship", title = "Friendship", parentId = "bilateral" })).Status);
        var source = await Client.Post<Written>("/api/sources", new { title = "Briefing", text = Text, publishedOn = "2025-03-03" });
        const string quote = "China and Pakistan are iron-clad friends.";
        var start = Text.EnumerateRunes().Count() - Text[Text.IndexOf("China", StringComparison.Ordinal)..].EnumerateRunes().Count();
        var recorded = await Client.Post<Written>("/api/statements", new
        {
            actorId = "mao-ning", sourceId = source.Body!.Id, quote, span = new { start, end = start + quote.Length },
            quoteKind = "reported", saidOn = "2025-03-03", topics = new[] { "friendship" },
        });
        Assert.Equal(201, recorded.Status);
        return (source.Body.Id, recorded.Body!.Id);
    }

    private async Task<JsonElement> Json(string path)
    {
        var response = await Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Statement_SpeakerHeldARoleOnTheDay_ShowsItAsCapacity()
    {
        // given a statement of 3 March 2025, and roles assigned to its speaker afterwards: one covering that day, one ended before it
        var (_, id) = await Given();
        var actor = Grains.GetGrain<IActorGrain>("mao-ning");
        Assert.True((await actor.AssignRole(new AssignRole("mao-ning", "spokesperson", "Ministry of Foreign Affairs", new DateOnly(2022, 9, 1), null), Archivist)).Succeeded);
        Assert.True((await actor.AssignRole(new AssignRole("mao-ning", "deputy director", "Information Department", new DateOnly(2019, 1, 1), new DateOnly(2022, 8, 31)), Archivist)).Succeeded);

        // when the statement is read
        var statement = await Json($"/api/statements/{id}");

        // then its capacity is the role held that day
        var capacity = Assert.Single(statement.GetProperty("capacity").EnumerateArray());
        Assert.Equal("spokesperson", capacity.GetProperty("role").GetString());
        Assert.Equal("Ministry of Foreign Affairs", capacity.GetProperty("organisation").GetString());
    }

    [Fact]
    public async Task TopicTimeline_ParentOfTheTopic_IncludesItsSubtopicsUnlessNarrowed()
    {
        var (_, id) = await Given();

        var parent = await Json("/api/topics/bilateral/timeline");
        var narrowed = await Json("/api/topics/bilateral/timeline?includeSubtopics=false");

        Assert.Equal([id], parent.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(["bilateral", "friendship"], parent.GetProperty("includes").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(0, narrowed.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task TopicTimeline_TopicMergedIntoIt_ShowsTheMergedTopicsStatementsAndTheMergedTopicSaysWhereItWent()
    {
        // given a statement filed under 'friendship', which is then merged into a new topic 'ties'
        var (_, id) = await Given();
        Assert.Equal(201, (await Client.Post<Written>("/api/topics", new { id = "ties", title = "Ties" })).Status);
        Assert.True((await Grains.GetGrain<ITopicGrain>("friendship").Merge(new MergeTopic("friendship", "ties", "one topic for one subject"), Archivist)).Succeeded);

        // when the target's timeline and the merged topic are read
        var timeline = await Json("/api/topics/ties/timeline");
        var merged = await Json("/api/topics/friendship");

        // then the statement appears under the target, and the merged topic names it
        Assert.Equal([id], timeline.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Equal("ties", merged.GetProperty("mergedInto").GetString());
    }

    [Theory]
    [InlineData("iron-clad")]
    [InlineData("ironclad")]
    [InlineData("iron clad")]
    public async Task Search_HyphenatedWordInAnyOfItsForms_FindsTheQuote(string query)
    {
        var (_, id) = await Given();

        var found = await Json($"/api/statements?q={Uri.EscapeDataString(query)}");

        Assert.Equal([id], found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Amend_QuoteOfAVerifiedStatement_LeavesNoVerificationInTheViewButKeepsItInHistory()
    {
        // given a verified statement
        var (_, id) = await Given();
        Assert.True((await Client.PostAsJsonAsync($"/api/statements/{id}/verify", new { method = "transcript-check" }, TestContext.Current.CancellationToken)).IsSuccessStatusCode);

        // when its quote is amended to a longer passage at the same place
        var amended = await Client.PostAsJsonAsync($"/api/statements/{id}/amend",
            new { reason = "the whole sentence", quote = "Mao Ning said China and Pakistan are iron-clad friends." }, TestContext.Current.CancellationToken);
        Assert.True(amended.IsSuccessStatusCode, await amended.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        // then the current view claims no verification and is recorded, while the history still has the verification
        var statement = await Json($"/api/statements/{id}");
        Assert.False(statement.TryGetProperty("verification", out var verification) && verification.ValueKind != JsonValueKind.Null);
        Assert.Equal(StatementStatus.Recorded, statement.GetProperty("status").GetString());
        var history = await Json($"/api/statements/{id}/history");
        Assert.Contains(history.EnumerateArray(), e => e.GetProperty("type").GetString() == "statement_verified");
    }

    [Fact]
    public async Task Reinstate_RetractedStatement_ReturnsToItsStatusAndUnlinkRemovesBothEndsOfALink()
    {
        // given two statements of the speaker, the first linked to the second, then retracted
        var (sourceId, first) = await Given();
        var second = (await Client.Post<Written>("/api/statements", new
        {
            actorId = "mao-ning", sourceId, quote = "She added that the corridor will grow.", quoteKind = "reported", saidOn = "2025-03-03",
            span = new { start = Text.EnumerateRunes().Count() - "She added that the corridor will grow.".Length, end = Text.EnumerateRunes().Count() },
        })).Body!.Id;
        var actor = Grains.GetGrain<IActorGrain>("mao-ning");
        Assert.True((await actor.LinkStatement(new LinkStatement(first, second, "clarifies"), "mao-ning", Archivist)).Succeeded);
        Assert.True((await actor.RetractStatement(new RetractStatement(first, "wrong briefing"), Archivist)).Succeeded);

        // when it is reinstated and the link removed
        Assert.True((await actor.ReinstateStatement(new ReinstateStatement(first, "right briefing after all"), Archivist)).Succeeded);
        Assert.True((await actor.UnlinkStatement(new UnlinkStatement(first, second, "not a clarification"), Archivist)).Succeeded);

        // then the statement is recorded again, and neither end shows the link
        var statement = await Json($"/api/statements/{first}");
        Assert.Equal(StatementStatus.Recorded, statement.GetProperty("status").GetString());
        Assert.Equal(0, statement.GetProperty("links").GetArrayLength());
        Assert.Equal(0, (await Json($"/api/statements/{second}")).GetProperty("links").GetArrayLength());
    }
}
