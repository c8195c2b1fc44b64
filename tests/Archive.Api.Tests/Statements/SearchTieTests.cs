using System.Text.Json;
using Archive.Store.Database;
using Archive.Store.Statements;
using Archive.Testing;
using Npgsql;
using Xunit;

namespace Archive.Api.Tests;

/// <summary>
/// A frequent word's matches fall into a few huge groups of equal rank (one word's distance depends only on how often
/// it occurs in the quote). Pages inside such a group, and pages that cross from one group (or tier) into the next,
/// must still be exact slices of the brute-force ranking — exact hits, distance, then id — however the page's rows
/// are found (ordered within what the index handed out, or by a walk of the ids when the group is larger than that).
/// </summary>
public sealed class SearchTieTests : IAsyncLifetime
{
    // (quote, copies): the first group is larger than the lookahead plus a page, so its pages come from the walk; the
    // others end within the lookahead. "harbours" is an exact hit of the query "harbours" only in the last quote.
    private static readonly (string Quote, int Copies)[] Quotes =
    [
        ("The harbour road will open in spring.", 2_700),
        ("Harbour trade grew, and the harbour road grew with it.", 100),
        ("A harbour, a harbour road, and a harbour again.", 30),
        ("The harbours are full of ships.", 30),
    ];
    private static readonly string[] Actors = ["lin-jian", "mao-ning"];

    private readonly string _schema = TestDatabase.NewSchema("ties");
    private NpgsqlDataSource _database = null!;

    public async ValueTask InitializeAsync()
    {
        await ArchiveDatabase.MigrateAsync(TestDatabase.ConnectionString, _schema, clusterSchema: null);
        _database = NpgsqlDataSource.Create(TestDatabase.ConnectionString);
        var quotes = Quotes.SelectMany(q => Enumerable.Repeat(q.Quote, q.Copies)).ToArray();
        var views = quotes.Select((quote, i) => new
        {
            // ids spread over the id space in an order unrelated to the quotes, as hashed statement ids are
            id = $"st-{i * 2_654_435_761L % 1_000_003:x20}", actorId = Actors[i % Actors.Length], sourceId = "src-0000000000000000", quote,
            quoteKind = "direct", saidOn = new DateOnly(2026, 1, 1).AddDays(i % 40), status = i % 3 == 0 ? "verified" : "recorded",
            topics = new[] { "cpec" }, span = new { start = 0, end = 10 }, revision = 1, recordedAt = DateTimeOffset.UnixEpoch,
        }).ToArray();
        await using var insert = _database.CreateCommand($"""
            insert into {_schema}.mt_doc_statementview (id, data)
            select v ->> 'id', v from jsonb_array_elements(@views) v
            """);
        insert.Parameters.AddWithValue("views", NpgsqlTypes.NpgsqlDbType.Jsonb, JsonSerializer.Serialize(views));
        await insert.ExecuteNonQueryAsync();
        await TestDatabase.Scalar($"analyze {_schema}.archive_statement_search; select 0");
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        await TestDatabase.Scalar($"drop schema if exists {_schema} cascade; select 0");
    }

    /// <summary>Every match ranked in full after all are collected, so no index orders them: (id, distance).</summary>
    private async Task<List<(string Id, float Distance)>> BruteForce(string q, string? actor = null)
    {
        await using var command = _database.CreateCommand($"""
            with every_match as materialized (
              select s.id, s.document, v.data from {_schema}.archive_statement_search s join {_schema}.mt_doc_statementview v on v.id = s.id
              where s.document @@ plainto_tsquery('english', @q) and (@actor::text is null or v.data ->> 'actorId' = @actor))
            select id, document <=> plainto_tsquery('english', @q) as distance from every_match
            order by strpos(lower(data ->> 'quote'), lower(@q)) > 0 desc, distance, id
            """);
        command.Parameters.AddWithValue("q", q);
        command.Parameters.AddWithValue("actor", (object?)actor ?? DBNull.Value);
        var rows = new List<(string, float)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetFloat(1)));
        return rows;
    }

    private async Task<StatementPage> Page(StatementFilter filter, string? cursor, int size) =>
        (await StatementQueries.Page(_database, _schema, filter, cursor, size, TestContext.Current.CancellationToken)).Value!;

    /// <summary>The first <paramref name="pages"/> pages (all when null), each followed by the cursor of the one before.</summary>
    private async Task<List<List<string>>> Pages(StatementFilter filter, int size, int? pages = null)
    {
        var read = new List<List<string>>();
        string? cursor = null;
        do
        {
            var page = await Page(filter, cursor, size);
            read.Add(page.Items.Select(i => i.Id).ToList());
            cursor = page.Next;
            Assert.True(read.Count <= 4_000, "the cursors do not come to an end");
        } while (cursor is not null && read.Count < (pages ?? int.MaxValue));
        return read;
    }

    [Theory]
    [InlineData("harbour", null)]
    [InlineData("harbours", null)]
    [InlineData("harbour road", null)]
    [InlineData("harbour", "mao-ning")]
    public async Task Search_LargeTieGroups_EveryPageIsTheNextSliceOfTheBruteForceRanking(string q, string? actor)
    {
        Assert.SkipUnless(await TestDatabase.RumInstalled(), "the tie groups are read from the RUM index's order");
        var expected = await BruteForce(q, actor);
        // the largest group is larger than the lookahead and a page: its pages come from the walk of the ids
        Assert.True(expected.GroupBy(e => e.Distance).Max(g => g.Count()) > StatementQueries.TieLookahead + 200);

        foreach (var size in new[] { 20, 200 })
        {
            var pages = await Pages(new StatementFilter(Q: q, Actor: actor), size);
            Assert.All(pages.SkipLast(1), p => Assert.Equal(size, p.Count));
            Assert.Equal(expected.Select(e => e.Id), pages.SelectMany(p => p)); // none skipped, none repeated, none out of order
        }
        var first = await Pages(new StatementFilter(Q: q, Actor: actor), 1, pages: 30);
        Assert.Equal(expected.Take(30).Select(e => e.Id), first.SelectMany(p => p));
    }

    [Fact]
    public async Task Search_CursorInsideALargeTieGroup_NextPageHoldsTheGroupsNextIds()
    {
        Assert.SkipUnless(await TestDatabase.RumInstalled(), "the tie groups are read from the RUM index's order");
        var expected = await BruteForce("harbour");
        var group = expected.GroupBy(e => e.Distance).MaxBy(g => g.Count())!.ToList();
        var start = expected.FindIndex(e => e.Id == group[0].Id);
        // four full pages end well inside the group (it starts after the better-ranked rows)
        string? cursor = null;
        for (var i = 0; i < 4; i++) cursor = (await Page(new StatementFilter(Q: "harbour"), cursor, 200)).Next;
        Assert.InRange(800 - start, 1, group.Count - 26);

        var next = await Page(new StatementFilter(Q: "harbour"), cursor, 25);

        Assert.Equal(group.Skip(800 - start).Take(25).Select(e => e.Id), next.Items.Select(i => i.Id));
        Assert.NotNull(next.Next);
    }

    [Fact]
    public async Task Search_PageCrossingIntoALargeTieGroup_EndsWithTheGroupsLowestIds()
    {
        Assert.SkipUnless(await TestDatabase.RumInstalled(), "the tie groups are read from the RUM index's order");
        var expected = await BruteForce("harbour");
        var largest = expected.GroupBy(e => e.Distance).MaxBy(g => g.Count())!.Key;
        var ranked = expected.Count(e => e.Distance < largest);
        Assert.InRange(ranked, 1, 200);

        var page = await Page(new StatementFilter(Q: "harbour"), null, ranked + 40);

        Assert.Equal(expected.Take(ranked + 40).Select(e => e.Id), page.Items.Select(i => i.Id));
        Assert.Equal(expected.Where(e => e.Distance == largest).Take(40).Select(e => e.Id), page.Items.Skip(ranked).Select(i => i.Id));
    }
}
