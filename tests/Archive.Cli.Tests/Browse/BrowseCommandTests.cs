using System.Text.Json;
using Archive.Cli.Tests.Archive;
using Xunit;

namespace Archive.Cli.Tests.Browse;

/// <summary>The repository's seeds, imported through the command line into a real archive once for the class.</summary>
public sealed class SeededArchive : IAsyncLifetime
{
    public ArchiveHost Host { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Host.InitializeAsync();
        var report = await Host.Json("import", ArchiveHost.RepositorySeeds);
        Assert.Equal(0, report.GetProperty("failed").GetInt32());
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

public sealed class BrowseCommandTests(SeededArchive seeded) : IClassFixture<SeededArchive>
{
    private readonly ArchiveHost _archive = seeded.Host;

    [Fact]
    public async Task StatementsList_AllInSmallPages_ReturnsEveryStatementOnce()
    {
        var all = await _archive.Json("statements", "list", "--all", "--limit", "7");

        var ids = Ids(all);
        Assert.Equal(49, ids.Length);
        Assert.Equal(49, ids.Distinct().Count());
        Assert.Equal(JsonValueKind.Null, all.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task StatementsList_Cursor_ContinuesWhereThePageEnded()
    {
        var first = await _archive.Json("statements", "list", "--limit", "5");
        var second = await _archive.Json("statements", "list", "--limit", "5", "--cursor", first.GetProperty("next").GetString()!);
        var ten = await _archive.Json("statements", "list", "--limit", "10");

        Assert.Equal(Ids(ten), Ids(first).Concat(Ids(second)).ToArray());
    }

    [Fact]
    public async Task StatementsList_Table_ShowsFilteredRowsAndTheNextCursor()
    {
        var outcome = await _archive.Run("statements", "list", "--actor", "lin-jian", "--limit", "2");

        Assert.Equal(0, outcome.Exit);
        Assert.Contains("Said on", outcome.Output);
        Assert.Equal(2, Lines(outcome.Output).Count(l => l.Contains(" lin-jian ")));
        Assert.Contains("more: archive statements list … --cursor ", outcome.Output);
    }

    [Fact]
    public async Task StatementsShowAndHistory_TableAndJson_DescribeTheVerifiedStatement()
    {
        var id = Ids(await _archive.Json("statements", "list", "--actor", "wang-yi", "--limit", "1")).Single();

        var json = await _archive.Json("statements", "show", id);
        var table = await _archive.Run("statements", "show", id);
        var history = await _archive.Json("statements", "history", id);
        var historyTable = await _archive.Run("statements", "history", id);

        Assert.Equal(("wang-yi", "verified"), (json.GetProperty("actorId").GetString(), json.GetProperty("status").GetString()));
        Assert.Equal(0, table.Exit);
        Assert.Contains("source-text-check", table.Output);
        Assert.Contains(json.GetProperty("source").GetProperty("title").GetString()!, table.Output);
        var types = history.EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToArray();
        Assert.Equal("statement_recorded", types[0]);
        Assert.Contains("statement_verified", types);
        Assert.Equal(0, historyTable.Exit);
        Assert.Contains("statement_verified", historyTable.Output);
        Assert.Contains("actor:wang-yi", historyTable.Output);
    }

    [Fact]
    public async Task StatementsShow_Unknown_ExitsOneWithTheArchivesReason()
    {
        var outcome = await _archive.Run("statements", "show", "st-00000000000000000000");

        Assert.Equal(1, outcome.Exit);
        Assert.Equal($"archive: the archive at {ArchiveHost.Url} answered 404 Not Found: Something the request names does not exist.; id: statement 'st-00000000000000000000' is not recorded",
            Assert.Single(outcome.ErrorLines));
    }

    [Fact]
    public async Task Search_TableAndJson_FindsTheWordsAndMarksThem()
    {
        var json = await _archive.Json("search", "Gwadar");
        var table = await _archive.Run("search", "Gwadar", "--limit", "3");

        var items = json.GetProperty("items").EnumerateArray().ToArray();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Contains("<mark>Gwadar</mark>", i.GetProperty("snippet").GetString()));
        Assert.Equal(0, table.Exit);
        Assert.Contains("Gwadar", table.Output);
        Assert.DoesNotContain("<mark>", table.Output);
        Assert.Equal(Math.Min(3, items.Length), Lines(table.Output).Count(l => l.Contains(" st-")));
    }

    [Fact]
    public async Task Actors_ListAndShow_TableAndJson()
    {
        var list = await _archive.Json("actors", "--all", "--limit", "4");
        var table = await _archive.Run("actors", "list");
        var show = await _archive.Json("actors", "show", "lin-jian");
        var showTable = await _archive.Run("actors", "show", "lin-jian");

        Assert.Equal(9, list.GetProperty("items").GetArrayLength());
        Assert.Contains("Mohammad Ishaq Dar", table.Output);
        var linJian = show.GetProperty("actor");
        Assert.Equal("Lin Jian", linJian.GetProperty("name").GetString());
        Assert.Equal(linJian.GetProperty("statementCount").GetInt32(), show.GetProperty("items").GetArrayLength());
        Assert.Equal(0, showTable.Exit);
        Assert.Contains("Chinese Foreign Ministry spokesperson", showTable.Output);
        Assert.Contains("media-cooperation", showTable.Output);
    }

    [Fact]
    public async Task Topics_ListAndShow_TableAndJson()
    {
        var list = await _archive.Json("topics", "list", "--all");
        var table = await _archive.Run("topics");
        var show = await _archive.Json("topics", "show", "gwadar-port", "--all", "--limit", "2");
        var showTable = await _archive.Run("topics", "show", "cpec", "--actor", "lin-jian");

        Assert.Equal(12, list.GetProperty("items").GetArrayLength());
        Assert.Contains("China-Pakistan Economic Corridor", table.Output);
        Assert.Equal("Gwadar Port", show.GetProperty("topic").GetProperty("title").GetString());
        Assert.Equal(show.GetProperty("topic").GetProperty("statementCount").GetInt32(), show.GetProperty("items").GetArrayLength());
        Assert.Equal(0, showTable.Exit);
        Assert.Contains("China-Pakistan Economic Corridor", showTable.Output);
        Assert.DoesNotContain(" wang-yi ", Lines(showTable.Output).Where(l => l.Contains(" st-")));
    }

    private static string[] Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToArray();

    private static string[] Lines(string text) => text.Split('\n');
}
