using System.Net.Http.Headers;
using System.Security.Cryptography;
using Archive.Benchmarks.Http;
using Npgsql;

namespace Archive.Benchmarks.Soak;

/// <summary>
/// The real API (co-hosting its silo) as a child process for a soak — the benchmark's <see cref="ApiProcess"/> with
/// the soak's settings: no rate limit (the soak paces itself), seals every 60 s (so sealing runs under load too), and
/// one random key per role, so writers, readers and feed readers each go through their own access policy. Its
/// PostgreSQL connections carry an application name of their own, so the soak can count them on a server that other
/// processes share.
/// </summary>
public sealed class SoakApi : IAsyncDisposable
{
    private readonly ApiProcess _process;

    private SoakApi(ApiProcess process, string applicationName, string archivist, string auditor, string reader)
    {
        _process = process;
        ApplicationName = applicationName;
        ArchivistKey = archivist;
        AuditorKey = auditor;
        ReaderKey = reader;
    }

    public Uri Address => _process.Address;
    public string Schema => _process.Schema;
    public string ApplicationName { get; }
    public int Pid => _process.Pid;
    public bool HasExited => _process.HasExited;
    public string ArchivistKey { get; }
    public string AuditorKey { get; }
    public string ReaderKey { get; }

    private static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public static async Task<SoakApi> Start(string repository, string connectionString, string schema)
    {
        var applicationName = $"archive-soak-{schema}";
        var connection = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = applicationName }.ConnectionString;
        var (archivist, auditor, reader) = (NewKey(), NewKey(), NewKey());
        var process = await ApiProcess.Start(repository, connection, schema, new Dictionary<string, string>
        {
            ["ARCHIVE_SEAL_SECONDS"] = "60",
            ["ARCHIVE_RATE_LIMIT"] = "0",
            ["ARCHIVE_KEYS"] = $"archivist:soak-writer:{archivist};auditor:soak-feed:{auditor};reader:soak-reader:{reader}",
        });
        return new SoakApi(process, applicationName, archivist, auditor, reader);
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

    /// <summary>The API's last lines of output: warnings and errors only (its log level is Warning).</summary>
    public IReadOnlyList<string> LastOutput(int lines = 30) => _process.LastLines(lines);

    /// <summary>The process's resident memory (VmRSS) in bytes, from /proc.</summary>
    public long ResidentBytes() => _process.WorkingSet();

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
