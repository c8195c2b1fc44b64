using System.Text.Json;
using Archive.Cli.Tests.Archive;
using Xunit;

namespace Archive.Cli.Tests.Import;

public sealed class ImportCommandTests(ArchiveHost archive) : IClassFixture<ArchiveHost>
{
    private const string Document = "The minister said the corridor will be finished next year.\nThe spokesperson declined to comment.";

    [Fact]
    public async Task Import_SameFolderTwice_AddsEverythingThenSkipsEverything()
    {
        // given a fresh archive and the repository's seeds (9 actors, 12 topics, 5 sources, 49 statements)

        // when
        var first = await archive.Json("import", ArchiveHost.RepositorySeeds);
        var events = await archive.EventCount();
        var second = await archive.Json("import", ArchiveHost.RepositorySeeds);

        // then
        Assert.Equal((75, 0, 0), Counts(first));
        Assert.All(Items(first), i => Assert.Equal("added", i.GetProperty("outcome").GetString()));
        Assert.Equal((0, 75, 0), Counts(second));
        Assert.Equal(events, await archive.EventCount());
        var statements = await archive.Json("statements", "list", "--all", "--status", "verified");
        Assert.Equal(49, statements.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Import_ItemsRefused_ReportsEachWithItsReasonAndExitsOne()
    {
        // given a file whose second statement lies outside its source and whose third names a source file that is not listed
        using var folder = new TempFolder();
        folder.File("briefing.txt", Document);
        var file = folder.File("refused.json", Archive("""
            {"actorId":"cli-minister","source":"briefing.txt","quote":"the corridor will be finished next year","span":{"start":18,"end":57},"quoteKind":"reported","saidOn":"2025-03-01","topics":["cli-corridor"]},
            {"actorId":"cli-minister","source":"briefing.txt","quote":"finished","span":{"start":500,"end":508},"quoteKind":"direct","saidOn":"2025-03-01"},
            {"actorId":"cli-minister","source":"other.txt","quote":"x","span":{"start":0,"end":1},"quoteKind":"direct","saidOn":"2025-03-01"}
            """));

        // when a file (not a folder) is imported, as a table
        var outcome = await archive.Run("import", file);

        // then the good items are added, each refused one is named with the archive's reason, and nothing else breaks
        Assert.Equal(1, outcome.Exit);
        Assert.Equal("archive: 2 of 7 items were not imported", Assert.Single(outcome.ErrorLines));
        Assert.Matches(@"total\s*│\s*5\s*│\s*0\s*│\s*2", outcome.Output);
        Assert.Contains("failed: statement cli-minister in briefing.txt [500, 508): 400 Bad Request: The request is invalid.; span", outcome.Output);
        Assert.Contains("failed: statement cli-minister in other.txt [0, 1): source file 'other.txt' is not listed in sources", outcome.Output);
        var listed = await archive.Json("statements", "list", "--actor", "cli-minister");
        Assert.Equal(1, listed.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Import_SourceDocumentMissing_FailsItAndItsStatements()
    {
        using var folder = new TempFolder();
        folder.File("archive.json", Archive("""
            {"actorId":"cli-envoy","source":"briefing.txt","quote":"the corridor will be finished next year","span":{"start":18,"end":57},"quoteKind":"reported","saidOn":"2025-03-01"}
            """, who: "cli-envoy", topic: "cli-ports"));

        var report = await archive.Run("import", folder.Path, "--json");

        Assert.Equal(1, report.Exit);
        using var json = JsonDocument.Parse(report.Output);
        var failed = Items(json.RootElement).Where(i => i.GetProperty("outcome").GetString() == "failed").ToArray();
        Assert.Equal(["source", "statement"], failed.Select(i => i.GetProperty("kind").GetString()));
        Assert.StartsWith("cannot read the document", failed[0].GetProperty("reason").GetString());
        Assert.Equal("its source 'briefing.txt' was not imported", failed[1].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Import_NotAnArchiveFile_ExitsOneNamingTheFile()
    {
        using var folder = new TempFolder();
        var file = folder.File("broken.json", "{\"actors\": [");

        var outcome = await archive.Run("import", file);

        Assert.Equal(1, outcome.Exit);
        Assert.StartsWith($"archive: {file} is not an archive file", Assert.Single(outcome.ErrorLines));
        Assert.Equal("", outcome.Output);
    }

    // each test names its own actor and topics: the tests of this class share one archive
    private static string Archive(string statements, string who = "cli-minister", string topic = "cli-corridor") => $$"""
        {
          "actors": [{"id":"{{who}}","name":"A Minister","kind":"person","country":"PK","aliases":[]}],
          "topics": [{"id":"{{topic}}-roads","title":"Roads","parentId":"{{topic}}"},{"id":"{{topic}}","title":"The corridor"}],
          "sources": [{"file":"briefing.txt","title":"A briefing","language":"en"}],
          "statements": [{{statements}}]
        }
        """;

    private static (int Added, int Skipped, int Failed) Counts(JsonElement report) =>
        (report.GetProperty("added").GetInt32(), report.GetProperty("skipped").GetInt32(), report.GetProperty("failed").GetInt32());

    private static IEnumerable<JsonElement> Items(JsonElement report) => report.GetProperty("items").EnumerateArray();
}
