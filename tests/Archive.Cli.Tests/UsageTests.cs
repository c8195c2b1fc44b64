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
}
