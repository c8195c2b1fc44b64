using System.Net;
using System.Net.Http.Json;
using System.Text;
using Archive.Testing;
using Xunit;

namespace Archive.Api.Tests;

public sealed class WriteApiTests : ApiTest
{

    private async Task<SampleSource> GivenActorTopicAndSource(string actorId, int sentences)
    {
        var source = new SampleSource(sentences, actorId);
        Assert.Equal(201, (await Client.Post<Written>("/api/actors", new { id = actorId, name = "Lin Jian", kind = "person", country = "CN" })).Status);
        var topic = await Client.Post<Written>("/api/topics", new { id = "cpec", title = "China-Pakistan Economic Corridor" });
        Assert.Contains(topic.Status, new[] { 200, 201 });
        var registered = await Client.Post<Written>("/api/sources", new { title = "Briefing", text = source.Text, publishedOn = "2025-01-01" });
        Assert.Equal(201, registered.Status);
        Assert.Equal(source.Id, registered.Body!.Id);
        return source;
    }

    private static object StatementBody(string actorId, SampleSource source, int index) => new
    {
        actorId, sourceId = source.Id, quote = source.Sentences[index],
        span = new { start = source.Span(index).Start, end = source.Span(index).End },
        quoteKind = "direct", saidOn = "2025-01-01", topics = new[] { "cpec" },
    };

    [Fact]
    public async Task RecordStatement_SameRequestTwice_FirstCreatesSecondReturnsSameIdAndAppendsNothing()
    {
        var source = await GivenActorTopicAndSource("lin-jian", 2);

        var first = await Client.Post<Written>("/api/statements", StatementBody("lin-jian", source, 1));
        var events = await Factory.EventCount();
        var second = await Client.Post<Written>("/api/statements", StatementBody("lin-jian", source, 1));

        Assert.Equal(201, first.Status);
        Assert.Equal(200, second.Status);
        Assert.Equal(first.Body!.Id, second.Body!.Id);
        Assert.Equal(events, await Factory.EventCount());
        var read = await Client.Get<Statement>($"/api/statements/{first.Body.Id}");
        Assert.Equal(200, read.Status);
        Assert.Equal(source.Sentences[1], read.Body!.Quote);
        Assert.Equal(["cpec"], read.Body.Topics);
        var list = await Client.Get<Page>("/api/statements?actor=lin-jian&topic=cpec");
        Assert.Equal([first.Body.Id], list.Body!.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task RegisterSource_TextWithCrLfAndAstralCharacters_IsStoredNormalisedAndSpansCountCodePoints()
    {
        Assert.Equal(201, (await Client.Post<Written>("/api/actors", new { id = "wang-yi", name = "Wang Yi", kind = "person" })).Status);
        var raw = "  Title line\r\n😀😀 Wang Yi said: “Ironclad friends.”\r\n";
        var registered = await Client.Post<Written>("/api/sources", new { title = "Doc", text = raw });
        var stored = await Client.Get<Source>($"/api/sources/{registered.Body!.Id}");
        Assert.Equal("Title line\n😀😀 Wang Yi said: “Ironclad friends.”", stored.Body!.Text);

        // "Ironclad friends." starts after 10 + 1 + 2 emoji (2 code points, 4 UTF-16 units) + 17 characters
        var start = "Title line\n".Length + 2 + " Wang Yi said: “".Length;
        var recorded = await Client.Post<Written>("/api/statements", new
        {
            actorId = "wang-yi", sourceId = registered.Body.Id, quote = "Ironclad friends.", span = new { start, end = start + 17 },
            quoteKind = "direct", saidOn = "2025-01-04",
        });
        Assert.Equal(201, recorded.Status);
        var again = await Client.Post<Written>("/api/sources", new { title = "Doc", text = raw.Trim().Replace("\r\n", "\n") });
        Assert.Equal(200, again.Status);
        Assert.Equal(registered.Body.Id, again.Body!.Id);
    }

    [Fact]
    public async Task Lifecycle_RetractedStatement_CannotBeAmendedOrVerified()
    {
        var source = await GivenActorTopicAndSource("ishaq-dar", 2);
        var id = (await Client.Post<Written>("/api/statements", StatementBody("ishaq-dar", source, 0))).Body!.Id;
        Assert.Equal(200, (await Client.Post<Written>($"/api/statements/{id}/verify", new { method = "source-text-check" })).Status);
        Assert.Equal(200, (await Client.Post<Written>($"/api/statements/{id}/retract", new { reason = "misattributed" })).Status);
        var events = await Factory.EventCount();

        var amend = await Client.Post<Problem>($"/api/statements/{id}/amend", new { reason = "typo", occasion = "press conference" });
        var verify = await Client.Post<Problem>($"/api/statements/{id}/verify", new { method = "recheck" });

        Assert.Equal(409, amend.Status);
        Assert.Equal(409, verify.Status);
        Assert.True(amend.Body!.Errors!.ContainsKey("id"));
        Assert.Equal(events, await Factory.EventCount());
        var read = await Client.Get<Statement>($"/api/statements/{id}");
        Assert.Equal("retracted", read.Body!.Status);
        Assert.Equal(3, read.Body.Revision);
    }

    [Fact]
    public async Task UnknownIds_AnyStatementVerb_Answers404WithProblemDetails()
    {
        foreach (var verb in new[] { "verify", "amend", "dispute", "retract", "links" })
        {
            using var response = await Client.PostAsJsonAsync($"/api/statements/st-00000000000000000000/{verb}", new { });
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
        Assert.Equal(404, (await Client.Get<Problem>("/api/actors/nobody")).Status);
        Assert.Equal(404, (await Client.Get<Problem>("/api/topics/nothing")).Status);
        Assert.Equal(404, (await Client.Get<Problem>("/api/sources/src-0000")).Status);
    }

    [Fact]
    public async Task UnfileStatement_WithReason_AppendsAnEventAndTheStatementLeavesTheTopic()
    {
        var source = await GivenActorTopicAndSource("jiang-zaidong", 1);
        var id = (await Client.Post<Written>("/api/statements", StatementBody("jiang-zaidong", source, 0))).Body!.Id;

        using var unfile = new HttpRequestMessage(HttpMethod.Delete, $"/api/topics/cpec/statements/{id}")
        {
            Content = JsonContent.Create(new { reason = "filed under the wrong topic" }),
        };
        using var response = await Client.SendAsync(unfile);
        using var again = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/topics/cpec/statements/{id}")
        {
            Content = JsonContent.Create(new { reason = "again" }),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Empty((await Client.Get<Statement>($"/api/statements/{id}")).Body!.Topics);
        Assert.Equal(1, await TestDatabase.Scalar($"select count(*) from {Factory.Schema}.mt_events where type = 'statement_unfiled'"));
        Assert.Equal(1, await TestDatabase.Scalar($"select count(*) from {Factory.Schema}.mt_events where type = 'statement_filed'"));
    }

    [Fact]
    public async Task RecordStatement_SixteenConcurrentRequestsToOneActor_AllLandWithConsecutiveVersions()
    {
        var source = await GivenActorTopicAndSource("shehbaz-sharif", 16);

        var responses = await Task.WhenAll(Enumerable.Range(0, 16)
            .Select(i => Client.Post<Written>("/api/statements", StatementBody("shehbaz-sharif", source, i))));

        Assert.All(responses, r => Assert.Equal(201, r.Status));
        Assert.Equal(16, responses.Select(r => r.Body!.Id).Distinct().Count());
        var versions = await TestDatabase.Column<long>(
            $"select version from {Factory.Schema}.mt_events where stream_id = 'actor:shehbaz-sharif' order by version");
        Assert.Equal(Enumerable.Range(1, 17).Select(v => (long)v), versions);
        var transactions = await TestDatabase.Scalar(
            $"select count(distinct xmin::text) from {Factory.Schema}.mt_events where stream_id = 'actor:shehbaz-sharif' and type = 'statement_recorded'");
        Assert.InRange(transactions, 1, 8);
    }

    [Fact]
    public async Task Health_PostgresAndSiloUp_Answers200()
    {
        using var response = await Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Healthy", await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<string, string, string, int> BadRequests() => new()
    {
        // url, body, field named in the problem, status
        { "/api/actors", """{"id":"Lin Jian","name":"x","kind":"person"}""", "id", 400 },
        { "/api/actors", """{"id":"lin-jian","name":"x","kind":"robot"}""", "kind", 400 },
        { "/api/actors", """{"id":"lin-jian","name":"x\u0000y","kind":"person"}""", "name", 400 },
        { "/api/actors", """{"id":"lin-jian","name":"\ud800","kind":"person"}""", "name", 400 },
        { "/api/actors", """{"id":"lin-jian","name":"x","kind":"person","admin":true}""", "admin", 400 },
        { "/api/actors", """{"id":"lin-jian","id":"other","name":"x","kind":"person"}""", "id", 400 },
        { "/api/actors", """{"id":"lin-jian","name":"x",""", "body", 400 },
        { "/api/topics", """{"id":"cpec","title":""}""", "title", 400 },
        { "/api/topics", """{"id":"child","title":"t","parentId":"missing-parent"}""", "parentId", 404 },
        { "/api/sources", """{"title":"t"}""", "text", 400 },
        { "/api/sources", """{"title":"t","text":"abc","url":"javascript:alert(1)"}""", "url", 400 },
        { "/api/sources", """{"title":"t","text":"abc","publishedOn":"2999-01-01"}""", "publishedOn", 400 },
        { "/api/statements", """{"actorId":"lin-jian","sourceId":"src-x","quote":"q","span":{"start":5,"end":2},"quoteKind":"direct","saidOn":"2025-01-01"}""", "span.end", 400 },
        { "/api/statements", """{"actorId":"lin-jian","sourceId":"src-x","quote":"q","span":{"start":-1,"end":2},"quoteKind":"direct","saidOn":"2025-01-01"}""", "span.start", 400 },
        { "/api/statements", """{"actorId":"lin-jian","sourceId":"src-x","quote":"q","span":{"start":0,"end":2},"quoteKind":"direct","saidOn":"2999-01-01"}""", "saidOn", 400 },
        { "/api/statements", """{"actorId":"lin-jian","sourceId":"src-x","quote":"q","span":{"start":0,"end":2},"quoteKind":"direct","saidOn":"yesterday"}""", "saidOn", 400 },
        { "/api/statements", """{"actorId":"lin-jian","sourceId":"src-x","quote":"q","span":{"start":"0","end":2},"quoteKind":"direct","saidOn":"2025-01-01"}""", "span.start", 400 },
        { "/api/statements", """{"actorId":"lin-jian","sourceId":"src-x","quote":"q","span":{"start":0,"end":2},"quoteKind":"whispered","saidOn":"2025-01-01"}""", "quoteKind", 400 },
        { "/api/statements", """{"actorId":"'; drop table mt_events; --","sourceId":"src-x","quote":"q","span":{"start":0,"end":2},"quoteKind":"direct","saidOn":"2025-01-01"}""", "actorId", 400 },
        { "/api/statements", """{"actorId":"lin-jian","sourceId":"src-x","quote":"q","span":{"start":0,"end":2},"quoteKind":"joint","saidOn":"2025-01-01"}""", "coSpeakers", 400 },
        { "/api/statements", """{"actorId":"nobody-here","sourceId":"src-x","quote":"q","span":{"start":0,"end":2},"quoteKind":"direct","saidOn":"2025-01-01"}""", "actorId", 404 },
        { "/api/statements", """[1,2,3]""", "body", 400 },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task BadRequest_AnyWriteEndpoint_AnswersProblemNamingTheFieldAndAppendsNothing(string url, string body, string field, int status)
    {
        var before = await Factory.EventCount();

        using var response = await Client.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<Problem>();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.True(problem!.Errors!.ContainsKey(field), $"expected an error on '{field}', got: {problem.Detail}");
        Assert.Equal(before, await Factory.EventCount());
    }
}

public sealed class StatementLifecycleApiTests : ApiTest
{

    [Fact]
    public async Task AmendDisputeVerifyLink_AcrossTwoSpeakers_ViewsShowEachChangeAndRepeatsAppendNothing()
    {
        // given two speakers quoting the same source
        var source = new SampleSource(3, "lifecycle");
        foreach (var id in new[] { "wang-yi", "ishaq-dar" })
            Assert.Equal(201, (await Client.Post<Written>("/api/actors", new { id, name = id, kind = "person" })).Status);
        Assert.Equal(201, (await Client.Post<Written>("/api/sources", new { title = "Dialogue", text = source.Text })).Status);
        string Record(int i) => $$"""{"sourceId":"{{source.Id}}","quote":"{{source.Sentences[i]}}","span":{"start":{{source.Span(i).Start}},"end":{{source.Span(i).End}}},"quoteKind":"direct","saidOn":"2026-01-04"}""";
        async Task<string> RecordAs(string actor, int i)
        {
            using var response = await Client.PostAsync("/api/statements",
                new StringContent(Record(i).Replace("{\"sourceId\"", $"{{\"actorId\":\"{actor}\",\"sourceId\""), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<Written>())!.Id;
        }
        var first = await RecordAs("wang-yi", 0);
        var reply = await RecordAs("ishaq-dar", 1);

        // when it is verified, re-spanned by an amendment, disputed, and linked across speakers
        Assert.Equal(200, (await Client.Post<Written>($"/api/statements/{first}/verify", new { method = "transcript" })).Status);
        var amend = new { reason = "span covered the wrong sentence", quote = source.Sentences[2], span = new { start = source.Span(2).Start, end = source.Span(2).End } };
        Assert.Equal(200, (await Client.Post<Written>($"/api/statements/{first}/amend", amend)).Status);
        var events = await Factory.EventCount();
        Assert.Equal(200, (await Client.Post<Written>($"/api/statements/{first}/amend", amend)).Status);
        Assert.Equal(events, await Factory.EventCount());
        var badAmend = await Client.Post<Problem>($"/api/statements/{first}/amend", new { reason = "x", quote = "words never said" });
        Assert.Equal(400, badAmend.Status);
        Assert.True(badAmend.Body!.Errors!.ContainsKey("quote"));
        Assert.Equal(200, (await Client.Post<Written>($"/api/statements/{reply}/dispute", new { reason = "interpreter's wording" })).Status);
        Assert.Equal(200, (await Client.Post<Written>($"/api/statements/{reply}/links", new { targetId = first, relation = "responds-to" })).Status);
        Assert.Equal(404, (await Client.Post<Problem>($"/api/statements/{reply}/links", new { targetId = "st-ffffffffffffffffffff", relation = "repeats" })).Status);
        Assert.Equal(400, (await Client.Post<Problem>($"/api/statements/{reply}/links", new { targetId = first, relation = "agrees" })).Status);

        // then the views show the current text, statuses and the link from both ends
        var amended = (await Client.Get<Statement>($"/api/statements/{first}")).Body!;
        Assert.Equal(source.Sentences[2], amended.Quote);
        Assert.Equal("recorded", amended.Status); // the verification vouched for the old span
        Assert.Equal(source.Span(2).Start, amended.Span.GetProperty("start").GetInt32());
        var disputed = (await Client.Get<Statement>($"/api/statements/{reply}")).Body!;
        Assert.Equal("disputed", disputed.Status);
        using var incoming = await Client.GetAsync($"/api/statements/{first}");
        Assert.Contains("\"direction\":\"incoming\"", await incoming.Content.ReadAsStringAsync());
    }
}

public sealed class RequestLimitTests : ApiTest
{
    [Fact]
    public async Task RegisterSource_BodyOverTheLimit_Answers413ProblemAndAppendsNothing()
    {
        var before = await Factory.EventCount();

        using var response = await Client.PostAsync("/api/sources",
            new StringContent("{\"title\":\"t\",\"text\":\"" + new string('a', 10_000_000) + "\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(before, await Factory.EventCount());
    }
}
