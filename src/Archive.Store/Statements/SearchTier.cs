using Npgsql;
using NpgsqlTypes;

namespace Archive.Store.Statements;

/// <summary>
/// One tier of a search (exact hits or the others) read from the RUM index: the page's rows in (distance, id) order
/// without reading every row tied with its last. A single word's distance depends only on how often the word occurs
/// in the quote, so the matches of a frequent word fall into a few huge groups of equal distance; the page's
/// boundary usually lies inside one, and ordering that whole group by id (which keeps pages exact and stable) read
/// every row of it from the table.
/// </summary>
public static partial class StatementQueries
{
    /// <summary>
    /// How far past the page the index's order is read to see where the boundary's tie group ends. A group that ends
    /// within it is ordered by id as it stands, as before; a larger one is walked in id order instead, which finds its
    /// first rows after about <c>rows × page ÷ group</c> rows of the table (≤ 2,400 at 100k rows and 21 a page). Each
    /// row costs about the same either way (a walked row 1.1–1.4× a row in the index's order, measured), so at 100k
    /// rows the walk breaks even near 2,300 rows, costs up to four times the old way just above this, and a small
    /// fraction for the groups of thousands that frequent words make.
    /// </summary>
    public const int TieLookahead = 1000;

    private sealed record TierCommand(NpgsqlCommand Command, List<string> Filters, string Table, string TsQuery, string ExactHit, string Distance);

    private static TierCommand NewTierCommand(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema,
        string rumSchema, StatementFilter filter, SearchTerms search)
    {
        var command = new NpgsqlCommand(null, connection, transaction);
        var (filters, table) = Filtered(command, schema, filter);
        var (tsquery, exactHit) = search.ToSql(command, "s.quote");
        return new TierCommand(command, filters, table, tsquery, exactHit, $"(s.document operator({rumSchema}.<=>) ({tsquery}))");
    }

    /// <summary>
    /// One tier in rank order, at most <paramref name="limit"/> rows after the cursor: the first rows in the index's
    /// distance order (RUM computes each match's distance from the word positions it stores, then hands them out
    /// lowest first), looking <see cref="TieLookahead"/> rows further to see whether the tie group at the page's
    /// boundary ends there. If it does not, the group's first rows by id come from a walk of the primary key. A filter
    /// on the views is checked on each match in that order (or, when it is the more selective, PostgreSQL starts from
    /// the views' indexes and ranks the few statements it finds). Run in one snapshot, so the steps agree.
    /// </summary>
    private static async Task<List<Row>> Tier(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, string rumSchema,
        StatementFilter filter, SearchTerms search, bool exact, CursorKey? after, int limit, CancellationToken ct)
    {
        var (first, boundary) = await FirstInIndexOrder(connection, transaction, schema, rumSchema, filter, search, exact, after, limit, ct);
        if (boundary is not { } d) return first;

        // keep the rows ranked before the boundary's group, and take the rest of the page from that group in id order
        var ids = first.Where(r => r.Rank < d).Select(r => r.View.Id).ToList();
        var distances = first.Where(r => r.Rank < d).Select(r => r.Rank).ToList();
        var walked = await WalkTieGroup(connection, transaction, schema, rumSchema, filter, search, exact, d,
            after is { Distance: { } cd } && cd == d ? after.Id : "", limit - ids.Count, ct);
        ids.AddRange(walked);
        distances.AddRange(walked.Select(_ => d));
        if (ids.Count == 0) return [];

        await using var command = new NpgsqlCommand(null, connection, transaction);
        var (tsquery, _) = search.ToSql(command, "v.data ->> 'quote'");
        command.Parameters.AddWithValue("pi", NpgsqlDbType.Array | NpgsqlDbType.Text, ids.ToArray());
        command.Parameters.AddWithValue("pd", NpgsqlDbType.Array | NpgsqlDbType.Real, distances.ToArray());
        command.CommandText = $"""
            select v.data::text, {Headline(tsquery)}, {(exact ? 1 : 0)}, p.distance
            from unnest(@pi, @pd) p(id, distance)
            join {schema}.mt_doc_statementview v on v.id = p.id
            order by p.distance, p.id
            """;
        return await Rows(command, ct);
    }

    /// <summary>
    /// The tier's first <paramref name="limit"/> rows in (distance, id) order, read from the index's order with the
    /// rows tied with the last of them, at most <see cref="TieLookahead"/> rows more; and, when that cap cut the tie
    /// group short (so its lowest ids may not be among the rows read), the group's distance. The views and snippets
    /// are read in the same statement when the rows are the page (the usual case), so it costs one round trip.
    /// </summary>
    private static async Task<(List<Row> Rows, float? Boundary)> FirstInIndexOrder(NpgsqlConnection connection,
        NpgsqlTransaction transaction, string schema, string rumSchema, StatementFilter filter, SearchTerms search, bool exact,
        CursorKey? after, int limit, CancellationToken ct)
    {
        var tier = NewTierCommand(connection, transaction, schema, rumSchema, filter, search);
        await using var command = tier.Command;
        var where = new List<string> { $"s.document @@ ({tier.TsQuery})" };
        where.AddRange(tier.Filters);
        where.Add(exact ? $"({tier.ExactHit})" : $"not ({tier.ExactHit})");
        if (after is { Distance: { } d })
        {
            command.Parameters.AddWithValue("cr", NpgsqlDbType.Real, d);
            command.Parameters.AddWithValue("ci", after.Id);
            where.Add($"({tier.Distance} > @cr or ({tier.Distance} = @cr and s.id > @ci))");
        }
        var from = $"{schema}.{StatementSearchSql.Table} s" + (tier.Filters.Count > 0 ? $" join {tier.Table} v on v.id = s.id" : "");
        var read = limit + TieLookahead;
        // PostgreSQL orders by the index's distance alone, not by (distance, id): so read the first rows in its order
        // with the rows tied with the last of them, but no more than the lookahead, and order those by id too. Fewer
        // rows than that cap means the page's last distance ends among them.
        command.CommandText = $"""
            select v.data, v.snippet, {(exact ? 1 : 0)}, p.distance, p.complete, p.id
            from (select id, distance, count(*) over () < {read} as complete
                  from (select * from (select s.id, {tier.Distance} as distance from {from}
                                       where {string.Join(" and ", where)}
                                       order by {tier.Distance} fetch first {limit} rows with ties) tied
                        limit {read}) f
                  order by distance, id limit {limit}) p
            left join lateral (select v.data::text as data, {Headline(tier.TsQuery)} as snippet
                               from {schema}.mt_doc_statementview v where v.id = p.id and p.complete) v on true
            order by p.distance, p.id
            """;
        var rows = new List<Row>();
        var ids = new List<string>();
        var complete = true;
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
            {
                complete = reader.GetBoolean(4);
                if (complete && reader.IsDBNull(0)) continue; // a search row whose view is gone, as an inner join would drop it
                var view = complete
                    ? System.Text.Json.JsonSerializer.Deserialize<StatementView>(reader.GetString(0), Json)!
                    : new StatementView { Id = reader.GetString(5) };
                rows.Add(new Row(view, reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2), reader.GetFloat(3)));
            }
        return (rows, complete ? null : rows[^1].Rank);
    }

    /// <summary>
    /// The first <paramref name="count"/> rows by id after <paramref name="afterId"/> among the tier's matches at
    /// distance <paramref name="distance"/>, found by walking the primary key and testing each row. Statement ids are
    /// hashes, so a group's rows are spread evenly over the ids and the walk stops after about
    /// <c>rows × count ÷ group</c> rows. The planner would rather rank every match and sort; only this walk is exact
    /// at that cost, so its sorts, bitmap and sequential scans are switched off for this one statement.
    /// </summary>
    private static async Task<List<string>> WalkTieGroup(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema,
        string rumSchema, StatementFilter filter, SearchTerms search, bool exact, float distance, string afterId, int count, CancellationToken ct)
    {
        var tier = NewTierCommand(connection, transaction, schema, rumSchema, filter, search);
        await using var command = tier.Command;
        command.Parameters.AddWithValue("wd", NpgsqlDbType.Real, distance);
        command.Parameters.AddWithValue("wi", afterId);
        var filtered = tier.Filters.Count > 0
            ? $" and exists (select 1 from {tier.Table} v where v.id = s.id and {string.Join(" and ", tier.Filters)})"
            : "";
        const string Planner = "from pg_settings where name in ('enable_sort', 'enable_bitmapscan', 'enable_seqscan')";
        command.CommandText = $"""
            select set_config(name, 'off', true) {Planner};
            select s.id from {schema}.{StatementSearchSql.Table} s
            where s.id > @wi and s.document @@ ({tier.TsQuery}) and {(exact ? "" : "not ")}({tier.ExactHit})
              and {tier.Distance} = @wd{filtered}
            order by s.id limit {count};
            select set_config(name, reset_val, true) {Planner};
            """;
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0));
        return ids;
    }
}
