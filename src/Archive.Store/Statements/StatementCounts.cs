using Npgsql;

namespace Archive.Store.Statements;

/// <summary>Counts over the statement view that profiles and timelines show.</summary>
public static class StatementCounts
{
    /// <summary>Statements per actor filed under any of the topics (a topic's family).</summary>
    public static Task<Dictionary<string, int>> ActorsOfTopics(NpgsqlDataSource database, string schema, IReadOnlyList<string> topicIds, CancellationToken ct) =>
        Group(database, $"""
            select data ->> 'actorId', count(*) from {schema}.mt_doc_statementview
            where data -> 'topics' ?| @id group by 1 order by 1
            """, topicIds.ToArray(), ct);

    private static async Task<Dictionary<string, int>> Group(NpgsqlDataSource database, string sql, object id, CancellationToken ct)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.AddWithValue("id", id);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) counts[reader.GetString(0)] = (int)reader.GetInt64(1);
        return counts;
    }
}
