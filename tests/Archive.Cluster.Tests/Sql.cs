using Archive.Projections;
using Marten;
using Npgsql;

namespace Archive.Cluster.Tests;

/// <summary>Queries against whichever PostgreSQL a cluster runs on: the shared test server or a private one.</summary>
public static class Sql
{
    /// <summary>Creates the schema's tables before any host starts, so concurrent hosts never race to migrate.</summary>
    public static async Task Prepare(string connectionString, string schema)
    {
        await using var store = DocumentStore.For(options => ArchiveStore.Configure(options, connectionString, schema));
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    public static async Task<long> Scalar(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public static async Task<List<T>> Column<T>(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        var values = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) values.Add(reader.GetFieldValue<T>(0));
        return values;
    }

    public static async Task<List<(T1, T2)>> Rows<T1, T2>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var rows = new List<(T1, T2)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add((reader.GetFieldValue<T1>(0), reader.GetFieldValue<T2>(1)));
        return rows;
    }
}
