using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Archive.Grains.Cluster;
using Archive.Store.Cluster;
using Archive.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Archive.Cluster.Tests;

/// <summary>The processes of a local cluster: <c>Silos</c> = 0 means one API process that co-hosts its silo.</summary>
/// <param name="Environment">Settings for every process (silos and API nodes).</param>
public sealed record ClusterShape(int Silos, int Apis = 1, string? ConnectionString = null, IReadOnlyDictionary<string, string>? SiloEnvironment = null,
    IReadOnlyDictionary<string, string>? Environment = null);

/// <summary>
/// Silo processes and API processes on loopback, against the test PostgreSQL, with a schema and a cluster id of
/// their own; plus an Orleans client in the test process that asks the cluster where grains live.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    public const string ArchivistKey = "cluster-tests-archivist-0123456789";

    private readonly Dictionary<string, string> _common;
    private IHost? _observer;

    private LocalCluster(string schema, string clusterId, ClusterShape shape)
    {
        Schema = schema;
        ClusterId = clusterId;
        Shape = shape;
        ConnectionString = shape.ConnectionString ?? TestDatabase.ConnectionString;
        _common = new Dictionary<string, string>
        {
            ["ARCHIVE_POSTGRES"] = ConnectionString,
            ["ARCHIVE_SCHEMA"] = schema,
            ["ARCHIVE_CLUSTERING"] = shape.Silos == 0 ? "localhost" : "postgres",
            ["ARCHIVE_CLUSTER_ID"] = clusterId,
            ["ARCHIVE_ADVERTISED_IP"] = "127.0.0.1",
            ["ARCHIVE_SEAL_SECONDS"] = "0",
            // every client here shares one key: the per-key limit is not what these tests are about
            ["ARCHIVE_RATE_LIMIT"] = "0",
        };
        foreach (var (key, value) in shape.Environment ?? new Dictionary<string, string>()) _common[key] = value;
    }

    public string Schema { get; }
    public string ClusterId { get; }
    public ClusterShape Shape { get; }
    /// <summary>The PostgreSQL the processes use.</summary>
    public string ConnectionString { get; }
    public List<ArchiveProcess> Silos { get; } = [];
    public List<ArchiveProcess> Apis { get; } = [];
    public List<HttpClient> Https { get; } = [];
    public ArchiveProcess Api => Apis[0];
    public HttpClient Http => Https[0];

    public static Task<LocalCluster> Start(int silos) => Start(new ClusterShape(silos));

    public static async Task<LocalCluster> Start(ClusterShape shape)
    {
        var cluster = new LocalCluster(TestDatabase.NewSchema("c"), $"test-{Guid.NewGuid():N}"[..16], shape);
        await TestDatabase.PrepareOn(cluster.ConnectionString, cluster.Schema);
        await ClusterSchema.MigrateAsync(cluster.ConnectionString, ClusterSchema.DefaultSchema);
        try
        {
            for (var i = 0; i < shape.Silos; i++) cluster.StartSilo();
            for (var i = 0; i < Math.Max(1, shape.Apis); i++)
            {
                var port = TestDatabase.FreePort();
                var environment = new Dictionary<string, string>(cluster._common)
                {
                    ["ARCHIVE_URLS"] = $"http://127.0.0.1:{port}",
                    ["ARCHIVE_SEEDS"] = "",
                    ["ARCHIVE_KEYS"] = $"archivist:cluster-tests:{ArchivistKey}",
                };
                if (shape.Silos == 0)
                {
                    environment["ARCHIVE_SILO_PORT"] = TestDatabase.FreePort().ToString();
                    environment["ARCHIVE_GATEWAY_PORT"] = TestDatabase.FreePort().ToString();
                    foreach (var (key, value) in shape.SiloEnvironment ?? new Dictionary<string, string>()) environment[key] = value;
                }
                cluster.Apis.Add(ArchiveProcess.Start(i == 0 ? "api" : $"api-{i + 1}", "Archive.Host", environment));
                var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ArchivistKey);
                cluster.Https.Add(http);
            }
            await cluster.WaitForActiveSilos(Math.Max(1, shape.Silos), TimeSpan.FromSeconds(120));
            return cluster;
        }
        catch
        {
            var output = cluster.Output;
            await cluster.DisposeAsync();
            throw new InvalidOperationException("the cluster did not start\n" + output);
        }
    }

    public ArchiveProcess StartSilo()
    {
        var environment = new Dictionary<string, string>(_common)
        {
            ["ARCHIVE_SILO_PORT"] = TestDatabase.FreePort().ToString(),
            ["ARCHIVE_GATEWAY_PORT"] = TestDatabase.FreePort().ToString(),
        };
        foreach (var (key, value) in Shape.SiloEnvironment ?? new Dictionary<string, string>()) environment[key] = value;
        var silo = ArchiveProcess.Start($"silo-{Silos.Count + 1}", "Archive.Silo", environment);
        Silos.Add(silo);
        return silo;
    }

    /// <summary>Everything the processes printed last, for failure messages.</summary>
    public string Output => string.Join("\n", Silos.Select(s => s.Output).Concat(Apis.Select(a => a.Output)));

    /// <summary>
    /// Waits until every API node answers /health seeing this many active silos, and (in cluster mode) the membership
    /// table lists exactly that many.
    /// </summary>
    public async Task WaitForActiveSilos(int count, TimeSpan deadline)
    {
        try
        {
            await Eventually.Get(async () =>
            {
                if (Apis.Any(a => a.HasExited)) return "the API process exited";
                var active = Shape.Silos == 0 ? count : await TestDatabase.ScalarOn(ConnectionString,
                    $"select count(*) from {ClusterSchema.DefaultSchema}.membership where deployment_id = @id and status = 3", ("id", ClusterId));
                foreach (var http in Https)
                {
                    try
                    {
                        using var response = await http.GetAsync("/health");
                        var body = await response.Content.ReadAsStringAsync();
                        if (!response.IsSuccessStatusCode) return $"health {(int)response.StatusCode} {body}";
                        var reported = JsonDocument.Parse(body).RootElement.GetProperty("activeSilos").GetInt32();
                        if (active != count || reported != count) return $"membership: {active} active, {http.BaseAddress} sees {reported}";
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        return e.Message;
                    }
                }
                return "ready";
            }, state => state is "ready" or "the API process exited", deadline, $"{count} active silos");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n{Output}", e);
        }
        if (Apis.Any(a => a.HasExited)) throw new InvalidOperationException("the API process exited\n" + Output);
    }

    /// <summary>The pid of the process that holds the projection daemon's lock, if any.</summary>
    public async Task<int?> DaemonHolder()
    {
        var names = await TestDatabase.ColumnOn<string>(ConnectionString,
            "select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid " +
            "where l.locktype = 'advisory' and l.granted and a.application_name like 'archive-daemon-lock:%' " +
            "and (l.classid::bigint << 32 | l.objid::bigint) = hashtextextended(@name, 0)",
            ("name", Archive.Store.Storage.ProjectionDaemonLeader.LockName(Schema)));
        return names.Count == 0 ? null : int.Parse(names[0][(names[0].LastIndexOf(':') + 1)..]);
    }

    /// <summary>Actor grain activations per silo endpoint, as the cluster reports them.</summary>
    public async Task<Dictionary<string, int>> ActorActivationsBySilo()
    {
        if (_observer is null)
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            var settings = new ClusterSettings(true, ClusterId, "statement-archive", ClusterSchema.DefaultSchema, IPAddress.Loopback);
            builder.UseOrleansClient(client => client.UseArchiveClustering(settings, ConnectionString));
            _observer = builder.Build();
            await _observer.StartAsync();
        }
        var management = _observer.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
        var statistics = await management.GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.Contains("ActorGrain", StringComparison.Ordinal))
            .GroupBy(s => s.SiloAddress.Endpoint.ToString())
            .ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount));
    }

    public async ValueTask DisposeAsync()
    {
        if (_observer is not null)
        {
            try { await _observer.StopAsync(TimeSpan.FromSeconds(5)); } catch (Exception) { }
            _observer.Dispose();
        }
        foreach (var http in Https) http.Dispose();
        foreach (var api in Apis) await api.DisposeAsync();
        foreach (var silo in Silos) await silo.DisposeAsync();
    }
}
