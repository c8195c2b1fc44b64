using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Archive.Domain.Common;
using Archive.Domain.Statements;
using Npgsql;
using NpgsqlTypes;

namespace Archive.Store.Statements;

public sealed record StatementItem(
    string Id, string ActorId, string SourceId, string Quote, string QuoteKind, DateOnly SaidOn, string Status,
    IReadOnlyList<string> Topics, TextSpan Span, int Revision, DateTimeOffset RecordedAt, string? Snippet);

public sealed record StatementPage(IReadOnlyList<StatementItem> Items, string? Next);

/// <summary>
/// What a statement query may filter on; every field is optional. <see cref="TopicFamily"/>, when given, replaces
/// <see cref="Topic"/> with every topic of its family (a timeline's subtopics and merged topics).
/// </summary>
public sealed record StatementFilter(
    string? Q = null, string? Actor = null, string? Topic = null, string? Status = null, string? QuoteKind = null,
    DateOnly? SaidFrom = null, DateOnly? SaidTo = null, DateTimeOffset? RecordedFrom = null, DateTimeOffset? RecordedTo = null,
    DateTimeOffset? AsOf = null, IReadOnlyList<string>? TopicFamily = null);

/// <summary>
/// Statement queries over the inline statement view: filters, PostgreSQL full-text search (English configuration,
/// "quoted phrases" and prefix* terms) with highlighted snippets, and keyset pagination with an opaque cursor,
/// so pages never skip or repeat while statements are being recorded.
/// </summary>
public static partial class StatementQueries
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    private static readonly string[] Statuses = [StatementStatus.Recorded, StatementStatus.Verified, StatementStatus.Disputed, StatementStatus.Retracted];

    /// <summary>One page of the statements the filter selects; refused (with every bad field) when the filter or cursor is invalid.</summary>
    public static async Task<QueryResult<StatementPage>> Page(
        NpgsqlDataSource database, string schema, StatementFilter filter, string? cursor, int? limit, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        if (filter.Actor is not null) Checks.Slug(errors, "actor", filter.Actor);
        if (filter.Topic is not null) Checks.Slug(errors, "topic", filter.Topic);
        Checks.OneOf(errors, "status", filter.Status, Statuses, required: false);
        Checks.OneOf(errors, "quoteKind", filter.QuoteKind, QuoteKinds.All, required: false);
        if (filter.Q is { } text) Checks.Text(errors, "q", text, 500);
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit) errors.Add(DomainError.Invalid("limit", $"must be between 1 and {MaxLimit}"));
        var search = filter.Q is { } qText && errors.Count == 0 ? SearchTerms.Parse(qText) : null;
        if (search is { IsEmpty: true }) errors.Add(DomainError.Invalid("q", "has no words to search for"));
        var after = cursor is null ? null : Cursor.Decode(cursor, search is not null);
        if (cursor is not null && after is null) errors.Add(DomainError.Invalid("cursor", "is not a cursor this query issued"));
        if (errors.Count > 0) return QueryResult<StatementPage>.Refused(errors);

        await using var command = database.CreateCommand();
        var where = new List<string>();
        void Where(string clause, object value, NpgsqlDbType? type = null)
        {
            var name = $"p{command.Parameters.Count}";
            where.Add(clause.Replace("@v", "@" + name));
            if (type is { } t) command.Parameters.AddWithValue(name, t, value); else command.Parameters.AddWithValue(name, value);
        }
        if (filter.Actor is not null) Where("data ->> 'actorId' = @v", filter.Actor);
        if (filter.TopicFamily is { Count: > 0 } family) Where("data -> 'topics' ?| @v", family.ToArray());
        else if (filter.Topic is not null) Where("data -> 'topics' @> jsonb_build_array(@v::text)", filter.Topic);
        if (filter.Status is not null) Where("data ->> 'status' = @v", filter.Status);
        if (filter.QuoteKind is not null) Where("data ->> 'quoteKind' = @v", filter.QuoteKind);
        if (filter.SaidFrom is { } sf) Where("data ->> 'saidOn' >= @v", sf.ToString("yyyy-MM-dd"));
        if (filter.SaidTo is { } st) Where("data ->> 'saidOn' <= @v", st.ToString("yyyy-MM-dd"));
        if (filter.RecordedFrom is { } rf) Where("(data ->> 'recordedAt')::timestamptz >= @v", rf);
        if (filter.RecordedTo is { } rt) Where("(data ->> 'recordedAt')::timestamptz < @v", rt);

        string sql;
        var table = $"{schema}.mt_doc_statementview";
        if (filter.AsOf is { } asOf)
        {
            // Transaction time: each statement's revision whose [recordedFrom, recordedTo) holds the instant.
            command.Parameters.AddWithValue("asof", asOf);
            table = $"""
                (select d.id, r.value -> 'view' as data
                 from {schema}.mt_doc_statementrevisions d, jsonb_array_elements(d.data -> 'revisions') r
                 where (r.value ->> 'recordedFrom')::timestamptz <= @asof
                   and (r.value ->> 'recordedTo' is null or (r.value ->> 'recordedTo')::timestamptz > @asof)) as_of
                """;
        }
        if (search is null)
        {
            if (after is { } key)
            {
                command.Parameters.AddWithValue("cs", key.SaidOn!);
                command.Parameters.AddWithValue("ci", key.Id);
                where.Add("(data ->> 'saidOn', id) > (@cs, @ci)");
            }
            sql = $"""
                select data::text, null::text, 0, 0::real from {table}
                {(where.Count > 0 ? "where " + string.Join(" and ", where) : "")}
                order by data ->> 'saidOn', id limit {take + 1}
                """;
        }
        else
        {
            // Two steps: rank every match by what the search needs (exact hit, rank, id), keep one page of them, and
            // only then read those views and highlight their quotes: ts_headline and the views' data cost far more
            // than ranking, and a frequent word matches a large part of the archive.
            // The current views' search documents and lower-case quotes are stored beside them (GIN-indexed), so the
            // ranking reads that table alone unless a filter needs the views; revisions, as of an instant, compute theirs.
            var stored = filter.AsOf is null;
            var quote = stored ? "s.quote" : "lower(data ->> 'quote')";
            var (tsquery, exact) = search.ToSql(command, quote);
            var document = stored ? "s.document" : StatementSearchSql.Document(schema, "data ->> 'quote'");
            var searchTable = $"{schema}.{StatementSearchSql.Table}";
            var from = !stored ? table : where.Count > 0 ? $"{searchTable} s join {table} v on v.id = s.id" : $"{searchTable} s";
            where.Insert(0, $"{document} @@ ({tsquery})");
            var ranked = $"""
                select {(stored ? "s.id" : "id")} as id, ({exact})::int as exact, ts_rank_cd({document}, ({tsquery}))::real as rank
                       {(stored ? "" : ", data")}
                from {from} where {string.Join(" and ", where)}
                """;
            var keyset = "";
            if (after is { } key)
            {
                command.Parameters.AddWithValue("ce", key.Exact);
                command.Parameters.AddWithValue("cr", NpgsqlDbType.Real, key.Rank);
                command.Parameters.AddWithValue("ci", key.Id);
                keyset = "where (exact < @ce) or (exact = @ce and rank < @cr) or (exact = @ce and rank = @cr and id > @ci)";
            }
            var onePage = $"select * from ({ranked}) hits {keyset} order by exact desc, rank desc, id limit {take + 1}";
            var headline = $"ts_headline('{StatementSearchSql.Configuration}', data ->> 'quote', ({tsquery}), 'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=30, MinWords=12')";
            sql = stored
                ? $"select v.data::text, {headline}, p.exact, p.rank from ({onePage}) p join {table} v on v.id = p.id order by p.exact desc, p.rank desc, p.id"
                : $"select data::text, {headline}, exact, rank from ({onePage}) p order by exact desc, rank desc, id";
        }
        command.CommandText = sql;

        var rows = new List<(StatementView View, string? Snippet, int Exact, float Rank)>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var view = JsonSerializer.Deserialize<StatementView>(reader.GetString(0), Json)!;
                rows.Add((view, reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2), reader.GetFloat(3)));
            }
        }
        var page = rows.Take(take).ToArray();
        var items = page.Select(r => new StatementItem(r.View.Id, r.View.ActorId, r.View.SourceId, r.View.Quote, r.View.QuoteKind,
            r.View.SaidOn, r.View.Status, r.View.Topics, r.View.Span, r.View.Revision, r.View.RecordedAt, r.Snippet)).ToArray();
        string? next = null;
        if (rows.Count > take)
        {
            var last = page[^1];
            next = search is null
                ? Cursor.Encode(new CursorKey(last.View.SaidOn.ToString("yyyy-MM-dd"), last.View.Id, 0, 0))
                : Cursor.Encode(new CursorKey(null, last.View.Id, last.Exact, last.Rank));
        }
        return QueryResult<StatementPage>.Of(new StatementPage(items, next));
    }

    /// <summary>How the views' jsonb reads back (Marten writes them with the web defaults: camelCase).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record CursorKey(string? SaidOn, string Id, int Exact, float Rank);

    /// <summary>An opaque position in the query's order; a cursor of a search is not one of a plain list.</summary>
    private static class Cursor
    {
        public static string Encode(CursorKey key) =>
            Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(key, Json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static CursorKey? Decode(string cursor, bool search)
        {
            try
            {
                var padded = cursor.Replace('-', '+').Replace('_', '/');
                padded += new string('=', (4 - padded.Length % 4) % 4);
                var key = JsonSerializer.Deserialize<CursorKey>(Convert.FromBase64String(padded), Json);
                if (key is null || !StatementIds.IsWellFormed(key.Id)) return null;
                if (search) return key.SaidOn is null && key.Exact is 0 or 1 ? key : null;
                return key.SaidOn is not null && DateOnly.TryParseExact(key.SaidOn, "yyyy-MM-dd", out _) ? key : null;
            }
            catch (Exception e) when (e is FormatException or JsonException)
            {
                return null;
            }
        }
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
