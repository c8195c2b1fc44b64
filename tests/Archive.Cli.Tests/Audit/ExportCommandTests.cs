using System.Net;
using Xunit;
using static Archive.Audit.Tests.Bundles;

namespace Archive.Cli.Tests.Audit;

public sealed class ExportCommandTests : IDisposable
{
    private const string Url = "http://archive.test:5080";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Export_Range_WritesTheBundleThatVerifies()
    {
        var server = new StubServer(HttpStatusCode.OK, Text(Lines()), "application/x-ndjson");
        var file = _folder.File("evidence.ndjson");

        var exported = await Cli.Run(server, "audit", "export", "--from", "1", "--to", "7", "--out", file, "--url", Url);
        var verified = await Cli.Run("audit", "verify-bundle", file);

        Assert.Equal((0, ""), (exported.Exit, exported.Error));
        Assert.Equal("?from=1&to=7", Assert.Single(server.Requests).RequestUri!.Query);
        Assert.Equal(Text(Lines()), await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        Assert.Equal(0, verified.Exit);
        Assert.Equal([Path.GetFileName(file)], Directory.GetFiles(_folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Export_ServerError_ExitsOneAndLeavesNoFile()
    {
        var file = _folder.File("evidence.ndjson");
        var server = new StubServer(HttpStatusCode.InternalServerError, """{"title":"An error occurred","status":500}""", "application/problem+json");

        var outcome = await Cli.Run(server, "audit", "export", "--from", "1", "--to", "7", "--out", file, "--url", Url);

        Assert.Equal(1, outcome.Exit);
        Assert.Contains("500", Assert.Single(outcome.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public async Task Export_UnreachableArchive_ExitsOneWithOneLine()
    {
        var outcome = await Cli.Run("audit", "export", "--from", "1", "--to", "2", "--out", _folder.File("x.ndjson"), "--url", "http://127.0.0.1:9");

        Assert.Equal(1, outcome.Exit);
        Assert.StartsWith("archive: cannot reach the archive", Assert.Single(outcome.ErrorLines), StringComparison.Ordinal);
    }
}
