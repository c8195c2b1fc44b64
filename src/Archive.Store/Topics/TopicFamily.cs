using Npgsql;

namespace Archive.Store.Topics;

/// <summary>
/// The topics whose statements a topic's timeline shows: the topic, the topics merged into it (at any depth), and,
/// unless narrowed, its subtopics at any depth (and what was merged into them).
/// </summary>
public static class TopicFamily
{
    /// <summary>The family's topic ids, the topic itself first; just the topic when it has none.</summary>
    public static async Task<IReadOnlyList<string>> Of(NpgsqlDataSource database, string schema, string topicId, bool includeSubtopics, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            with recursive family(id) as (
              select @id::text
              union
              select t.id from {schema}.mt_doc_topicview t join family f
                on t.data ->> 'mergedInto' = f.id or (@subtopics and t.data ->> 'parentId' = f.id))
            select id from family
            """);
        command.Parameters.AddWithValue("id", topicId);
        command.Parameters.AddWithValue("subtopics", includeSubtopics);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0));
        // the topic first, the rest in a stable order
        return ids.Where(i => i == topicId).Concat(ids.Where(i => i != topicId).Order(StringComparer.Ordinal)).ToArray();
    }
}
