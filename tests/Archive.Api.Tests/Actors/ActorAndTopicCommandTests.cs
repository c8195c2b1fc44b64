using System.Text.Json;
using Xunit;

namespace Archive.Api.Tests.Actors;

/// <summary>Roles and aliases of actors, renaming and merging topics: each a command with its own endpoint and event.</summary>
public sealed class ActorAndTopicCommandTests : ApiTest
{
    private Task<(int Status, JsonElement Body)> Post(string url, object body) => Client.Send(HttpMethod.Post, url, body);

    [Fact]
    public async Task AssignRole_ThenItsEnd_TheActorViewHoldsOneTermWithBothDays()
    {
        Assert.Equal(201, (await Post("/api/actors", new { id = "mao-ning", name = "Mao Ning", kind = "person" })).Status);

        var assigned = await Post("/api/actors/mao-ning/roles", new { role = "spokesperson", organisation = "Ministry of Foreign Affairs", from = "2022-09-01" });
        var ended = await Post("/api/actors/mao-ning/roles", new { role = "spokesperson", organisation = "Ministry of Foreign Affairs", from = "2022-09-01", to = "2025-06-30" });
        var events = await Factory.EventCount();
        var repeated = await Post("/api/actors/mao-ning/roles", new { role = "spokesperson", organisation = "Ministry of Foreign Affairs", from = "2022-09-01", to = "2025-06-30" });

        Assert.Equal(200, assigned.Status);
        Assert.Equal("mao-ning", assigned.Body.GetProperty("id").GetString());
        Assert.Equal(200, ended.Status);
        Assert.Equal(200, repeated.Status);
        Assert.Equal(events, await Factory.EventCount());
        var actor = await Client.Send(HttpMethod.Get, "/api/actors/mao-ning");
        var role = Assert.Single(actor.Body.GetProperty("roles").EnumerateArray());
        Assert.Equal("spokesperson", role.GetProperty("role").GetString());
        Assert.Equal("2022-09-01", role.GetProperty("from").GetString());
        Assert.Equal("2025-06-30", role.GetProperty("to").GetString());
    }

    [Fact]
    public async Task AssignRole_WithoutStartOrToAnUnknownActor_IsRefusedNamingTheField()
    {
        Assert.Equal(201, (await Post("/api/actors", new { id = "mao-ning", name = "Mao Ning", kind = "person" })).Status);

        var noStart = await Post("/api/actors/mao-ning/roles", new { role = "spokesperson", organisation = "MFA" });
        var badDay = await Post("/api/actors/mao-ning/roles", new { role = "spokesperson", organisation = "MFA", from = "01/09/2022" });
        var unknown = await Post("/api/actors/nobody-here/roles", new { role = "spokesperson", organisation = "MFA", from = "2022-09-01" });

        Assert.Equal(400, noStart.Status);
        Assert.True(noStart.Body.GetProperty("errors").TryGetProperty("from", out _));
        Assert.Equal(400, badDay.Status);
        Assert.Contains("YYYY-MM-DD", badDay.Body.GetProperty("errors").GetProperty("from")[0].GetString());
        Assert.Equal(404, unknown.Status);
        Assert.True(unknown.Body.GetProperty("errors").TryGetProperty("id", out _));
    }

    [Fact]
    public async Task AddAlias_NewThenRepeated_TheViewListsItOnceAndTheRepeatAppendsNothing()
    {
        Assert.Equal(201, (await Post("/api/actors", new { id = "lin-jian", name = "Lin Jian", kind = "person" })).Status);

        var added = await Post("/api/actors/lin-jian/aliases", new { alias = "林剑" });
        var events = await Factory.EventCount();
        var repeated = await Post("/api/actors/lin-jian/aliases", new { alias = " 林剑 " });
        var blank = await Post("/api/actors/lin-jian/aliases", new { alias = "  " });

        Assert.Equal(200, added.Status);
        Assert.Equal(200, repeated.Status);
        Assert.Equal(events, await Factory.EventCount());
        Assert.Equal(400, blank.Status);
        var actor = await Client.Send(HttpMethod.Get, "/api/actors/lin-jian");
        Assert.Equal(["林剑"], actor.Body.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task RenameThenMerge_Topic_ItsViewShowsTheTitleAndWhereItWentAndItTakesNoMoreFilings()
    {
        Assert.Equal(201, (await Post("/api/topics", new { id = "corridor", title = "The corridor" })).Status);
        Assert.Equal(201, (await Post("/api/topics", new { id = "cpec", title = "CPEC" })).Status);
        var source = new Archive.Testing.SampleSource(1, "topics");
        Assert.Equal(201, (await Post("/api/actors", new { id = "lin-jian", name = "Lin Jian", kind = "person" })).Status);
        Assert.Equal(201, (await Post("/api/sources", new { title = "Briefing", text = source.Text })).Status);
        var statement = await Post("/api/statements", new { actorId = "lin-jian", sourceId = source.Id, quote = source.Sentences[0], quoteKind = "direct", saidOn = "2025-01-01" });

        var renamed = await Post("/api/topics/corridor/rename", new { title = "The economic corridor" });
        var intoItself = await Post("/api/topics/corridor/merge", new { into = "corridor", reason = "x" });
        var intoNothing = await Post("/api/topics/corridor/merge", new { into = "no-such-topic", reason = "x" });
        var merged = await Post("/api/topics/corridor/merge", new { into = "cpec", reason = "the same corridor under two names" });
        var renamedAfter = await Post("/api/topics/corridor/rename", new { title = "Another title" });
        var filed = await Post("/api/topics/corridor/statements", new { statementId = statement.Body.GetProperty("id").GetString() });

        Assert.Equal(200, renamed.Status);
        Assert.Equal(400, intoItself.Status);
        Assert.True(intoItself.Body.GetProperty("errors").TryGetProperty("into", out _));
        Assert.Equal(404, intoNothing.Status);
        Assert.True(intoNothing.Body.GetProperty("errors").TryGetProperty("into", out _));
        Assert.Equal(200, merged.Status);
        Assert.Equal(409, renamedAfter.Status);
        Assert.Equal(409, filed.Status);
        Assert.Contains("cpec", filed.Body.GetProperty("errors").GetProperty("topicId")[0].GetString());
        var topic = await Client.Send(HttpMethod.Get, "/api/topics/corridor");
        Assert.Equal("The economic corridor", topic.Body.GetProperty("title").GetString());
        Assert.Equal("cpec", topic.Body.GetProperty("mergedInto").GetString());
    }
}
