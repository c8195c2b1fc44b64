using System.Runtime.CompilerServices;
using System.Text.Json;
using Archive.Store.Actors;
using Archive.Store.Sources;
using Archive.Store.Statements;
using Archive.Store.Topics;
using Npgsql;

namespace Archive.Store.Export;

/// <summary>A statement's current view with the source it was recorded from (its whole text: exports re-anchor quotes in it).</summary>
public sealed record ExportedStatement(StatementView Statement, SourceView Source);

/// <summary>The actors and topics statements name, by id, to describe speakers and topics in an export.</summary>
public sealed record ExportDirectory(IReadOnlyDictionary<string, ActorView> Actors, IReadOnlyDictionary<string, TopicView> Topics);

/// <summary>
/// Reads every statement for export, in pages, ordered by source and id (so each source's text is read once, and
/// the same archive state gives the same file). Statements of every status are exported; the status says which.
/// </summary>
public static class StatementExport
{
    public const int PageSize = 500;

    /// <summary>Every actor and topic, or only those named when <paramref name="actorIds"/> and <paramref name="topicIds"/> are given.</summary>
    public static async Task<ExportDirectory> Directory(NpgsqlDataSource database, string schema, CancellationToken ct,
        IReadOnlyCollection<string>? actorIds = null, IReadOnlyCollection<string>? topicIds = null)
    {
        var actors = new Dictionary<string, ActorView>(StringComparer.Ordinal);
        var topics = new Dictionary<string, TopicView>(StringComparer.Ordinal);
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(Named($"select data::text from {schema}.mt_doc_actorview", actorIds));
        batch.BatchCommands.Add(Named($"select data::text from {schema}.mt_doc_topicview", topicIds));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) { var a = Read<ActorView>(reader.GetString(0)); actors[a.Id] = a; }
        await reader.NextResultAsync(ct);
        while (await reader.ReadAsync(ct)) { var t = Read<TopicView>(reader.GetString(0)); topics[t.Id] = t; }
        return new ExportDirectory(actors, topics);
    }

    private static NpgsqlBatchCommand Named(string sql, IReadOnlyCollection<string>? ids)
    {
        if (ids is null) return new NpgsqlBatchCommand(sql);
        var command = new NpgsqlBatchCommand(sql + " where id = any(@ids)");
        command.Parameters.AddWithValue("ids", ids.ToArray());
        return command;
    }

    /// <summary>A source's view with its text, or null when it is not registered.</summary>
    public static async Task<SourceView?> Source(NpgsqlDataSource database, string schema, string id, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"select data::text from {schema}.mt_doc_sourceview where id = @id");
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteScalarAsync(ct) is string json ? Read<SourceView>(json) : null;
    }

    /// <summary>Every statement with its source; a statement whose source view is missing (a rebuild under way) is skipped.</summary>
    public static async IAsyncEnumerable<ExportedStatement> All(NpgsqlDataSource database, string schema, [EnumeratorCancellation] CancellationToken ct)
    {
        (string Source, string Id)? after = null;
        SourceView? source = null;
        while (true)
        {
            var page = await Page(database, schema, after, ct);
            foreach (var statement in page)
            {
                if (source?.Id != statement.SourceId) source = await Source(database, schema, statement.SourceId, ct);
                if (source is not null) yield return new ExportedStatement(statement, source);
            }
            if (page.Count < PageSize) yield break;
            after = (page[^1].SourceId, page[^1].Id);
        }
    }

    private static async Task<List<StatementView>> Page(NpgsqlDataSource database, string schema, (string Source, string Id)? after, CancellationToken ct)
    {
        // Keyset paging in byte order ("C"), the same in the comparison and the ordering, whatever the database's collation.
        await using var command = database.CreateCommand($"""
            select data::text from {schema}.mt_doc_statementview
            where @first or ((data ->> 'sourceId') collate "C", id collate "C") > (@source collate "C", @id collate "C")
            order by (data ->> 'sourceId') collate "C", id collate "C"
            limit {PageSize}
            """);
        command.Parameters.AddWithValue("first", after is null);
        command.Parameters.AddWithValue("source", after?.Source ?? "");
        command.Parameters.AddWithValue("id", after?.Id ?? "");
        var page = new List<StatementView>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) page.Add(Read<StatementView>(reader.GetString(0)));
        return page;
    }

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, StatementQueries.Json)!;
}
