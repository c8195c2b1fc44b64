using System.Diagnostics;
using System.Security.Cryptography;
using Archive.Benchmarks.Grains;

namespace Archive.Benchmarks.Http;

/// <summary>The real API (with its co-hosted silo) as a child process on a loopback port and a schema of its own.</summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ApiProcess(Process process, Uri address, string schema, string key)
    {
        _process = process;
        Address = address;
        Schema = schema;
        Key = key;
    }

    public Uri Address { get; }
    public string Schema { get; }
    public string Key { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <param name="settings">Settings that replace the benchmark's defaults below (the soak seals, and has a key per role).</param>
    public static async Task<ApiProcess> Start(string repository, string connectionString, string schema,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = Path.Combine(repository, "src/Archive.Host/bin/Release/net10.0/Archive.Host.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"build the API first (dotnet build src/Archive.Host -c Release): {dll} is missing");
        var address = new Uri($"http://127.0.0.1:{SiloHost.FreePort()}");
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ARCHIVE_POSTGRES"] = connectionString;
        start.Environment["ARCHIVE_SCHEMA"] = schema;
        start.Environment["ARCHIVE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["ARCHIVE_SILO_PORT"] = SiloHost.FreePort().ToString();
        start.Environment["ARCHIVE_GATEWAY_PORT"] = SiloHost.FreePort().ToString();
        start.Environment["ARCHIVE_SEAL_SECONDS"] = "0";
        start.Environment["ARCHIVE_KEYS"] = $"archivist:bench:{key}";
        // one key drives all the load: the per-key rate limit would measure the limiter, not the archive
        start.Environment["ARCHIVE_RATE_LIMIT"] = "0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the API");
        var api = new ApiProcess(process, address, schema, key);
        process.OutputDataReceived += (_, e) => api.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => api.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await api.WaitHealthy(TimeSpan.FromSeconds(180));
        return api;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.Add(line);
            if (_output.Count > 200) _output.RemoveAt(0);
        }
    }

    public string LastOutput() => string.Join('\n', LastLines(30));

    /// <summary>The API's last lines of output: warnings and errors only (its log level is Warning).</summary>
    public IReadOnlyList<string> LastLines(int lines)
    {
        lock (_output) return _output.TakeLast(lines).ToArray();
    }

    private async Task WaitHealthy(TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the API exited with {_process.ExitCode}:\n{LastOutput()}");
            try
            {
                if ((await http.GetAsync(new Uri(Address, "/health"))).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (deadline.Elapsed > limit) throw new TimeoutException($"the API did not become healthy within {limit.TotalSeconds} s:\n{LastOutput()}");
            await Task.Delay(200);
        }
    }

    /// <summary>The process's resident memory (VmRSS) in bytes, from /proc.</summary>
    public long WorkingSet()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
