using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Archive.Benchmarks.Grains;
using Npgsql;

namespace Archive.Benchmarks.Soak;

/// <summary>
/// The real API (co-hosting its silo) as a child process for a soak: no rate limit (the soak paces itself), seals
/// every 60 s (so sealing runs under load too), and one random key per role, so writers, readers and feed readers
/// each go through their own access policy. Its PostgreSQL connections carry an application name of their own, so
/// the soak can count them on a server that other processes share.
/// </summary>
public sealed class SoakApi : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private SoakApi(Process process, Uri address, string schema, string applicationName)
    {
        _process = process;
        Address = address;
        Schema = schema;
        ApplicationName = applicationName;
    }

    public Uri Address { get; }
    public string Schema { get; }
    public string ApplicationName { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;
    public string ArchivistKey { get; } = NewKey();
    public string AuditorKey { get; } = NewKey();
    public string ReaderKey { get; } = NewKey();

    private static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public static async Task<SoakApi> Start(string repository, string connectionString, string schema)
    {
        var dll = Path.Combine(repository, "src/Archive.Api/bin/Release/net10.0/Archive.Api.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"build the API first (dotnet build src/Archive.Api -c Release): {dll} is missing");
        var address = new Uri($"http://127.0.0.1:{SiloHost.FreePort()}");
        var applicationName = $"archive-soak-{schema}";
        var connection = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = applicationName }.ConnectionString;
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = repository, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var api = new SoakApi(new Process { StartInfo = start }, address, schema, applicationName);
        var env = start.Environment;
        env["ARCHIVE_POSTGRES"] = connection;
        env["ARCHIVE_SCHEMA"] = schema;
        env["ARCHIVE_URLS"] = address.ToString().TrimEnd('/');
        env["ARCHIVE_SILO_PORT"] = SiloHost.FreePort().ToString(CultureInfo.InvariantCulture);
        env["ARCHIVE_GATEWAY_PORT"] = SiloHost.FreePort().ToString(CultureInfo.InvariantCulture);
        env["ARCHIVE_SEAL_SECONDS"] = "60";
        env["ARCHIVE_RATE_LIMIT"] = "0";
        env["ARCHIVE_KEYS"] = $"archivist:soak-writer:{api.ArchivistKey};auditor:soak-feed:{api.AuditorKey};reader:soak-reader:{api.ReaderKey}";
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["Logging__LogLevel__Default"] = "Warning";
        api._process.OutputDataReceived += (_, e) => api.Keep(e.Data);
        api._process.ErrorDataReceived += (_, e) => api.Keep(e.Data);
        if (!api._process.Start()) throw new InvalidOperationException("could not start the API");
        api._process.BeginOutputReadLine();
        api._process.BeginErrorReadLine();
        await api.WaitHealthy(TimeSpan.FromSeconds(180));
        return api;
    }

    /// <summary>An HTTP client to the API that sends <paramref name="key"/> on every request.</summary>
    public HttpClient Client(string key, int connections)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections })
        {
            BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
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

    /// <summary>The API's last lines of output: warnings and errors only (its log level is Warning).</summary>
    public IReadOnlyList<string> LastOutput(int lines = 30)
    {
        lock (_output) return _output.TakeLast(lines).ToArray();
    }

    private async Task WaitHealthy(TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the API exited with {_process.ExitCode}:\n{string.Join('\n', LastOutput())}");
            try
            {
                if ((await http.GetAsync(new Uri(Address, "/health"))).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (deadline.Elapsed > limit) throw new TimeoutException($"the API did not become healthy within {limit.TotalSeconds} s:\n{string.Join('\n', LastOutput())}");
            await Task.Delay(200);
        }
    }

    /// <summary>The process's resident memory (VmRSS) in bytes, from /proc.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
