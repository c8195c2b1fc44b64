using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Archive.Grains.Cluster;
using Archive.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Archive.Cluster.Tests;

/// <summary>
/// Silo processes and one API process on loopback, against the test PostgreSQL, with a schema and a cluster id of
/// their own; plus an Orleans client in the test process that asks the cluster where grains live.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    public const string ArchivistKey = "cluster-tests-archivist-0123456789";

    private readonly Dictionary<string, string> _common;
    private IHost? _observer;

    private LocalCluster(string schema, string clusterId)
    {
        Schema = schema;
        ClusterId = clusterId;
        _common = new Dictionary<string, string>
        {
            ["ARCHIVE_POSTGRES"] = TestDatabase.ConnectionString,
            ["ARCHIVE_SCHEMA"] = schema,
            ["ARCHIVE_CLUSTERING"] = "postgres",
            ["ARCHIVE_CLUSTER_ID"] = clusterId,
            ["ARCHIVE_ADVERTISED_IP"] = "127.0.0.1",
            ["ARCHIVE_SEAL_SECONDS"] = "0",
            // every client here shares one key: the per-key limit is not what these tests are about
            ["ARCHIVE_RATE_LIMIT"] = "0",
        };
    }

    public string Schema { get; }
    public string ClusterId { get; }
    public List<ArchiveProcess> Silos { get; } = [];
    public ArchiveProcess Api { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    public static async Task<LocalCluster> Start(int silos)
    {
        var cluster = new LocalCluster(TestDatabase.NewSchema("c"), $"test-{Guid.NewGuid():N}"[..16]);
        await TestDatabase.Prepare(cluster.Schema);
        await ClusterSchema.MigrateAsync(TestDatabase.ConnectionString, ClusterSchema.DefaultSchema);
        try
        {
            for (var i = 0; i < silos; i++) cluster.StartSilo();
            var port = TestDatabase.FreePort();
            cluster.Api = ArchiveProcess.Start("api", "Archive.Api", new Dictionary<string, string>(cluster._common)
            {
                ["ARCHIVE_URLS"] = $"http://127.0.0.1:{port}",
                ["ARCHIVE_SEEDS"] = "",
                ["ARCHIVE_KEYS"] = $"archivist:cluster-tests:{ArchivistKey}",
            });
            cluster.Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            cluster.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ArchivistKey);
            await cluster.WaitForActiveSilos(silos, TimeSpan.FromSeconds(120));
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
        var silo = ArchiveProcess.Start($"silo-{Silos.Count + 1}", "Archive.Silo", new Dictionary<string, string>(_common)
        {
            ["ARCHIVE_SILO_PORT"] = TestDatabase.FreePort().ToString(),
            ["ARCHIVE_GATEWAY_PORT"] = TestDatabase.FreePort().ToString(),
        });
        Silos.Add(silo);
        return silo;
    }

    /// <summary>Everything the processes printed last, for failure messages.</summary>
    public string Output => string.Join("\n", Silos.Select(s => s.Output).Append(Api?.Output ?? ""));

    /// <summary>Waits until the API answers /health and the membership table lists exactly this many active silos.</summary>
    public async Task WaitForActiveSilos(int count, TimeSpan deadline)
    {
        try
        {
            await Eventually.Get(async () =>
            {
                if (Api.HasExited) return "the API process exited";
                var active = await TestDatabase.Scalar(
                    $"select count(*) from {ClusterSchema.DefaultSchema}.membership where deployment_id = @id and status = 3", ("id", ClusterId));
                try
                {
                    using var response = await Http.GetAsync("/health");
                    var body = await response.Content.ReadAsStringAsync();
                    if (!response.IsSuccessStatusCode) return $"health {(int)response.StatusCode} {body}";
                    var reported = JsonDocument.Parse(body).RootElement.GetProperty("activeSilos").GetInt32();
                    return active == count && reported == count ? "ready" : $"membership: {active} active, API sees {reported}";
                }
                catch (HttpRequestException e)
                {
                    return e.Message;
                }
            }, state => state is "ready" or "the API process exited", deadline, $"{count} active silos");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n{Output}", e);
        }
        if (Api.HasExited) throw new InvalidOperationException("the API process exited\n" + Api.Output);
    }

    /// <summary>The pid of the process that holds the projection daemon's lock, if any.</summary>
    public async Task<int?> DaemonHolder()
    {
        var names = await TestDatabase.Column<string>(
            "select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid " +
            "where l.locktype = 'advisory' and l.granted and a.application_name like 'archive-daemon-lock:%' " +
            "and (l.classid::bigint << 32 | l.objid::bigint) = hashtextextended(@name, 0)",
            ("name", Archive.Grains.Storage.ProjectionDaemonLeader.LockName(Schema)));
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
            builder.UseOrleansClient(client => client.UseArchiveClustering(settings, TestDatabase.ConnectionString));
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
        Http?.Dispose();
        if (Api is not null) await Api.DisposeAsync();
        foreach (var silo in Silos) await silo.DisposeAsync();
    }
}
