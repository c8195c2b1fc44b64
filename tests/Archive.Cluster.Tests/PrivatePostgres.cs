using System.Diagnostics;
using Archive.Testing;
using Npgsql;

namespace Archive.Cluster.Tests;

/// <summary>
/// A PostgreSQL 15 server of the test's own (initdb into a temporary directory, a free port), so the test can stop and
/// start it without touching the shared server other tests use. As root, initdb and pg_ctl run as the postgres user.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private const string BinDir = "/usr/lib/postgresql/15/bin";
    private readonly string _data;

    private PrivatePostgres(string data, int port)
    {
        _data = data;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port};Database=archive;Username=archive;Password=archive;Timeout=5;Command Timeout=10";

    public static async Task<PrivatePostgres> Start()
    {
        if (!File.Exists(Path.Combine(BinDir, "initdb"))) throw new InvalidOperationException($"PostgreSQL 15 is not installed in {BinDir}");
        var data = Path.Combine(Path.GetTempPath(), $"archive-pg-{Guid.NewGuid():N}"[..20]);
        Directory.CreateDirectory(data);
        if (IsRoot) await Run("chown", "postgres:", data);
        var server = new PrivatePostgres(data, TestDatabase.FreePort());
        try
        {
            await server.AsPostgres(Path.Combine(BinDir, "initdb"), "-D", data, "-U", "postgres", "-E", "UTF8", "--locale=C", "--auth=trust");
            // The test checks recovery, not durability of the machine: skip fsync so the shared disk is spared.
            await File.AppendAllTextAsync(Path.Combine(data, "postgresql.conf"),
                $"\nlisten_addresses = '127.0.0.1'\nport = {server.Port}\nunix_socket_directories = '{data}'\nfsync = off\nfull_page_writes = off\nmax_connections = 100\n");
            await server.StartServer();
            await server.AsPostgres(Path.Combine(BinDir, "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", data, "-p", server.Port.ToString(), "-U", "postgres",
                "-d", "postgres", "-c", "create role archive login password 'archive'", "-c", "create database archive owner archive");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the server and waits until it accepts connections.</summary>
    public Task StartServer() =>
        AsPostgres(Path.Combine(BinDir, "pg_ctl"), "-D", _data, "-l", Path.Combine(_data, "server.log"), "-w", "-t", "60", "start");

    /// <summary><c>pg_ctl stop -m fast</c>: open sessions are terminated and in-flight transactions roll back.</summary>
    public Task Stop() => AsPostgres(Path.Combine(BinDir, "pg_ctl"), "-D", _data, "-w", "-t", "60", "-m", "fast", "stop");

    public async Task<bool> Accepts()
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false");
            await connection.OpenAsync();
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try { await AsPostgres(Path.Combine(BinDir, "pg_ctl"), "-D", _data, "-w", "-t", "30", "-m", "immediate", "stop"); }
        catch (InvalidOperationException) { } // already stopped
        try { Directory.Delete(_data, recursive: true); }
        catch (IOException) { }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task AsPostgres(string program, params string[] arguments) =>
        IsRoot ? Run("runuser", ["-u", "postgres", "--", program, .. arguments]) : Run(program, arguments);

    private static async Task Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await error}");
    }
}
