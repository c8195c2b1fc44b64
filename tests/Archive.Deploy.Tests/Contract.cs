using Orleans.Hosting.Kubernetes;

namespace Archive.Deploy.Tests;

/// <summary>
/// The processes' contract: the variables each one reads, its entry assembly and its ports. Deploy files may set
/// only these; <see cref="EnvironmentContractTests"/> checks that the sources really read the ARCHIVE_* ones.
/// </summary>
public static class Contract
{
    public const string Namespace = "statement-archive";
    public const int SiloPort = 11111;
    public const int GatewayPort = 30000;
    public const int HttpPort = 5080;
    public const int RunAsUser = 1654;

    public static readonly string[] Silo =
    [
        "ARCHIVE_POSTGRES", "ARCHIVE_SCHEMA", "ARCHIVE_CLUSTERING", "ARCHIVE_CLUSTER_ID", "ARCHIVE_SERVICE_ID",
        "ARCHIVE_CLUSTER_SCHEMA", "ARCHIVE_SILO_PORT", "ARCHIVE_GATEWAY_PORT", "ARCHIVE_ADVERTISED_IP",
        "ARCHIVE_SEAL_SECONDS", "ARCHIVE_SEAL_EVENTS", "ARCHIVE_SEAL_KEY",
        "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_SERVICE_NAME",
    ];

    public static readonly string[] Api =
    [
        "ARCHIVE_POSTGRES", "ARCHIVE_SCHEMA", "ARCHIVE_CLUSTERING", "ARCHIVE_CLUSTER_ID", "ARCHIVE_SERVICE_ID",
        "ARCHIVE_CLUSTER_SCHEMA", "ARCHIVE_URLS", "ARCHIVE_KEYS", "ARCHIVE_SEEDS", "ARCHIVE_SEAL_PUBLIC_KEY",
        "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_SERVICE_NAME",
    ];

    /// <summary>What Orleans' Kubernetes hosting reads in a silo pod, named by the package's own constants.</summary>
    public static readonly string[] OrleansKubernetes =
    [
        KubernetesHostingOptions.PodNameEnvironmentVariable, KubernetesHostingOptions.PodNamespaceEnvironmentVariable,
        KubernetesHostingOptions.PodIPEnvironmentVariable, KubernetesHostingOptions.ServiceIdEnvironmentVariable,
        KubernetesHostingOptions.ClusterIdEnvironmentVariable,
    ];

    /// <summary>The settings a ConfigMap shared by silos and API may carry: what both read, or what one reads and the other ignores.</summary>
    public static IEnumerable<string> Shared => Silo.Union(Api).Where(n => n.StartsWith("ARCHIVE_", StringComparison.Ordinal));

    public static readonly Process SiloProcess = new("silo", "deploy/Dockerfile.silo", "Archive.Silo", "statement-archive/silo", Silo);
    public static readonly Process ApiProcess = new("api", "deploy/Dockerfile.api", "Archive.Host", "statement-archive/api", Api);
    public static readonly Process[] Processes = [SiloProcess, ApiProcess];

    public sealed record Process(string Role, string Dockerfile, string Project, string Image, string[] Variables)
    {
        public string Dll => Project + ".dll";
        public override string ToString() => Role;
    }
}
