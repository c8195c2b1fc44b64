using System.Net;
using Archive.Testing;
using Xunit;

namespace Archive.Cli.Tests;

/// <summary>Whatever goes wrong between the command line and the archive ends in one line on standard error and exit 1.</summary>
public sealed class ServerErrorTests
{
    public static TheoryData<string[]> Commands() => new()
    {
        new[] { "statements", "list" },
        new[] { "statements", "show", "st-00000000000000000000" },
        new[] { "search", "corridor" },
        new[] { "actors" },
        new[] { "topics", "show", "cpec" },
        new[] { "sources", "show", "src-00000000000000000000", "--offsets" },
        new[] { "record", "--actor", "a-minister", "--source", "src-00000000000000000000", "--quote", "words" },
        new[] { "record", "--actor", "a-minister", "--source", "src-00000000000000000000", "--quote", "words", "--occurrence", "2" },
        new[] { "verify", "st-00000000000000000000", "--method", "source-text-check" },
        new[] { "unfile", "st-00000000000000000000", "--topic", "cpec", "--reason", "misfiled" },
        new[] { "actors", "add", "a-minister", "--name", "A Minister", "--kind", "person" },
        new[] { "topics", "merge", "cpec-roads", "--into", "cpec", "--reason", "one topic" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Run_ServerUnreachable_ExitsOneInOneLine(string[] args)
    {
        var url = $"http://127.0.0.1:{TestDatabase.FreePort()}";

        var outcome = await Cli.Run([.. args, "--url", url]);

        Assert.Equal(1, outcome.Exit);
        Assert.StartsWith($"archive: cannot reach the archive at {url}: ", Assert.Single(outcome.ErrorLines));
        Assert.Equal("", outcome.Output);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, "(set --key or ARCHIVE_KEY)")]
    [InlineData(HttpStatusCode.Forbidden, "(the key's role may not do this)")]
    public async Task Import_KeyRefused_StopsAtTheFirstWriteInOneLine(HttpStatusCode status, string hint)
    {
        using var folder = new TempFolder();
        folder.File("archive.json", """{"actors":[{"id":"a","name":"A","kind":"person"},{"id":"b","name":"B","kind":"person"}],"topics":[],"sources":[],"statements":[]}""");
        var server = new StubServer(status, """{"title":"A valid API key is required."}""", "application/problem+json");

        var outcome = await Cli.Run(server, "import", folder.Path, "--url", "http://archive.test", "--key", "wrong");

        Assert.Equal(1, outcome.Exit);
        Assert.Equal($"archive: the archive at http://archive.test answered {(int)status} {status switch { HttpStatusCode.Unauthorized => "Unauthorized", _ => "Forbidden" }} {hint}: A valid API key is required.",
            Assert.Single(outcome.ErrorLines));
        Assert.Single(server.Requests);
        Assert.Equal("Bearer wrong", server.Requests[0].Headers.Authorization?.ToString());
    }

    [Fact]
    public async Task Record_KeyRefused_ExitsOneInOneLine()
    {
        var server = new StubServer(HttpStatusCode.Forbidden, """{"title":"The key's role may not write."}""", "application/problem+json");

        var outcome = await Cli.Run(server, "record", "--actor", "a", "--source", "src-1", "--quote", "words", "--url", "http://archive.test", "--key", "reader");

        Assert.Equal(1, outcome.Exit);
        Assert.Equal("archive: the archive at http://archive.test answered 403 Forbidden (the key's role may not do this): The key's role may not write.",
            Assert.Single(outcome.ErrorLines));
        Assert.Equal("", outcome.Output);
    }

    [Fact]
    public async Task Verify_AnswerIsNotAWrite_ExitsOneInOneLine()
    {
        var outcome = await Cli.Run(new StubServer(HttpStatusCode.OK, "<html>a proxy's page</html>", "text/html"),
            "verify", "st-1", "--method", "m", "--url", "http://archive.test");

        Assert.Equal(1, outcome.Exit);
        Assert.Equal("archive: the archive at http://archive.test answered something that is not { id, version, position }", Assert.Single(outcome.ErrorLines));
    }

    [Fact]
    public async Task StatementsList_KeyRefused_ExitsOneInOneLine()
    {
        var outcome = await Cli.Run(new StubServer(HttpStatusCode.Unauthorized, ""), "statements", "list", "--url", "http://archive.test");

        Assert.Equal(1, outcome.Exit);
        Assert.Equal("archive: the archive at http://archive.test answered 401 Unauthorized (set --key or ARCHIVE_KEY)", Assert.Single(outcome.ErrorLines));
    }
}
