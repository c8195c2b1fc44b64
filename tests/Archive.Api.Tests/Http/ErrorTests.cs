using System.Net;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Archive.Api.Tests;

/// <summary>Errors that teach: every bad field at once, field names and formats that say what was meant, limits kept however a body is sent.</summary>
public sealed class ErrorTests(SharedHost host) : SharedHostTest(host)
{
    private static string[] Fields(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToArray();

    private static string Reason(JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString()!;

    private async Task<(int Status, JsonElement Body)> PostRaw(string url, string json)
    {
        using var response = await Client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task RegisterActor_BadIdKindAndCountry_AnswersThreeErrorsAtOnce()
    {
        var (status, problem) = await Client.Send(HttpMethod.Post, "/api/actors", new { id = "Lin Jian", name = "Lin Jian", kind = "robot", country = "China" });

        Assert.Equal(400, status);
        Assert.Equal(["country", "id", "kind"], Fields(problem));
    }

    [Fact]
    public async Task RecordStatement_BadSpeakerHalfASpanBadKindAndFutureDate_ReportsEveryFieldAtOnce()
    {
        var events = await Factory.EventCount();

        var (status, problem) = await Client.Send(HttpMethod.Post, "/api/statements", new
        {
            actorId = "Not A Slug", sourceId = "src-00000000000000000000", quote = "q", span = new { start = 3 }, quoteKind = "whispered", saidOn = "2999-01-01",
        });
        var (batchStatus, batch) = await Client.Send(HttpMethod.Post, "/api/statements/batch", new
        {
            items = new object[] { new { actorId = "Not A Slug", quote = " ", quoteKind = "joint", saidOn = "2999-01-01" } },
        });

        Assert.Equal(400, status);
        Assert.Equal(["actorId", "quoteKind", "saidOn", "span.end"], Fields(problem));
        Assert.Equal(200, batchStatus);
        var item = batch.GetProperty("items")[0];
        Assert.Equal(400, item.GetProperty("status").GetInt32());
        Assert.Equal(["actorId", "coSpeakers", "quote", "saidOn", "sourceId"], Fields(item));
        Assert.Equal(events, await Factory.EventCount());
    }

    [Fact]
    public async Task UnknownField_DiffersFromAKnownOneByCase_SaysNamesAreCaseSensitiveAndNamesTheField()
    {
        const string alone = """{"actorId":"lin-jian","sourceID":"src-00000000000000000000","quote":"q","quoteKind":"direct","saidOn":"2025-01-31"}""";
        const string beside = """{"actorId":"lin-jian","sourceId":"src-00000000000000000000","sourceID":"src-00000000000000000000","quote":"q","quoteKind":"direct","saidOn":"2025-01-31"}""";

        var (status, problem) = await PostRaw("/api/statements", alone);
        var (besideStatus, besideProblem) = await PostRaw("/api/statements", beside);
        var (typoStatus, typo) = await PostRaw("/api/actors", """{"id":"lin-jian","nmae":"Lin Jian","kind":"person"}""");

        Assert.Equal(400, status);
        Assert.Equal("not a field; field names are case-sensitive — did you mean sourceId?", Reason(problem, "sourceID"));
        Assert.Equal("sourceID: not a field; field names are case-sensitive — did you mean sourceId?", problem.GetProperty("detail").GetString());
        Assert.Equal(400, besideStatus);
        Assert.Contains("case-sensitive", Reason(besideProblem, "sourceID"));
        Assert.DoesNotContain("more than once", besideProblem.GetProperty("detail").GetString());
        Assert.Equal(400, typoStatus);
        Assert.Contains("did you mean name?", Reason(typo, "nmae"));
    }

    public static TheoryData<string, string, string> BadQueryDates() => new()
    {
        // url, parameter, what the reason must say
        { "/api/statements?saidFrom=01/09/2025", "saidFrom", "YYYY-MM-DD" },
        { "/api/statements?saidTo=2025-1-9", "saidTo", "YYYY-MM-DD" },
        { "/api/statements?saidFrom=2025-02-30", "saidFrom", "YYYY-MM-DD" },
        { "/api/statements?recordedFrom=2026-01-04T10:00:00", "recordedFrom", "with an offset" },
        { "/api/statements?recordedTo=2026-01-04", "recordedTo", "with an offset" },
        { "/api/statements?recordedTo=2026-01-04T10:00:00+02:00", "recordedTo", "%2B" },
        { "/api/statements?asOf=04/01/2026 10:00", "asOf", "with an offset" },
    };

    [Theory]
    [MemberData(nameof(BadQueryDates))]
    public async Task QueryDate_NotIso8601_Is400SayingWhichFormatIsExpected(string url, string parameter, string expected)
    {
        using var auditor = ClientAs("auditor");

        var (status, problem) = await auditor.Send(HttpMethod.Get, url);

        Assert.Equal(400, status);
        Assert.Equal([parameter], Fields(problem));
        Assert.Contains(expected, Reason(problem, parameter));
    }

    [Fact]
    public async Task QueryDates_Iso8601_AreAcceptedAndSeveralBadOnesAreReportedTogether()
    {
        using var auditor = ClientAs("auditor");

        var good = await auditor.Send(HttpMethod.Get, "/api/statements?saidFrom=2025-01-09&saidTo=2025-12-31&recordedFrom=2026-01-04T10:00:00Z&recordedTo=2099-01-04T12:00:00%2B02:00");
        var actorAsOf = await auditor.Send(HttpMethod.Get, "/api/actors/nobody-here?asOf=2026-01-04T12:00:00%2B02:00");
        var bad = await auditor.Send(HttpMethod.Get, "/api/statements?saidFrom=01/09/2025&saidTo=9.1.2025&asOf=yesterday");

        Assert.Equal(200, good.Status);
        Assert.Equal(404, actorAsOf.Status); // read as the same instant in UTC, not refused and not a 500
        Assert.Equal(400, bad.Status);
        Assert.Equal(["asOf", "saidFrom", "saidTo"], Fields(bad.Body));
    }

    [Theory]
    [InlineData("/api/sources", """{"title":"t","text":"abc","publishedOn":"31/01/2025"}""", "publishedOn")]
    [InlineData("/api/sources", """{"title":"t","text":"abc","publishedOn":"2025-01-31T00:00:00Z"}""", "publishedOn")]
    [InlineData("/api/statements", """{"actorId":"lin-jian","sourceId":"src-x","quote":"q","quoteKind":"direct","saidOn":"2025-1-31"}""", "saidOn")]
    public async Task BodyDate_NotIso8601_Is400SayingWhichFormatIsExpected(string url, string json, string field)
    {
        var (status, problem) = await PostRaw(url, json);

        Assert.Equal(400, status);
        Assert.Contains("YYYY-MM-DD", Reason(problem, field));
    }

    [Theory]
    [InlineData("/api/topics/cpec/statements/st-0123456789abcdef0123", "reason")]
    [InlineData("/api/statements/st-0123456789abcdef0123/links/st-00000000000000000000", "reason")]
    public async Task Delete_WithoutItsBody_NamesTheMissingFieldNotTheParameter(string url, string field)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, url);
        using var response = await Client.SendAsync(request);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("is required", Reason(problem, field));
        Assert.DoesNotContain("parameter", problem.GetProperty("detail").GetString());
        Assert.Contains("JSON body", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ChunkedBody_OverTheLimit_Answers413AndAppendsNothingWhileAChunkedBodyWithinItIsRead()
    {
        var events = await Factory.EventCount();
        var oversized = Encoding.UTF8.GetBytes("{\"title\":\"t\",\"text\":\"" + new string('a', 9 * 1024 * 1024) + "\"}");

        using var tooLarge = await Client.PostAsync("/api/sources", new Chunked(oversized));
        var afterTooLarge = await Factory.EventCount();
        using var small = await Client.PostAsync("/api/actors", new Chunked("""{"id":"lin-jian","name":"Lin Jian","kind":"person"}"""u8.ToArray()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("application/problem+json", tooLarge.Content.Headers.ContentType!.MediaType);
        Assert.Equal(events, afterTooLarge);
        Assert.Equal(HttpStatusCode.Created, small.StatusCode);
    }

    /// <summary>A JSON body of no declared length: sent with chunked transfer encoding.</summary>
    private sealed class Chunked : HttpContent
    {
        private readonly byte[] _bytes;

        public Chunked(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var at = 0; at < _bytes.Length; at += 64 * 1024) await stream.WriteAsync(_bytes.AsMemory(at, Math.Min(64 * 1024, _bytes.Length - at)));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
