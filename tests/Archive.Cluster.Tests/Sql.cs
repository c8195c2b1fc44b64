using Archive.Testing;
using Npgsql;

namespace Archive.Cluster.Tests;

/// <summary>
/// Queries against whichever PostgreSQL a cluster runs on, beside <see cref="TestDatabase"/>'s <c>…On</c> methods: the
/// shared test server or a private one.
/// </summary>
public static class Sql
{
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
