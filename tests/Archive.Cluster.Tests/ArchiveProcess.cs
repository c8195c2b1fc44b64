using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Archive.Cluster.Tests;

/// <summary>A silo or API process of the real build, started with <c>dotnet X.dll</c>; its output is kept for failure messages.</summary>
public sealed class ArchiveProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    // Errors are kept apart from the tail: a failover prints hundreds of warnings that would push them out of it.
    private readonly ConcurrentQueue<string> _errors = new();
    private int _errorLinesLeft;

    private ArchiveProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;

    public static ArchiveProcess Start(string name, string project, IReadOnlyDictionary<string, string> environment)
    {
        var directory = BuildOutput(project);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(directory, project + ".dll")])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = new Process { StartInfo = start };
        var started = new ArchiveProcess(name, process);
        process.OutputDataReceived += (_, e) => started.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => started.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 400) _output.TryDequeue(out _);
        if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
            Interlocked.Exchange(ref _errorLinesLeft, 40);
        if (Interlocked.Decrement(ref _errorLinesLeft) < 0) return;
        _errors.Enqueue(line);
        while (_errors.Count > 200) _errors.TryDequeue(out _);
    }

    /// <summary>The errors the process logged (each with the lines after it), then the last lines it printed.</summary>
    public string Output =>
        $"--- {Name} (pid {_process.Id}{(_process.HasExited ? $", exited {_process.ExitCode}" : "")}) ---\n"
        + (_errors.IsEmpty ? "" : "errors:\n" + string.Join("\n", _errors.TakeLast(120)) + "\nlast lines:\n")
        + string.Join("\n", _output.TakeLast(60));

    /// <summary>SIGTERM: the host stops cleanly (an Orleans silo leaves the cluster).</summary>
    public async Task Stop(TimeSpan deadline)
    {
        if (_process.HasExited) return;
        if (Kill(_process.Id, 15) != 0) throw new InvalidOperationException($"could not signal {Name}");
        using var timeout = new CancellationTokenSource(deadline);
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>SIGKILL: the process dies at once, as in a crash.</summary>
    public async Task Crash()
    {
        if (_process.HasExited) return;
        _process.Kill();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try { await Crash(); }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }

    /// <summary>The project's build output for the configuration these tests were built in.</summary>
    private static string BuildOutput(string project)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Archive.sln"))) continue;
            var output = Path.Combine(dir.FullName, "src", project, "bin", configuration, "net10.0");
            return File.Exists(Path.Combine(output, project + ".dll"))
                ? output
                : throw new FileNotFoundException($"{project} is not built in {output}: build the solution first");
        }
        throw new DirectoryNotFoundException("the repository root (Archive.sln)");
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
