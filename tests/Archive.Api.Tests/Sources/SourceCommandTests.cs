using System.Text.Json;
using Xunit;

namespace Archive.Api.Tests.Sources;

/// <summary>A source's description is corrected by its own command; registering the same text with other details says so.</summary>
public sealed class SourceCommandTests : ApiTest
{
    private const string Text = "“The corridor – our 🙂 project – will grow,” she said.\n「友谊之树常青。」";

    private Task<(int Status, JsonElement Body)> Post(string url, object body) => Client.Send(HttpMethod.Post, url, body);

    private async Task<string> GivenSource()
    {
        var registered = await Post("/api/sources", new { title = "Briefing, 3 March", text = Text, outlet = "MFA", publishedOn = "2025-03-03" });
        Assert.Equal(201, registered.Status);
        return registered.Body.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task RegisterSource_SameTextWithOtherDetails_Is409NamingEachDifferingFieldAndTheCorrectionEndpoint()
    {
        var id = await GivenSource();
        var events = await Factory.EventCount();

        var same = await Post("/api/sources", new { title = "Briefing, 3 March", text = Text, outlet = "MFA", publishedOn = "2025-03-03" });
        var other = await Post("/api/sources", new { title = "Briefing, 4 March", text = Text + "\r\n", outlet = "MFA", publishedOn = "2025-03-04" });

        Assert.Equal(200, same.Status);
        Assert.Equal(409, other.Status);
        Assert.Equal(["publishedOn", "title"], other.Body.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        Assert.Contains("'Briefing, 3 March'", other.Body.GetProperty("errors").GetProperty("title")[0].GetString());
        Assert.Contains($"/api/sources/{id}/corrections", other.Body.GetProperty("detail").GetString());
        Assert.Equal(events, await Factory.EventCount());
        Assert.Equal("Briefing, 3 March", (await Client.Get<Source>($"/api/sources/{id}")).Body!.Title);
    }

    [Fact]
    public async Task CorrectSource_TitleWithReason_TheSourceAndItsStatementsShowItAndTheTextStays()
    {
        var id = await GivenSource();
        Assert.Equal(201, (await Post("/api/actors", new { id = "mao-ning", name = "Mao Ning", kind = "person" })).Status);
        var statement = await Post("/api/statements", new { actorId = "mao-ning", sourceId = id, quote = "\"友谊之树常青。\"", quoteKind = "direct", saidOn = "2025-03-03" });
        Assert.Equal(201, statement.Status);

        var corrected = await Post($"/api/sources/{id}/corrections", new { title = "Briefing, 4 March", publishedOn = "2025-03-04", reason = "the page gave the wrong day" });
        var events = await Factory.EventCount();
        var repeated = await Post($"/api/sources/{id}/corrections", new { title = "Briefing, 4 March", reason = "the page gave the wrong day" });
        var reRegistered = await Post("/api/sources", new { title = "Briefing, 4 March", text = Text, outlet = "MFA", publishedOn = "2025-03-04" });

        Assert.Equal(200, corrected.Status);
        Assert.Equal(id, corrected.Body.GetProperty("id").GetString());
        Assert.Equal(200, repeated.Status);
        Assert.Equal(200, reRegistered.Status);
        Assert.Equal(events, await Factory.EventCount());
        var source = (await Client.Get<Source>($"/api/sources/{id}")).Body!;
        Assert.Equal("Briefing, 4 March", source.Title);
        Assert.Equal(Text, source.Text);
        var view = await Client.Send(HttpMethod.Get, $"/api/statements/{statement.Body.GetProperty("id").GetString()}");
        Assert.Equal("Briefing, 4 March", view.Body.GetProperty("source").GetProperty("title").GetString());
    }

    [Fact]
    public async Task CorrectSource_NothingToCorrectBadUrlOrUnknownSource_IsRefusedNamingTheField()
    {
        var id = await GivenSource();

        var nothing = await Post($"/api/sources/{id}/corrections", new { reason = "no reason" });
        var badUrl = await Post($"/api/sources/{id}/corrections", new { url = "javascript:alert(1)", reason = "r" });
        var noReason = await Post($"/api/sources/{id}/corrections", new { title = "T" });
        var text = await Post($"/api/sources/{id}/corrections", new { text = "other words", reason = "r" });
        var unknown = await Post("/api/sources/src-00000000000000000000/corrections", new { title = "T", reason = "r" });

        Assert.Equal(400, nothing.Status);
        Assert.True(nothing.Body.GetProperty("errors").TryGetProperty("body", out _));
        Assert.Equal(400, badUrl.Status);
        Assert.True(badUrl.Body.GetProperty("errors").TryGetProperty("url", out _));
        Assert.Equal(400, noReason.Status);
        Assert.True(noReason.Body.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(400, text.Status);
        Assert.True(text.Body.GetProperty("errors").TryGetProperty("text", out _));
        Assert.Equal(404, unknown.Status);
        Assert.True(unknown.Body.GetProperty("errors").TryGetProperty("id", out _));
    }
}
