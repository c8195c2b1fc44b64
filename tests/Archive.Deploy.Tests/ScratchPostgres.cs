using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Archive.Deploy.Tests;

/// <summary>
/// A temporary directory for one PostgreSQL data directory: either a server the test starts itself (one that
/// deploy/postgres.sh did not create) or the place the script is told to create its private server in. Disposing stops
/// whatever server runs there and deletes the directory. As root, PostgreSQL runs as the postgres OS user.
/// </summary>
public sealed class ScratchPostgres : IAsyncDisposable
{
    private const string InstalledRoot = "/usr/lib/postgresql";
    private static readonly bool IsRoot = Environment.UserName == "root";

    private ScratchPostgres(string root) => Root = root;

    public string Root { get; }

    public string Data => Path.Combine(Root, "pg");

    /// <summary>The newest installed PostgreSQL binaries; the test fails (never passes silently) without them.</summary>
    public static string BinDir => Binaries.Value;

    private static readonly Lazy<string> Binaries = new(FindBinDir);

    public static async Task<ScratchPostgres> Create()
    {
        _ = BinDir;
        // Short and reachable by the postgres user: the server's socket lives in the data directory.
        var root = Path.Combine("/tmp", $"archive-deploy-{Guid.NewGuid():N}"[..22]);
        Directory.CreateDirectory(root);
        if (IsRoot) await Run("chown", ["postgres:", root]);
        return new ScratchPostgres(root);
    }

    /// <summary>A data directory made with initdb, as an administrator would, and not marked as the script's.</summary>
    public async Task InitDb(int port, int maxConnections)
    {
        await AsPostgres("initdb", "-D", Data, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync");
        await File.AppendAllTextAsync(Path.Combine(Data, "postgresql.conf"),
            $"\nlisten_addresses = '127.0.0.1'\nport = {port}\nunix_socket_directories = '{Data}'\nmax_connections = {maxConnections}\nfsync = off\n");
    }

    public Task Start() => AsPostgres("pg_ctl", "-D", Data, "-l", Path.Combine(Root, "server.log"), "-w", "-t", "30", "start");

    public Task Stop() => AsPostgres("pg_ctl", "-D", Data, "-w", "-t", "30", "-m", "fast", "stop");

    public bool Running => File.Exists(Path.Combine(Data, "postmaster.pid"));

    public Task CreateArchiveRole(int port) =>
        AsPostgres("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", Data, "-p", port.ToString(), "-U", "postgres", "-d", "postgres",
            "-c", "create role archive login password 'archive'", "-c", "create database archive owner archive");

    /// <summary>What a reconfiguration, reload or restart would change: settings in force, start and load times, files.</summary>
    public async Task<string> State(int port)
    {
        var live = await Query(port, "select current_setting('max_connections') || ' started ' || pg_postmaster_start_time() || ' loaded ' || pg_conf_load_time()");
        var files = string.Join(' ', new[] { "postgresql.conf", "postgresql.auto.conf", "pg_hba.conf" }
            .Select(f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(Data, f))))[..12]));
        return $"{live} files {files}";
    }

    /// <summary>One value, as role archive over TCP (as any client of the archive connects).</summary>
    public static async Task<string> Query(int port, string sql)
    {
        var result = await Run(Path.Combine(BinDir, "psql"), ["-X", "-h", "127.0.0.1", "-p", port.ToString(), "-U", "archive", "-d", "archive", "-tAc", sql],
            new() { ["PGPASSWORD"] = "archive" });
        return result.Stdout.Trim();
    }

    public static async Task WriteExecutable(string path, string text)
    {
        await File.WriteAllTextAsync(path, text);
        await Run("chmod", ["755", path]);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool PortInUse(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// Runs a bash command in the repository with none of the caller's ARCHIVE_POSTGRES / ARCHIVE_PG_* settings, and
    /// this directory as TMPDIR (so its lock is not the one other runs on the machine wait on).
    /// </summary>
    public async Task<ProcessResult> Bash(string command, Dictionary<string, string?> environment)
    {
        var env = new Dictionary<string, string?> { ["TMPDIR"] = Root, ["ARCHIVE_POSTGRES"] = null, ["ARCHIVE_PG_MAX_CONNECTIONS"] = null };
        foreach (var name in new[] { "ARCHIVE_PG_MODE", "ARCHIVE_PG_PORT", "ARCHIVE_PG_DATA", "ARCHIVE_PG_WAIT", "_ARCHIVE_PG_SOURCED" }) env[name] = null;
        foreach (var (name, value) in environment) env[name] = value;
        return await Run("bash", ["-c", command], env, Repo.Root, check: false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Running)
            await AsPostgres("pg_ctl", "-D", Data, "-w", "-t", "30", "-m", "immediate", "stop");
        Directory.Delete(Root, recursive: true);
    }

    private Task AsPostgres(string program, params string[] arguments) =>
        IsRoot
            ? Run("runuser", ["-u", "postgres", "--", Path.Combine(BinDir, program), .. arguments])
            : Run(Path.Combine(BinDir, program), arguments);

    private static async Task<ProcessResult> Run(string program, string[] arguments, Dictionary<string, string?>? environment = null,
        string workingDirectory = "/", bool check = true)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
            UseShellExecute = false, WorkingDirectory = workingDirectory,
        };
        foreach (var (name, value) in environment ?? []) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(deadline.Token);
        var result = new ProcessResult(process.ExitCode, await stdout, await stderr);
        if (check && result.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {result.ExitCode}: {result.Stdout}{result.Stderr}");
        return result;
    }

    private static string FindBinDir() =>
        (Directory.Exists(InstalledRoot) ? Directory.GetDirectories(InstalledRoot) : [])
        .Select(d => Path.Combine(d, "bin"))
        .Where(d => File.Exists(Path.Combine(d, "initdb")))
        .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var major) ? major : 0)
        .LastOrDefault()
        ?? throw new InvalidOperationException(
            $"No PostgreSQL server binaries in {InstalledRoot}/*/bin: these tests run deploy/postgres.sh against real servers. Install them (Debian: apt-get install postgresql-15).");
}

public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string LastStdoutLine => Stdout.TrimEnd('\n').Split('\n')[^1];

    public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
}
