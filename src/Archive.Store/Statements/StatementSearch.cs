using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace Archive.Store.Statements;

/// <summary>
/// Full-text search over the statement views. The ranking: exact hits first (the quote holds a quoted phrase, or the
/// whole query as written, ignoring case), then RUM's distance <c>&lt;=&gt;</c> between the quote's search document and
/// the query, lowest first, then the statement id, so equal ranks page in one fixed order. With the RUM index a page
/// reads only the matches it returns, in that order (as of an instant, where documents are computed, every match is
/// ranked by the same distance). Without the RUM extension the ranking is the one before it, <c>ts_rank_cd</c> highest
/// first, over every match. Either way a page is the true top of the whole archive.
/// </summary>
public static partial class StatementQueries
{
    private static async Task<QueryResult<StatementPage>> Search(
        NpgsqlDataSource database, string schema, StatementFilter filter, SearchTerms search, CursorKey? after, int take, CancellationToken ct)
    {
        var ranking = await SearchRanking.Of(database, schema, ct);
        // a cursor holds a distance under RUM's ranking and a rank under the other: one issued before the ranking changed ends here
        if (after is not null && (ranking.Indexed ? after.Distance : after.Rank) is null)
            return QueryResult<StatementPage>.Refused([Archive.Domain.Common.DomainError.Invalid("cursor", "is not a cursor this query issued (the search ranking has changed since)")]);
        List<Row> rows;
        if (ranking.Indexed && filter.AsOf is null)
        {
            // Exact hits, then the others, each tier read from the index in rank order: the second only when the
            // first cannot fill the page (one more row than the page says whether there is a next one).
            await using var connection = await database.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
            rows = after is { Exact: 0 } ? [] : await Tier(connection, transaction, schema, ranking.RumSchema!, filter, search, exact: true, after, take + 1, ct);
            if (rows.Count <= take)
                rows.AddRange(await Tier(connection, transaction, schema, ranking.RumSchema!, filter, search, exact: false,
                    after is { Exact: 0 } ? after : null, take + 1 - rows.Count, ct));
            await transaction.CommitAsync(ct);
        }
        else rows = await EveryMatch(database, schema, ranking.RumSchema, filter, search, after, take, ct);
        var page = rows.Take(take).ToArray();
        var next = rows.Count <= take ? null : ranking.Indexed
            ? Cursor.Encode(new CursorKey(null, page[^1].View.Id, page[^1].Exact, page[^1].Rank, null))
            : Cursor.Encode(new CursorKey(null, page[^1].View.Id, page[^1].Exact, null, page[^1].Rank));
        return QueryResult<StatementPage>.Of(new StatementPage(Items(page), next));
    }

    private static string Headline(string tsquery) =>
        $"ts_headline('{StatementSearchSql.Configuration}', v.data ->> 'quote', ({tsquery}), 'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=30, MinWords=12')";

    /// <summary>
    /// Ranks every match, then keeps one page: without the RUM index, and as of an instant (the revisions' search
    /// documents are computed, not stored). Only the page's views are read and highlighted: ts_headline and the views'
    /// data cost far more than ranking, and a frequent word matches a large part of the archive.
    /// </summary>
    private static async Task<List<Row>> EveryMatch(NpgsqlDataSource database, string schema, string? rumSchema, StatementFilter filter,
        SearchTerms search, CursorKey? after, int take, CancellationToken ct)
    {
        await using var command = database.CreateCommand();
        var (where, table) = Filtered(command, schema, filter);
        var stored = filter.AsOf is null;
        var (tsquery, exactHit) = search.ToSql(command, stored ? "s.quote" : "lower(data ->> 'quote')");
        var document = stored ? "s.document" : StatementSearchSql.Document(schema, "data ->> 'quote'");
        // RUM's distance (lowest first) where its operator exists; else ts_rank_cd (highest first), the ranking before RUM
        var distance = rumSchema is not null ? $"({document} operator({rumSchema}.<=>) ({tsquery}))" : $"ts_rank_cd({document}, ({tsquery}))::real";
        var (order, beyond) = rumSchema is not null ? ("", ">") : (" desc", "<");
        var searchTable = $"{schema}.{StatementSearchSql.Table}";
        var from = !stored ? table : where.Count > 0 ? $"{searchTable} s join {table} v on v.id = s.id" : $"{searchTable} s";
        where.Insert(0, $"{document} @@ ({tsquery})");
        var ranked = $"""
            select {(stored ? "s.id" : "id")} as id, ({exactHit})::int as exact, {distance} as distance {(stored ? "" : ", data")}
            from {from} where {string.Join(" and ", where)}
            """;
        var keyset = "";
        if ((rumSchema is not null ? after?.Distance : after?.Rank) is { } d)
        {
            command.Parameters.AddWithValue("ce", after!.Exact);
            command.Parameters.AddWithValue("cr", NpgsqlDbType.Real, d);
            command.Parameters.AddWithValue("ci", after.Id);
            keyset = $"where (exact < @ce) or (exact = @ce and distance {beyond} @cr) or (exact = @ce and distance = @cr and id > @ci)";
        }
        var onePage = $"select * from ({ranked}) hits {keyset} order by exact desc, distance{order}, id limit {take + 1}";
        command.CommandText = stored
            ? $"select v.data::text, {Headline(tsquery)}, p.exact, p.distance from ({onePage}) p join {table} v on v.id = p.id order by p.exact desc, p.distance{order}, p.id"
            : $"select v.data::text, {Headline(tsquery)}, v.exact, v.distance from ({onePage}) v order by v.exact desc, v.distance{order}, v.id";
        return await Rows(command, ct);
    }

    /// <summary>"quoted phrases", prefix* terms and plain words, each becoming a parameterised tsquery.</summary>
    private sealed partial class SearchTerms
    {
        private readonly List<string> _phrases = [];
        private readonly List<string> _prefixes = [];
        private readonly List<string> _words = [];
        private string _whole = "";

        public bool IsEmpty => _phrases.Count == 0 && _prefixes.Count == 0 && _words.Count == 0;

        public static SearchTerms Parse(string q)
        {
            var terms = new SearchTerms();
            var rest = PhrasePattern().Replace(q, m =>
            {
                if (m.Groups[1].Value.Trim().Length > 0) terms._phrases.Add(m.Groups[1].Value.Trim());
                return " ";
            });
            foreach (var token in rest.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                if (token.EndsWith('*'))
                {
                    var stem = new string(token.TrimEnd('*').Where(char.IsLetterOrDigit).ToArray());
                    if (stem.Length > 0) terms._prefixes.Add(stem.ToLowerInvariant());
                }
                else if (token.Any(char.IsLetterOrDigit)) terms._words.Add(token);
            }
            terms._whole = string.Join(' ', q.Replace("\"", " ").Replace("*", " ").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            return terms;
        }

        /// <summary>The tsquery expression and the "exact hit" expression, with their parameters added to the command.</summary>
        public (string TsQuery, string Exact) ToSql(NpgsqlCommand command, string lowerQuote)
        {
            string Param(string value)
            {
                var name = $"s{command.Parameters.Count}";
                command.Parameters.AddWithValue(name, value);
                return "@" + name;
            }
            var cfg = $"'{StatementSearchSql.Configuration}'::regconfig";
            var parts = new List<string>();
            parts.AddRange(_phrases.Select(p => $"phraseto_tsquery({cfg}, {Param(p)})"));
            parts.AddRange(_prefixes.Select(p => $"to_tsquery({cfg}, {Param(p)} || ':*')"));
            if (_words.Count > 0) parts.Add($"plainto_tsquery({cfg}, {Param(string.Join(' ', _words))})");
            // An exact hit contains a quoted phrase, or the whole query as written, ignoring case.
            var exact = _phrases.Select(p => $"strpos({lowerQuote}, lower({Param(p)})) > 0")
                .Append($"strpos({lowerQuote}, lower({Param(_whole)})) > 0");
            return (string.Join(" && ", parts), string.Join(" or ", exact));
        }

        [GeneratedRegex("\"([^\"]*)\"?")]
        private static partial Regex PhrasePattern();
    }
}
