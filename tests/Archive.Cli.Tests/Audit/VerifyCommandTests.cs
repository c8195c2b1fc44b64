using System.Net;
using System.Text.Json;
using Xunit;

namespace Archive.Cli.Tests.Audit;

public sealed class VerifyCommandTests
{
    private const string Url = "http://archive.test:5080";

    private const string Intact = """{"intact":true,"streams":3,"events":42,"seals":2,"broken":[]}""";

    private static readonly string Broken = $$"""
        {"intact":false,"streams":3,"events":42,"broken":[{"streamKey":"actor:lin-jian","version":7,
         "problem":"the event does not hash to its recorded hash (changed, moved or forged)","expected":"{{new string('a', 64)}}","found":"{{new string('b', 64)}}"}]}
        """;

    [Fact]
    public async Task Verify_UnreachableArchive_ExitsOneWithOneLine()
    {
        var outcome = await Cli.Run("audit", "verify", "--url", "http://127.0.0.1:9");

        Assert.Equal(1, outcome.Exit);
        var error = Assert.Single(outcome.ErrorLines);
        Assert.StartsWith("archive: cannot reach the archive at http://127.0.0.1:9", error, StringComparison.Ordinal);
        Assert.Equal("", outcome.Output);
    }

    [Fact]
    public async Task Verify_IntactArchive_ExitsZero()
    {
        var server = new StubServer(HttpStatusCode.OK, Intact);

        var outcome = await Cli.Run(server, "audit", "verify", "--url", Url);

        Assert.Equal(0, outcome.Exit);
        var row = outcome.Output.Split('\n').Single(l => l.Contains("intact", StringComparison.Ordinal));
        Assert.Equal(["3", "42", "2", "intact"], row.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal($"{Url}/api/audit/verify", Assert.Single(server.Requests).RequestUri!.ToString());
    }

    [Fact]
    public async Task Verify_BrokenArchive_ExitsOneNamingTheStream()
    {
        var outcome = await Cli.Run(new StubServer(HttpStatusCode.OK, Broken), "audit", "verify", "--url", Url);

        Assert.Equal(1, outcome.Exit);
        Assert.Contains($"broken: actor:lin-jian at version 7: the event does not hash to its recorded hash (changed, moved or forged): expected {new string('a', 64)}, found {new string('b', 64)}\n",
            outcome.Output, StringComparison.Ordinal);
        Assert.Contains("actor:lin-jian at version 7", Assert.Single(outcome.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_BrokenArchiveWithJson_PrintsReport()
    {
        var outcome = await Cli.Run(new StubServer(HttpStatusCode.OK, Broken), "audit", "verify", "--url", Url, "--json");

        Assert.Equal(1, outcome.Exit);
        var report = JsonDocument.Parse(outcome.Output).RootElement;
        Assert.False(report.GetProperty("intact").GetBoolean());
        Assert.Equal(7, report.GetProperty("broken")[0].GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Verify_StreamAndKey_AreSentEscapedAndAsBearer()
    {
        var server = new StubServer(HttpStatusCode.OK, Intact);

        var outcome = await Cli.Run(server, "audit", "verify", "--url", Url + "/", "--stream", "actor:lin jian&x", "--key", "s3cret");

        Assert.Equal(0, outcome.Exit);
        var request = Assert.Single(server.Requests);
        Assert.Equal("?stream=actor%3Alin%20jian%26x", request.RequestUri!.Query);
        Assert.Equal(("Bearer", "s3cret"), (request.Headers.Authorization?.Scheme, request.Headers.Authorization?.Parameter));
    }

    [Fact]
    public async Task Verify_ServerProblem_ExitsOneWithItsTitle()
    {
        var problem = """{"type":"about:blank","title":"Invalid request","status":400,"detail":"stream: must be at most 200 characters"}""";

        var outcome = await Cli.Run(new StubServer(HttpStatusCode.BadRequest, problem, "application/problem+json"), "audit", "verify", "--url", Url);

        Assert.Equal(1, outcome.Exit);
        Assert.Equal($"archive: the archive at {Url} answered 400 Bad Request: Invalid request; stream: must be at most 200 characters",
            Assert.Single(outcome.ErrorLines));
    }

    [Fact]
    public async Task Verify_Unauthorized_ExitsOneWithHint()
    {
        var outcome = await Cli.Run(new StubServer(HttpStatusCode.Unauthorized, ""), "audit", "verify", "--url", Url);

        Assert.Equal(1, outcome.Exit);
        Assert.Contains("401", Assert.Single(outcome.ErrorLines), StringComparison.Ordinal);
        Assert.Contains("ARCHIVE_KEY", outcome.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html>login</html>")]
    [InlineData("""{"intact":true}""")]
    [InlineData("null")]
    public async Task Verify_AnswerNotAReport_ExitsOne(string body)
    {
        var outcome = await Cli.Run(new StubServer(HttpStatusCode.OK, body), "audit", "verify", "--url", Url);

        Assert.Equal(1, outcome.Exit);
        Assert.Contains("not a verification report", Assert.Single(outcome.ErrorLines), StringComparison.Ordinal);
    }
}
