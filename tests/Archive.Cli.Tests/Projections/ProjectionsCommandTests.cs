using System.Net;
using Xunit;

namespace Archive.Cli.Tests.Projections;

public sealed class ProjectionsCommandTests
{
    private const string Url = "http://archive.test:5080";

    private const string Done = """
        {"items":[{"name":"statements","lifecycle":"inline","state":"done","startedAt":"2026-01-04T10:00:00Z","finishedAt":"2026-01-04T10:00:01Z"},
                  {"name":"audit-entries","lifecycle":"async","state":"done","startedAt":"2026-01-04T10:00:01Z","finishedAt":"2026-01-04T10:00:02Z"}]}
        """;

    private const string Failed = """
        {"items":[{"name":"statements","lifecycle":"inline","state":"failed","error":"disk full"},
                  {"name":"audit-entries","lifecycle":"async","state":"idle"}]}
        """;

    [Fact]
    public async Task Rebuild_AllFinish_PostsTheRebuildAndExitsZero()
    {
        var server = new StubServer(HttpStatusCode.OK, Done);

        var outcome = await Cli.Run(server, "projections", "rebuild", "--url", Url);

        Assert.Equal(0, outcome.Exit);
        Assert.Equal((HttpMethod.Post, "/api/projections/all/rebuild"), (server.Requests[0].Method, server.Requests[0].RequestUri!.AbsolutePath));
        Assert.Contains("audit-entries", outcome.Output);
    }

    [Fact]
    public async Task Rebuild_OneFails_ExitsOneNamingItAndTheReason()
    {
        var server = new StubServer(HttpStatusCode.OK, Failed);

        var outcome = await Cli.Run(server, "projections", "rebuild", "statements", "--url", Url);

        Assert.Equal(1, outcome.Exit);
        Assert.Equal("archive: rebuilding statements failed: disk full", Assert.Single(outcome.ErrorLines));
        Assert.Equal("/api/projections/statements/rebuild", server.Requests[0].RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Status_Json_PrintsTheReadModels()
    {
        var outcome = await Cli.Run(new StubServer(HttpStatusCode.OK, Done), "projections", "status", "--url", Url, "--json");

        Assert.Equal(0, outcome.Exit);
        Assert.Contains("\"lifecycle\": \"async\"", outcome.Output);
    }
}
