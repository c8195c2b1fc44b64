using Archive.Store.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Archive.Grains.Interfaces;

namespace Archive.Grains.Cluster;

public static class ClusterHosting
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan ClientResponseTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Ado.NET's name for the Npgsql provider.</summary>
    private const string Invariant = "Npgsql";

    public static ISiloBuilder UseArchiveClustering(this ISiloBuilder silo, ClusterSettings cluster, string connectionString, int siloPort, int gatewayPort)
    {
        if (!cluster.OnPostgres) return silo.UseLocalhostClustering(siloPort, gatewayPort);
        var address = cluster.SiloAddress();
        // Grains go to a random silo: Orleans' default (resource-optimised) placement follows load statistics that lag
        // behind a silo that just joined, and can put every new grain on one silo. Each stream has one writer
        // wherever its grain lives, so placement only spreads the work.
        silo.Services.AddSingleton<Orleans.Runtime.PlacementStrategy, Orleans.Runtime.RandomPlacement>();
        return silo
            .Configure<ClusterOptions>(options => { options.ClusterId = cluster.ClusterId; options.ServiceId = cluster.ServiceId; })
            // A silo that stops answering is declared dead after about three missed 2-second probes (Orleans' default is
            // 5 s each): calls to the grains it held fail over within seconds rather than tens of seconds.
            .Configure<ClusterMembershipOptions>(options =>
            {
                options.ProbeTimeout = ProbeTimeout;
                options.NumMissedProbesLimit = 3;
            })
            // listen on every interface unless the silo is meant to be reachable on loopback only
            .ConfigureEndpoints(address, siloPort, gatewayPort, listenOnAnyHostAddress: !System.Net.IPAddress.IsLoopback(address))
            .UseAdoNetClustering(options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = ClusterSchema.ConnectionString(connectionString, cluster.Schema);
            });
    }

    /// <summary>
    /// A client of a PostgreSQL-membership cluster. It keeps retrying until a gateway answers (silos may start
    /// after the API), and it is told quickly about gateways that died.
    /// </summary>
    public static IClientBuilder UseArchiveClustering(this IClientBuilder client, ClusterSettings cluster, string connectionString)
    {
        client.Services.AddArchiveSerialization();
        return client
            .Configure<ClusterOptions>(options => { options.ClusterId = cluster.ClusterId; options.ServiceId = cluster.ServiceId; })
            // the request's trace continues into the grain call on the silo
            .AddActivityPropagation()
            .Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5))
            // A call to a grain on a silo that died unnoticed fails after this, and the client may send it again.
            .Configure<ClientMessagingOptions>(options => options.ResponseTimeout = ClientResponseTimeout)
            .UseAdoNetClustering(options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = ClusterSchema.ConnectionString(connectionString, cluster.Schema);
            })
            .UseConnectionRetryFilter(async (_, cancellationToken) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                return !cancellationToken.IsCancellationRequested;
            });
    }
}
