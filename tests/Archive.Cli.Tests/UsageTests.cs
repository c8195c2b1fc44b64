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
        new[] { "statements", "show", "st-1", "--min-position", "x" },
        new[] { "statements", "list", "--min-position", "-1" },
        new[] { "statements", "list", "--limit", "x" },
        new[] { "actors", "--limit", "1.5" },
        new[] { "sources" },
        new[] { "sources", "add" },
        new[] { "sources", "add", "/no/such/document.txt" },
        new[] { "sources", "add", "/no/such/document.txt", "--published-on", "2025-02-30" },
        new[] { "sources", "show" },
        new[] { "sources", "show", "src-1", "--min-position", "-1" },
        new[] { "sources", "correct", "src-1", "--reason", "a typo" },
        new[] { "sources", "correct", "src-1", "--title", "A title" },
        new[] { "record", "--source", "src-1", "--quote", "words" },
        new[] { "record", "--actor", "a", "--source", "src-1" },
        new[] { "record", "--actor", "a", "--source", "src-1", "--quote", "words", "--span", "12" },
        new[] { "record", "--actor", "a", "--source", "src-1", "--quote", "words", "--span", "12:5" },
        new[] { "record", "--actor", "a", "--source", "src-1", "--quote", "words", "--span", "-1:5" },
        new[] { "record", "--actor", "a", "--source", "src-1", "--quote", "words", "--span", "1:5", "--occurrence", "1" },
        new[] { "record", "--actor", "a", "--source", "src-1", "--quote", "words", "--occurrence", "0" },
        new[] { "record", "--actor", "a", "--source", "src-1", "--quote", "words", "--occurrence", "second" },
        new[] { "record", "--actor", "a", "--source", "src-1", "--quote", "words", "--kind", "hearsay" },
        new[] { "record", "--actor", "a", "--source", "src-1", "--quote", "words", "--said-on", "yesterday" },
        new[] { "amend", "st-1", "--reason", "nothing said" },
        new[] { "amend", "st-1", "--said-on", "2025-01-01" },
        new[] { "verify", "st-1" },
        new[] { "dispute", "st-1" },
        new[] { "retract", "st-1" },
        new[] { "reinstate", "st-1" },
        new[] { "link", "st-1", "st-2" },
        new[] { "link", "st-1", "st-2", "--relation", "agrees" },
        new[] { "unlink", "st-1", "st-2" },
        new[] { "file", "st-1" },
        new[] { "unfile", "st-1", "--topic", "t" },
        new[] { "actors", "add", "a", "--name", "A" },
        new[] { "actors", "add", "a", "--name", "A", "--kind", "robot" },
        new[] { "actors", "role", "a", "--role", "envoy", "--organisation", "o" },
        new[] { "actors", "alias", "a" },
        new[] { "topics", "add", "t" },
        new[] { "topics", "rename", "t" },
        new[] { "topics", "merge", "t", "--into", "u" },
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

    [Theory]
    [InlineData("actors", "add", "role", "alias")]
    [InlineData("topics", "add", "rename", "merge")]
    [InlineData("sources", "add", "show", "correct")]
    public async Task Run_RegisterHelp_ListsItsWrites(string register, params string[] commands)
    {
        var outcome = await Cli.Run(register, "--help");

        Assert.Equal(0, outcome.Exit);
        foreach (var command in commands) Assert.Matches($@"(?m)^\s+{command}\b", outcome.Output);
    }

    [Fact]
    public async Task Run_RootHelp_ListsEveryCommand()
    {
        var outcome = await Cli.Run("--help");

        Assert.Equal(0, outcome.Exit);
        foreach (var command in new[] { "import", "sources", "record", "amend", "verify", "dispute", "retract", "reinstate", "link", "unlink", "file",
                     "unfile", "statements", "search", "actors", "topics", "audit", "projections", "db" })
            Assert.Matches($@"(?m)^\s+{command}\b", outcome.Output);
    }
}
