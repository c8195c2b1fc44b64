using System.Text.Json;
using Archive.Store.Database;
using Archive.Store.Statements;
using Archive.Testing;
using Npgsql;
using Xunit;

namespace Archive.Api.Tests;

/// <summary>
/// Search returns the true top of the archive by its ranking (exact hits first, then RUM's distance, then id), whether
/// PostgreSQL reads the matches in rank order from the RUM index or ranks every one of them: each page, followed by
/// its cursor, must be exactly the next slice of a brute-force ranking of every match, ties included.
/// </summary>
public sealed class SearchRankingTests : IAsyncLifetime
{
    // Few distinct quotes over many statements: most ranks are tied, so order within a tie is the id's alone.
    private static readonly string[] Quotes =
    [
        "The harbour road will open in spring.",
        "Harbour trade grew, and the harbour road grew with it.",
        "We spoke of trade and of friendship.",
        "The road to the harbour is long; the harbour road is longer.",
        "Harbour road works resume.",
        "Trade across the harbour and the road beyond.",
        "Friendship is our harbour.",
        "A road, a harbour, a road again, a harbour again, and trade.",
    ];
    private static readonly string[] Actors = ["lin-jian", "mao-ning", "wang-yi"];
    private const int Statements = 360;

    private readonly string _schema = TestDatabase.NewSchema("rank");
    private NpgsqlDataSource _database = null!;

    public async ValueTask InitializeAsync()
    {
        await ArchiveDatabase.MigrateAsync(TestDatabase.ConnectionString, _schema, clusterSchema: null);
        _database = NpgsqlDataSource.Create(TestDatabase.ConnectionString);
        // Views written as the projection writes them; the search rows follow from the views' trigger.
        await using var insert = _database.CreateCommand($"""
            insert into {_schema}.mt_doc_statementview (id, data)
            select v ->> 'id', v from jsonb_array_elements(@views) v
            """);
        var views = Enumerable.Range(0, Statements).Select(i => new
        {
            // ids not in the order of their quotes, so the tie-breaker is seen to work
            id = $"st-{(i * 7919 % 100_003):x20}", actorId = Actors[i % Actors.Length], sourceId = "src-0000000000000000", quote = Quotes[i * 5 % Quotes.Length],
            quoteKind = "direct", saidOn = new DateOnly(2026, 1, 1).AddDays(i % 40), status = i % 5 == 0 ? "verified" : "recorded",
            topics = new[] { "cpec" }, span = new { start = 0, end = 10 }, revision = 1, recordedAt = DateTimeOffset.UnixEpoch,
        }).ToArray();
        insert.Parameters.AddWithValue("views", NpgsqlTypes.NpgsqlDbType.Jsonb, JsonSerializer.Serialize(views));
        await insert.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        await TestDatabase.Scalar($"drop schema if exists {_schema} cascade; select 0");
    }

    public static TheoryData<string> Queries() => ["harbour road", "harbour", "\"harbour road\"", "trade harbour", "friendship trade"];

    /// <summary>
    /// Every match of <paramref name="q"/>, ranked in full by a query of its own: the oracle. Under RUM the distance
    /// of each match is computed after all of them are collected (so no index can order them); without RUM, ts_rank_cd.
    /// </summary>
    private async Task<List<string>> BruteForce(string q, string? actor = null, string? status = null)
    {
        var phrase = q.StartsWith('"');
        var words = q.Trim('"');
        var tsquery = phrase ? "phraseto_tsquery('english', @words)" : "plainto_tsquery('english', @words)";
        var rank = (await SearchRanking.Of(_database, _schema, TestContext.Current.CancellationToken)).Indexed
            ? $"document <=> {tsquery}" : $"ts_rank_cd(document, {tsquery}) desc";
        await using var command = _database.CreateCommand($"""
            with every_match as materialized (
              select s.id, s.document, v.data from {_schema}.archive_statement_search s join {_schema}.mt_doc_statementview v on v.id = s.id
              where s.document @@ {tsquery} and (@actor::text is null or v.data ->> 'actorId' = @actor) and (@status::text is null or v.data ->> 'status' = @status))
            select id from every_match
            order by strpos(lower(data ->> 'quote'), lower(@words)) > 0 desc, {rank}, id
            """);
        command.Parameters.AddWithValue("words", words);
        command.Parameters.AddWithValue("actor", (object?)actor ?? DBNull.Value);
        command.Parameters.AddWithValue("status", (object?)status ?? DBNull.Value);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
        return ids;
    }

    /// <summary>Every page of the search, followed by cursor, in order.</summary>
    private async Task<List<List<string>>> Pages(StatementFilter filter, int size)
    {
        var pages = new List<List<string>>();
        string? cursor = null;
        do
        {
            var page = (await StatementQueries.Page(_database, _schema, filter, cursor, size, TestContext.Current.CancellationToken)).Value!;
            pages.Add(page.Items.Select(i => i.Id).ToList());
            cursor = page.Next;
            Assert.True(pages.Count <= Statements, "the cursors do not come to an end");
        } while (cursor is not null);
        return pages;
    }

    private async Task AssertPagesAreTheBruteForceRanking(string q, string? actor = null, string? status = null)
    {
        var expected = await BruteForce(q, actor, status);
        Assert.NotEmpty(expected);
        foreach (var size in new[] { 1, 7, 50 })
        {
            var pages = await Pages(new StatementFilter(Q: q, Actor: actor, Status: status), size);
            Assert.Equal(expected.Take(size), pages[0]); // the top k
            Assert.All(pages.SkipLast(1), p => Assert.Equal(size, p.Count));
            Assert.Equal(expected, pages.SelectMany(p => p)); // every later page the next slice: none skipped, none repeated
        }
    }

    [Fact]
    public async Task Migration_WhereRumIsCreated_KeepsOnlyTheRankedIndex()
    {
        var methods = await TestDatabase.Column<string>($"""
            select a.amname::text from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
            where i.indrelid = '{_schema}.archive_statement_search'::regclass and a.amname <> 'btree'
            """);
        var ranking = await SearchRanking.Read(_database, _schema, TestContext.Current.CancellationToken);
        Assert.Equal(await TestDatabase.RumInstalled() ? ["rum"] : ["gin"], methods);
        Assert.Equal(await TestDatabase.RumInstalled(), ranking.Indexed);
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Search_ManyTiedRanks_EveryPageIsTheNextSliceOfTheBruteForceRanking(string q) =>
        await AssertPagesAreTheBruteForceRanking(q);

    [Theory]
    [InlineData("harbour road", "mao-ning", null)]
    [InlineData("harbour", "wang-yi", "verified")]
    [InlineData("trade", null, "verified")]
    public async Task Search_WithFilters_PagesThroughTheFilteredBruteForceRanking(string q, string? actor, string? status) =>
        await AssertPagesAreTheBruteForceRanking(q, actor, status);

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Search_WithoutTheRumIndex_RanksEveryMatchByTheEarlierRanking(string q)
    {
        // as on a PostgreSQL without the extension: the migration's GIN index, and the schema known to have no RUM index
        await TestDatabase.Scalar(StatementSearchSql.IndexSql(_schema, rumSchema: null) + "select 1");
        SearchRanking.Remember(TestDatabase.ConnectionString, _schema, SearchRanking.EveryMatch("test"));

        Assert.False((await SearchRanking.Read(_database, _schema, TestContext.Current.CancellationToken)).Indexed);
        await AssertPagesAreTheBruteForceRanking(q);
        await AssertPagesAreTheBruteForceRanking(q, "lin-jian", "recorded");
    }

    [Fact]
    public async Task Search_CursorOfTheEarlierRanking_IsRefusedAsNotACursorOfThisQuery()
    {
        // a search cursor as issued before the ranking became RUM's: a rank where a distance now stands
        var old = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new { id = $"st-{1:x20}", exact = 1, rank = 0.5 }))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var result = await StatementQueries.Page(_database, _schema, new StatementFilter(Q: "harbour"), old, 10, TestContext.Current.CancellationToken);

        // still a cursor where the ranking is still that one (no RUM)
        if ((await SearchRanking.Of(_database, _schema, TestContext.Current.CancellationToken)).Indexed)
        {
            Assert.Null(result.Value);
            Assert.Contains(result.Errors, e => e.Field == "cursor");
        }
        else Assert.NotNull(result.Value);
    }
}
