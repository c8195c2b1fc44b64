using System.Text.Json;
using Archive.Domain.Actors;
using Npgsql;

namespace Archive.Store.Statements;

/// <summary>
/// A statement's view as it is read: with its source's description (title, outlet, url, date; never the source's
/// whole text) and its speaker's capacity on the day it was said (the roles the actor's role events give for that day).
/// </summary>
public static class StatementReads
{
    /// <summary>A source's description as a statement shows it, from the source view's row <paramref name="alias"/>: not its text, often kilobytes.</summary>
    private static string Description(string alias) => $"""
        case when {alias}.id is null then null
             else jsonb_build_object('title', {alias}.data -> 'title', 'outlet', {alias}.data -> 'outlet', 'url', {alias}.data -> 'url',
                                     'publishedOn', {alias}.data -> 'publishedOn')::text end
        """;

    private static string? Text(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    /// <summary>The current view with its source and capacity, in one round trip; null when the statement is not recorded.</summary>
    public static async Task<StatementView?> CurrentWithSource(NpgsqlDataSource database, string schema, string id, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            select v.data::text, {Description("s")}, (a.data -> 'roles')::text
            from {schema}.mt_doc_statementview v
            left join {schema}.mt_doc_sourceview s on s.id = v.data ->> 'sourceId'
            left join {schema}.mt_doc_actorview a on a.id = v.data ->> 'actorId'
            where v.id = @id
            """);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var view = JsonSerializer.Deserialize<StatementView>(reader.GetString(0), StatementQueries.Json)!;
        Describe(view, Text(reader, 1), Text(reader, 2));
        return view;
    }

    /// <summary>Adds the source's description and the speaker's capacity to a view read elsewhere (a past revision).</summary>
    public static async Task Describe(NpgsqlDataSource database, string schema, StatementView view, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            select (select {Description("s")} from {schema}.mt_doc_sourceview s where s.id = @source),
                   (select (a.data -> 'roles')::text from {schema}.mt_doc_actorview a where a.id = @actor)
            """);
        command.Parameters.AddWithValue("source", view.SourceId);
        command.Parameters.AddWithValue("actor", view.ActorId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        Describe(view, Text(reader, 0), Text(reader, 1));
    }

    private static void Describe(StatementView view, string? source, string? roles)
    {
        view.Source = source is null ? null : JsonSerializer.Deserialize<SourceDescription>(source, StatementQueries.Json);
        var all = roles is null ? [] : JsonSerializer.Deserialize<List<ActorRole>>(roles, StatementQueries.Json) ?? [];
        view.Capacity = CapacityOn(all, view.SaidOn);
    }

    /// <summary>The roles whose term covers <paramref name="day"/> (a term without a start or an end is open on that side).</summary>
    public static IReadOnlyList<ActorRole> CapacityOn(IEnumerable<ActorRole> roles, DateOnly day) =>
        roles.Where(r => (r.From is null || r.From <= day) && (r.To is null || r.To >= day)).ToArray();
}
