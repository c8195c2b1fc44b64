using System.Text.Json;
using Npgsql;

namespace Archive.Store.Statements;

/// <summary>A statement's view with its source's description (title, outlet, url, date), never the source's whole text.</summary>
public static class StatementReads
{
    /// <summary>A source's description as a statement shows it, from the source view's row <paramref name="alias"/>: not its text, often kilobytes.</summary>
    private static string Description(string alias) => $"""
        case when {alias}.id is null then null
             else jsonb_build_object('title', {alias}.data -> 'title', 'outlet', {alias}.data -> 'outlet', 'url', {alias}.data -> 'url',
                                     'publishedOn', {alias}.data -> 'publishedOn')::text end
        """;

    private static SourceDescription? ReadDescription(NpgsqlDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : JsonSerializer.Deserialize<SourceDescription>(reader.GetString(column), StatementQueries.Json);

    public static async Task<StatementView?> CurrentWithSource(NpgsqlDataSource database, string schema, string id, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            select v.data::text, {Description("s")}
            from {schema}.mt_doc_statementview v
            left join {schema}.mt_doc_sourceview s on s.id = v.data ->> 'sourceId'
            where v.id = @id
            """);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var view = JsonSerializer.Deserialize<StatementView>(reader.GetString(0), StatementQueries.Json)!;
        view.Source = ReadDescription(reader, 1);
        return view;
    }

    public static async Task<SourceDescription?> SourceOf(NpgsqlDataSource database, string schema, string sourceId, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"select {Description("s")} from {schema}.mt_doc_sourceview s where s.id = @id");
        command.Parameters.AddWithValue("id", sourceId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadDescription(reader, 0) : null;
    }
}
