using System.Globalization;
using Npgsql;

namespace Archive.Benchmarks.Harness;

/// <summary>Where the figures were measured, and what the CPU and PostgreSQL did during a scenario.</summary>
public static class Machine
{
    public static async Task<(string Version, string SynchronousCommit, int MaxConnections)> Postgres(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        async Task<string> Show(string setting)
        {
            await using var command = new NpgsqlCommand($"show {setting}", connection);
            return (string)(await command.ExecuteScalarAsync())!;
        }
        return (await Show("server_version"), await Show("synchronous_commit"), int.Parse(await Show("max_connections"), CultureInfo.InvariantCulture));
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>Clock ticks of user+system time of a process from /proc/PID/stat (0 when it is gone).</summary>
    /// <param name="withReapedChildren">
    /// Adds the ticks of the process's children that exited and were reaped (cutime, cstime): PostgreSQL's backends
    /// are the postmaster's children, so a backend that closed during a scenario still counts through its parent.
    /// </param>
    internal static long ProcessTicks(int pid, bool withReapedChildren = false)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // after "pid (comm) ": field 3 (state) is [0]
            long Field(int index) => long.Parse(fields[index], CultureInfo.InvariantCulture);
            return Field(11) + Field(12) + (withReapedChildren ? Field(13) + Field(14) : 0); // utime, stime, cutime, cstime
        }
        catch (IOException) { return 0; }
        catch (UnauthorizedAccessException) { return 0; }
    }

    internal static string? Command(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/comm").Trim(); }
        catch (IOException) { return null; }
    }

    /// <summary>Busy ticks of the whole machine (all CPUs) from /proc/stat.</summary>
    internal static long MachineBusyTicks()
    {
        if (!File.Exists("/proc/stat")) return 0;
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return cpu.Sum() - cpu[3] - (cpu.Length > 4 ? cpu[4] : 0); // minus idle and iowait
    }

    internal static long PostgresTicks() => Directory.Exists("/proc")
        ? Directory.EnumerateDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && Command(pid) is "postgres" or "postmaster").Sum(pid => ProcessTicks(pid, withReapedChildren: true))
        : 0;
}

/// <summary>
/// CPU seconds spent by the benchmark, the API child (when there is one), every postgres process, and everything
/// else on the machine during a scenario, plus PostgreSQL's commits per second: the evidence for what limits it.
/// </summary>
public sealed class CpuSplit
{
    private const double TicksPerSecond = 100.0; // USER_HZ on Linux
    private readonly string _connectionString;
    private readonly int? _childPid;
    private readonly long _bench, _child, _postgres, _machine, _commits;
    private readonly DateTime _started = DateTime.UtcNow;

    private CpuSplit(string connectionString, int? childPid, long commits)
    {
        _connectionString = connectionString;
        _childPid = childPid;
        _bench = Machine.ProcessTicks(Environment.ProcessId);
        _child = childPid is { } c ? Machine.ProcessTicks(c) : 0;
        _postgres = Machine.PostgresTicks();
        _machine = Machine.MachineBusyTicks();
        _commits = commits;
    }

    public static async Task<CpuSplit> Start(string connectionString, int? childPid = null) =>
        new(connectionString, childPid, await Commits(connectionString));

    private static async Task<long> Commits(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select xact_commit from pg_stat_database where datname = current_database()", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>CPU seconds per wall second for each party (2.0 = both cores of a 2-core machine busy).</summary>
    public async Task<Dictionary<string, object>> Stop()
    {
        var wall = (DateTime.UtcNow - _started).TotalSeconds;
        double Rate(long ticks) => Math.Round(ticks / TicksPerSecond / wall, 2);
        var bench = Machine.ProcessTicks(Environment.ProcessId) - _bench;
        var child = _childPid is { } c ? Machine.ProcessTicks(c) - _child : 0;
        // Backends that exit during the scenario count through the postmaster that reaped them; never below zero.
        var postgres = Math.Max(0, Machine.PostgresTicks() - _postgres);
        var machine = Machine.MachineBusyTicks() - _machine;
        // pg_stat_database counts every client of the (shared) server, so other users' commits are included.
        var commits = await Commits(_connectionString) - _commits;
        return new Dictionary<string, object>
        {
            ["wallSeconds"] = Math.Round(wall, 2),
            ["cpuBenchmark"] = Rate(bench),
            ["cpuApi"] = Rate(child),
            ["cpuPostgres"] = Rate(postgres),
            ["cpuOther"] = Rate(Math.Max(0, machine - bench - child - postgres)),
            ["pgCommitsPerSecond"] = Math.Round(commits / wall, 0),
        };
    }
}
