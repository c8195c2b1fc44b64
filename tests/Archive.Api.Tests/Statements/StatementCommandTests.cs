using System.Text.Json;
using Archive.Testing;
using Xunit;

namespace Archive.Api.Tests.Statements;

/// <summary>Reinstating, unlinking and superseding over HTTP: each an event with its reason, each refused when it makes no sense.</summary>
public sealed class StatementCommandTests : ApiTest
{
    private async Task<(SampleSource Source, string[] Ids)> GivenStatements(params string[] speakers)
    {
        var source = new SampleSource(speakers.Length, "commands");
        foreach (var id in speakers.Distinct())
            Assert.Equal(201, (await Client.Post<Written>("/api/actors", new { id, name = id, kind = "person" })).Status);
        Assert.Equal(201, (await Client.Post<Written>("/api/sources", new { title = "Briefing", text = source.Text })).Status);
        var ids = new string[speakers.Length];
        for (var i = 0; i < speakers.Length; i++)
        {
            var recorded = await Client.Post<Written>("/api/statements", new
            {
                actorId = speakers[i], sourceId = source.Id, quote = source.Sentences[i], quoteKind = "direct", saidOn = "2025-01-01",
            });
            Assert.Equal(201, recorded.Status);
            ids[i] = recorded.Body!.Id;
        }
        return (source, ids);
    }

    private Task<(int Status, JsonElement Body)> Post(string url, object body) => Client.Send(HttpMethod.Post, url, body);

    [Fact]
    public async Task RetractReinstateAmend_VerifiedStatement_ReturnsToVerifiedAndCanThenBeAmended()
    {
        // given a verified statement that was retracted
        var (_, ids) = await GivenStatements("mao-ning");
        var id = ids[0];
        Assert.Equal(200, (await Post($"/api/statements/{id}/verify", new { method = "transcript" })).Status);
        Assert.Equal(200, (await Post($"/api/statements/{id}/retract", new { reason = "misattributed" })).Status);
        Assert.Equal(409, (await Post($"/api/statements/{id}/amend", new { reason = "typo", occasion = "briefing" })).Status);

        // when it is reinstated, and then amended
        var reinstated = await Post($"/api/statements/{id}/reinstate", new { reason = "the attribution was right after all" });
        var afterReinstating = (await Client.Get<Statement>($"/api/statements/{id}")).Body!;
        var amended = await Post($"/api/statements/{id}/amend", new { reason = "the occasion was missing", occasion = "regular press conference" });
        var again = await Post($"/api/statements/{id}/reinstate", new { reason = "something else" });

        // then it is recorded again with the status it had, can be amended, and reinstating it twice is refused
        Assert.Equal(200, reinstated.Status);
        Assert.True(reinstated.Body.GetProperty("position").GetInt64() > 0);
        Assert.Equal("verified", afterReinstating.Status);
        Assert.Equal(200, amended.Status);
        Assert.Equal(409, again.Status);
        Assert.True(again.Body.GetProperty("errors").TryGetProperty("id", out _));
        Assert.Equal(1, await TestDatabase.Scalar($"select count(*) from {Factory.Schema}.mt_events where type = 'statement_reinstated'"));
    }

    [Fact]
    public async Task Unlink_ExistingLinkWithReason_RemovesItFromBothEndsAndARepeatAppendsNothing()
    {
        var (_, ids) = await GivenStatements("mao-ning", "wang-yi");
        var (reply, first) = (ids[1], ids[0]);
        Assert.Equal(200, (await Post($"/api/statements/{reply}/links", new { targetId = first, relation = "responds-to" })).Status);
        Assert.Equal(200, (await Post($"/api/statements/{reply}/links", new { targetId = first, relation = "clarifies" })).Status);

        var unlinked = await Client.Send(HttpMethod.Delete, $"/api/statements/{reply}/links/{first}", new { reason = "it answered another question", relation = "responds-to" });
        var events = await Factory.EventCount();
        var repeated = await Client.Send(HttpMethod.Delete, $"/api/statements/{reply}/links/{first}", new { reason = "it answered another question", relation = "responds-to" });
        var missing = await Client.Send(HttpMethod.Delete, $"/api/statements/{reply}/links/{first}", new { reason = "x", relation = "repeats" });

        Assert.Equal(200, unlinked.Status);
        Assert.Equal(200, repeated.Status);
        Assert.Equal(events, await Factory.EventCount());
        Assert.Equal(404, missing.Status);
        Assert.Contains("clarifies", missing.Body.GetProperty("errors").GetProperty("targetId")[0].GetString());
        var from = await Client.Send(HttpMethod.Get, $"/api/statements/{reply}");
        var to = await Client.Send(HttpMethod.Get, $"/api/statements/{first}");
        Assert.Equal(["clarifies"], from.Body.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("relation").GetString()));
        Assert.Equal(["clarifies"], to.Body.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("relation").GetString()));
    }

    [Fact]
    public async Task Supersedes_LinkClosingACycleThroughOtherSpeakers_Is409AndAppendsNothing()
    {
        // given a supersedes b, and b supersedes c, each statement of another speaker
        var (_, ids) = await GivenStatements("mao-ning", "wang-yi", "lin-jian");
        var (a, b, c) = (ids[0], ids[1], ids[2]);
        Assert.Equal(200, (await Post($"/api/statements/{a}/links", new { targetId = b, relation = "supersedes" })).Status);
        Assert.Equal(200, (await Post($"/api/statements/{b}/links", new { targetId = c, relation = "supersedes" })).Status);
        var events = await Factory.EventCount();

        // when c is said to supersede a, and (harmlessly) to clarify it
        var cycle = await Post($"/api/statements/{c}/links", new { targetId = a, relation = "supersedes" });
        var clarifies = await Post($"/api/statements/{c}/links", new { targetId = a, relation = "clarifies" });

        // then only the cycle is refused
        Assert.Equal(409, cycle.Status);
        Assert.Contains("cycle", cycle.Body.GetProperty("errors").GetProperty("targetId")[0].GetString());
        Assert.Equal(200, clarifies.Status);
        Assert.Equal(events + 1, await Factory.EventCount());
    }

    [Fact]
    public async Task Link_StatementToItself_Is400OnTargetId()
    {
        var (_, ids) = await GivenStatements("mao-ning");

        var self = await Post($"/api/statements/{ids[0]}/links", new { targetId = ids[0], relation = "clarifies" });

        Assert.Equal(400, self.Status);
        Assert.Contains("itself", self.Body.GetProperty("errors").GetProperty("targetId")[0].GetString());
    }
}
