using System.Text.Json;
using Archive.Store.Statements;
using Npgsql;

namespace Archive.Store.Actors;

/// <summary>An actor's profile and its statements per topic, as a timeline shows them above its page of statements.</summary>
public sealed record ActorHeading(ActorView Actor, IReadOnlyDictionary<string, int> StatementsByTopic);

public static class ActorTimelineReads
{
    /// <summary>
    /// The actor's view and its counts by topic in one round trip (a timeline's page is the other): null when the actor
    /// is not registered. The counts are the statements the actor's views file under each topic, in topic order.
    /// </summary>
    public static async Task<ActorHeading?> Heading(NpgsqlDataSource database, string schema, string actorId, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            select a.data::text, c.topics, c.counts
            from {schema}.mt_doc_actorview a
            left join lateral (
                select array_agg(g.t order by g.t) as topics, array_agg(g.n order by g.t) as counts
                from (select t, count(*) as n from {schema}.mt_doc_statementview, jsonb_array_elements_text(data -> 'topics') t
                      where data ->> 'actorId' = a.id group by t) g) c on true
            where a.id = @id
            """);
        command.Parameters.AddWithValue("id", actorId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var actor = JsonSerializer.Deserialize<ActorView>(reader.GetString(0), StatementQueries.Json)!;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!reader.IsDBNull(1))
        {
            var topics = reader.GetFieldValue<string[]>(1);
            var numbers = reader.GetFieldValue<long[]>(2);
            for (var i = 0; i < topics.Length; i++) counts[topics[i]] = (int)numbers[i];
        }
        return new ActorHeading(actor, counts);
    }
}
