using System.Net;
using System.Net.Sockets;
using Archive.Grains;
using Archive.Grains.Database;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Archive.Benchmarks.Grains;

/// <summary>An Orleans silo in this process, configured exactly as the API co-hosts it, on a schema of its own.</summary>
public sealed class SiloHost : IAsyncDisposable
{
    private readonly IHost _host;

    private SiloHost(IHost host, string schema)
    {
        _host = host;
        Schema = schema;
    }

    public string Schema { get; }
    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public static string NewSchema(string prefix) => $"bench_{prefix}_{Guid.NewGuid():N}"[..24];

    /// <summary>Starts a silo on <paramref name="schema"/>, migrating it first (a fresh schema unless one is given).</summary>
    public static async Task<SiloHost> Start(string connectionString, string schema)
    {
        await ArchiveDatabase.MigrateAsync(connectionString, schema);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Error);
        // No sealer (as ARCHIVE_SEAL_SECONDS=0 for the API): seals would add writes the baseline does not make.
        builder.UseOrleans(silo => silo.UseLocalhostClustering(FreePort(), FreePort()).AddArchiveGrains(connectionString, schema));
        var host = builder.Build();
        await host.StartAsync();
        return new SiloHost(host, schema);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(deadline.Token);
        _host.Dispose();
    }
}
