using Xunit;

namespace Archive.Cli.Tests;

public sealed class UsageTests
{
    public static TheoryData<string[]> Mistakes() => new()
    {
        Array.Empty<string>(),
        new[] { "audit" },
        new[] { "audit", "frobnicate" },
        new[] { "--bogus" },
        new[] { "audit", "verify-bundle" },
        new[] { "audit", "verify-bundle", "/no/such/bundle.ndjson" },
        new[] { "audit", "verify-bundle", "a.ndjson", "b.ndjson" },
        new[] { "audit", "verify", "--stream" },
        new[] { "audit", "verify", "--url", "not a url" },
        new[] { "audit", "verify", "--url", "ftp://archive.test" },
        new[] { "audit", "export", "--from", "1", "--to", "2" },
        new[] { "audit", "export", "--from", "one", "--to", "2", "--out", "x.ndjson" },
        new[] { "audit", "export", "--from", "-1", "--to", "2", "--out", "x.ndjson" },
        new[] { "audit", "export", "--from", "5", "--to", "2", "--out", "x.ndjson" },
        new[] { "import" },
        new[] { "import", "/no/such/seeds" },
        new[] { "import", "a", "b" },
        new[] { "statements" },
        new[] { "statements", "list", "--limit", "0" },
        new[] { "statements", "list", "--limit", "201" },
        new[] { "statements", "list", "--status", "lost" },
        new[] { "statements", "list", "--said-from", "2025-13-01" },
        new[] { "statements", "list", "--as-of", "2026-01-04" },
        new[] { "statements", "show" },
        new[] { "statements", "show", "st-1", "--as-of", "2026-01-04T10:00:00Z", "--revision", "1" },
        new[] { "statements", "history" },
        new[] { "search" },
        new[] { "search", " " },
        new[] { "actors", "show" },
        new[] { "actors", "--cursor" },
        new[] { "topics", "show", "a", "b" },
        new[] { "db" },
        new[] { "db", "migrate", "--schema", "Not-A-Schema" },
        new[] { "db", "migrate", "--postgres", "Nonsense=1" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task Run_UsageError_ExitsTwoWithOneLine(string[] args)
    {
        var outcome = await Cli.Run(args);

        Assert.Equal(2, outcome.Exit);
        Assert.StartsWith("archive: ", Assert.Single(outcome.ErrorLines), StringComparison.Ordinal);
        Assert.Equal("", outcome.Output);
    }

    [Fact]
    public async Task Run_Help_ExitsZeroListingCommands()
    {
        var outcome = await Cli.Run("audit", "--help");

        Assert.Equal(0, outcome.Exit);
        foreach (var command in new[] { "verify-bundle", "verify", "export" })
            Assert.Contains(command, outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RootHelp_ListsEveryCommand()
    {
        var outcome = await Cli.Run("--help");

        Assert.Equal(0, outcome.Exit);
        foreach (var command in new[] { "import", "statements", "search", "actors", "topics", "audit", "projections", "db" })
            Assert.Matches($@"(?m)^\s+{command}\b", outcome.Output);
    }
}
