using System.Net;
using System.Net.Sockets;
using Archive.Store;
using Marten;
using Npgsql;

namespace Archive.Testing;

/// <summary>
/// The real PostgreSQL that deploy/test.sh provisions. Each test class gets its own schema, so classes run in parallel
/// without seeing each other's events.
/// </summary>
public static class TestDatabase
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("ARCHIVE_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("ARCHIVE_POSTGRES is not set: run the tests with deploy/test.sh, which provisions PostgreSQL.");

    public static string NewSchema(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..24];

    /// <summary>Creates the schema's tables before any host starts, so concurrent silos never race to migrate.</summary>
    public static Task Prepare(string schema) => PrepareOn(ConnectionString, schema);

    /// <summary><see cref="Prepare"/> on another server (a test's private PostgreSQL).</summary>
    public static async Task PrepareOn(string connectionString, string schema)
    {
        await using var store = DocumentStore.For(options => ArchiveStore.Configure(options, connectionString, schema));
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    /// <summary>Whether the server has the RUM extension, which orders search matches by rank.</summary>
    public static async Task<bool> RumInstalled() => await Scalar("select count(*) from pg_extension where extname = 'rum'") > 0;

    public static Task<long> Scalar(string sql, params (string Name, object Value)[] parameters) => ScalarOn(ConnectionString, sql, parameters);

    public static async Task<long> ScalarOn(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public static Task<long> EventCount(string schema) => Scalar($"select count(*) from {schema}.mt_events");

    public static Task<List<T>> Column<T>(string sql, params (string Name, object Value)[] parameters) => ColumnOn<T>(ConnectionString, sql, parameters);

    public static async Task<List<T>> ColumnOn<T>(string connectionString, string sql, params (string Name, object Value)[] parameters)
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

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Waits on a condition with a deadline instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static async Task<T> Get<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? deadline = null, string? what = null)
    {
        var until = DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > until) throw new TimeoutException($"gave up waiting for {what ?? "a condition"}; last value: {value}");
            await Task.Delay(50);
        }
    }
}
