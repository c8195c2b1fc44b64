using System.Net;
using System.Net.Sockets;
using Archive.Grains;
using Archive.Store.Database;
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

    private static readonly List<string> Created = [];

    /// <summary>A fresh schema name, remembered so that <see cref="DropSchemas"/> removes it at the end of the run.</summary>
    public static string NewSchema(string prefix)
    {
        var schema = $"bench_{prefix}_{Guid.NewGuid():N}"[..24];
        lock (Created) Created.Add(schema);
        return schema;
    }

    /// <summary>The shared server keeps nothing of a run: every schema it created is dropped.</summary>
    public static async Task DropSchemas(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var schema in Created)
        {
            await using var drop = new Npgsql.NpgsqlCommand($"drop schema if exists {schema} cascade", connection) { CommandTimeout = 300 };
            await drop.ExecuteNonQueryAsync();
        }
    }

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
