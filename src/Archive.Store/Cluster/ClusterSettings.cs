using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;

namespace Archive.Store.Cluster;

/// <summary>
/// How a host finds the rest of the cluster. <c>localhost</c>: one silo on loopback (the co-hosted default).
/// <c>postgres</c>: silos register in the membership table in PostgreSQL and clients find gateways there.
/// </summary>
public sealed record ClusterSettings(bool OnPostgres, string ClusterId, string ServiceId, string Schema, IPAddress? AdvertisedIp)
{
    public static ClusterSettings From(IConfiguration configuration, string defaultClustering)
    {
        var clustering = (configuration["ARCHIVE_CLUSTERING"] is { Length: > 0 } value ? value : defaultClustering).Trim().ToLowerInvariant();
        if (clustering is not ("localhost" or "postgres"))
            throw new InvalidOperationException($"ARCHIVE_CLUSTERING must be 'localhost' or 'postgres', not '{clustering}'.");
        IPAddress? advertised = null;
        if (configuration["ARCHIVE_ADVERTISED_IP"] is { Length: > 0 } ip && !IPAddress.TryParse(ip, out advertised))
            throw new InvalidOperationException($"ARCHIVE_ADVERTISED_IP must be an IP address, not '{ip}'.");
        return new ClusterSettings(
            clustering == "postgres",
            configuration["ARCHIVE_CLUSTER_ID"] is { Length: > 0 } cluster ? cluster : "archive",
            configuration["ARCHIVE_SERVICE_ID"] is { Length: > 0 } service ? service : "statement-archive",
            configuration["ARCHIVE_CLUSTER_SCHEMA"] is { Length: > 0 } schema ? schema : ClusterSchema.DefaultSchema,
            advertised);
    }

    /// <summary>The address other silos and clients reach this silo on: the configured one, else the first non-loopback IPv4.</summary>
    public IPAddress SiloAddress() =>
        AdvertisedIp ?? NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
        ?? IPAddress.Loopback;
}
