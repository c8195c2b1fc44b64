using System.Text.Json;
using Archive.Domain.Statements;
using Archive.Store.Actors;
using Archive.Store.Sources;
using Archive.Store.Statements;
using Npgsql;

namespace Archive.Store.Candidates;

/// <summary>
/// Everything the candidate extractor reads about one source, as the read models hold it now: the source, every
/// actor (names, aliases, roles), every open topic with quotes already filed under it, and the statements already
/// recorded from the source. Lists are in id order, so the same archive state gives the same material.
/// </summary>
public sealed record CandidateMaterial(
    SourceView Source,
    IReadOnlyList<ActorView> Actors,
    IReadOnlyList<TopicMaterial> Topics,
    IReadOnlyList<RecordedFromSource> Recorded);

/// <summary>A topic with the quotes of (at most <see cref="CandidateMaterials.FiledQuotesPerTopic"/>) statements filed under it.</summary>
public sealed record TopicMaterial(string Id, string Title, string? ParentId, IReadOnlyList<string> FiledQuotes);

/// <summary>A statement already recorded from the source: its id, span and speaker.</summary>
public sealed record RecordedFromSource(string Id, TextSpan Span, string ActorId);

public static class CandidateMaterials
{
    /// <summary>Enough filed quotes to learn a topic's recurring words; bounded so a large topic does not slow every read.</summary>
    public const int FiledQuotesPerTopic = 200;

    /// <summary>The material for <paramref name="sourceId"/>, or null when no such source is registered. One round trip.</summary>
    public static async Task<CandidateMaterial?> For(NpgsqlDataSource database, string schema, string sourceId, CancellationToken ct)
    {
        await using var batch = database.CreateBatch();
        Add(batch, $"select data::text from {schema}.mt_doc_sourceview where id = @source", sourceId);
        Add(batch, $"select data::text from {schema}.mt_doc_actorview order by id collate \"C\"", sourceId);
        // Merged topics are left out: a statement is filed under the topic they went into. One pass over the statements
        // gives every topic its first quotes (by id), however many topics there are.
        Add(batch, $"""
            select t.id, t.data ->> 'title', t.data ->> 'parentId', coalesce(f.quotes, array[]::text[])
            from {schema}.mt_doc_topicview t
            left join (
                select topic, array_agg(quote order by id collate "C") quotes
                from (select v.id, v.data ->> 'quote' quote, topic,
                             row_number() over (partition by topic order by v.id collate "C") n
                      from {schema}.mt_doc_statementview v
                      cross join lateral jsonb_array_elements_text(v.data -> 'topics') topic
                      where v.data ->> 'status' <> 'retracted') filed
                where n <= {FiledQuotesPerTopic}
                group by topic) f on f.topic = t.id
            where t.data ->> 'mergedInto' is null
            order by t.id collate "C"
            """, sourceId);
        Add(batch, $"""
            select id, (data -> 'span' ->> 'start')::int, (data -> 'span' ->> 'end')::int, data ->> 'actorId'
            from {schema}.mt_doc_statementview where data ->> 'sourceId' = @source order by id collate "C"
            """, sourceId);
        await using var reader = await batch.ExecuteReaderAsync(ct);

        var source = await reader.ReadAsync(ct) ? Read<SourceView>(reader.GetString(0)) : null;
        await reader.NextResultAsync(ct);
        var actors = new List<ActorView>();
        while (await reader.ReadAsync(ct)) actors.Add(Read<ActorView>(reader.GetString(0)));
        await reader.NextResultAsync(ct);
        var topics = new List<TopicMaterial>();
        while (await reader.ReadAsync(ct))
            topics.Add(new TopicMaterial(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetFieldValue<string[]>(3)));
        await reader.NextResultAsync(ct);
        var recorded = new List<RecordedFromSource>();
        while (await reader.ReadAsync(ct))
            recorded.Add(new RecordedFromSource(reader.GetString(0), new TextSpan(reader.GetInt32(1), reader.GetInt32(2)), reader.GetString(3)));
        return source is null ? null : new CandidateMaterial(source, actors, topics, recorded);
    }

    private static void Add(NpgsqlBatch batch, string sql, string sourceId)
    {
        var command = new NpgsqlBatchCommand(sql);
        if (sql.Contains("@source", StringComparison.Ordinal)) command.Parameters.AddWithValue("source", sourceId);
        batch.BatchCommands.Add(command);
    }

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, StatementQueries.Json)!;
}
