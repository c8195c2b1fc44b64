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

        if (search is not null) return await Search(database, schema, filter, search, after, take, ct);

        await using var command = database.CreateCommand();
        var (where, table) = Filtered(command, schema, filter);
        if (after is { } key)
        {
            command.Parameters.AddWithValue("cs", key.SaidOn!);
            command.Parameters.AddWithValue("ci", key.Id);
            where.Add("(data ->> 'saidOn', id) > (@cs, @ci)");
        }
        command.CommandText = $"""
            select data::text, null::text, 0, 0::real from {table}
            {(where.Count > 0 ? "where " + string.Join(" and ", where) : "")}
            order by data ->> 'saidOn', id limit {take + 1}
            """;
        var rows = await Rows(command, ct);
        var page = rows.Take(take).ToArray();
        var next = rows.Count > take ? Cursor.Encode(new CursorKey(page[^1].View.SaidOn.ToString("yyyy-MM-dd"), page[^1].View.Id, 0, null, null)) : null;
        return QueryResult<StatementPage>.Of(new StatementPage(Items(page), next));
    }

    /// <summary>The filter's conditions on the views (or, as of an instant, on the revisions that were current then), as parameters of the command.</summary>
    private static (List<string> Where, string Table) Filtered(NpgsqlCommand command, string schema, StatementFilter filter)
    {
        var where = new List<string>();
        void Where(string clause, object value)
        {
            var name = $"p{command.Parameters.Count}";
            where.Add(clause.Replace("@v", "@" + name));
            command.Parameters.AddWithValue(name, value);
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
        return (where, table);
    }

    private sealed record Row(StatementView View, string? Snippet, int Exact, float Rank);

    /// <summary>Reads rows of (view, snippet, exact hit, rank).</summary>
    private static async Task<List<Row>> Rows(NpgsqlCommand command, CancellationToken ct)
    {
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var view = JsonSerializer.Deserialize<StatementView>(reader.GetString(0), Json)!;
            rows.Add(new Row(view, reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2), reader.GetFloat(3)));
        }
        return rows;
    }

    private static StatementItem[] Items(IEnumerable<Row> rows) => rows.Select(r => new StatementItem(r.View.Id, r.View.ActorId,
        r.View.SourceId, r.View.Quote, r.View.QuoteKind, r.View.SaidOn, r.View.Status, r.View.Topics, r.View.Span, r.View.Revision,
        r.View.RecordedAt, r.Snippet)).ToArray();

    /// <summary>How the views' jsonb reads back (Marten writes them with the web defaults: camelCase).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A list's position (said-on, id) or a search's: exact hit, then RUM's distance or (without RUM) the rank, then id.</summary>
    private sealed record CursorKey(string? SaidOn, string Id, int Exact, float? Distance, float? Rank);

    // A match's distance may be infinite (a rank of zero), which JSON numbers cannot hold.
    private static readonly JsonSerializerOptions CursorJson = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>An opaque position in the query's order; a cursor of a search is not one of a plain list.</summary>
    private static class Cursor
    {
        public static string Encode(CursorKey key) =>
            Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(key, CursorJson)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static CursorKey? Decode(string cursor, bool search)
        {
            try
            {
                var padded = cursor.Replace('-', '+').Replace('_', '/');
                padded += new string('=', (4 - padded.Length % 4) % 4);
                var key = JsonSerializer.Deserialize<CursorKey>(Convert.FromBase64String(padded), CursorJson);
                if (key is null || !StatementIds.IsWellFormed(key.Id)) return null;
                if (search) return key.SaidOn is null && key.Exact is 0 or 1 && (key.Distance is null) != (key.Rank is null) && !float.IsNaN(key.Distance ?? key.Rank ?? 0) ? key : null;
                return key.SaidOn is not null && DateOnly.TryParseExact(key.SaidOn, "yyyy-MM-dd", out _) ? key : null;
            }
            catch (Exception e) when (e is FormatException or JsonException)
            {
                return null;
            }
        }
    }
}
