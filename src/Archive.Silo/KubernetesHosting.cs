using Orleans.Hosting.Kubernetes;

namespace Archive.Silo;

/// <summary>
/// Orleans' Kubernetes hosting for a silo deployed by deploy/k8s: the silo is named after its pod, advertises the
/// pod's IP, and marks silos whose pods are gone as dead instead of waiting for membership probes to time out.
/// </summary>
public static class KubernetesHosting
{
    /// <summary>The archive's defaults, which the silo and the API client use when the variables are unset.</summary>
    public const string DefaultClusterId = "archive";

    /// <inheritdoc cref="DefaultClusterId"/>
    public const string DefaultServiceId = "statement-archive";

    /// <summary>
    /// True in a pod whose manifest passes the downward-API variables: the kubelet sets KUBERNETES_SERVICE_HOST in
    /// every pod, and POD_NAME says the manifest was written for Orleans (a pod without it lacks the labels and the
    /// RBAC role too, so it runs as any other host would).
    /// </summary>
    public static bool IsInPod(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["KUBERNETES_SERVICE_HOST"])
        && !string.IsNullOrWhiteSpace(configuration[KubernetesHostingOptions.PodNameEnvironmentVariable]);

    /// <summary>Adds Orleans' Kubernetes hosting in a pod (see <see cref="IsInPod"/>); elsewhere does nothing.</summary>
    /// <exception cref="InvalidOperationException">The archive's cluster or service id disagrees with Orleans'.</exception>
    public static ISiloBuilder UseArchiveKubernetes(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!IsInPod(configuration)) return silo;

        // Orleans' hosting overrides ClusterOptions from ORLEANS_CLUSTER_ID / ORLEANS_SERVICE_ID and lists pods by
        // those labels, while the API's client joins with ARCHIVE_CLUSTER_ID / ARCHIVE_SERVICE_ID. Different values
        // would split silos and clients into two clusters that never see each other: refuse to start instead.
        RequireAgreement(configuration, "ARCHIVE_CLUSTER_ID", DefaultClusterId, KubernetesHostingOptions.ClusterIdEnvironmentVariable);
        RequireAgreement(configuration, "ARCHIVE_SERVICE_ID", DefaultServiceId, KubernetesHostingOptions.ServiceIdEnvironmentVariable);
        return silo.UseKubernetesHosting();
    }

    private static void RequireAgreement(IConfiguration configuration, string archiveName, string archiveDefault, string orleansName)
    {
        var orleans = configuration[orleansName];
        if (string.IsNullOrWhiteSpace(orleans)) return;
        var archive = configuration[archiveName] is { Length: > 0 } set ? set : archiveDefault;
        if (!string.Equals(archive, orleans, StringComparison.Ordinal))
            throw new InvalidOperationException(
                $"{orleansName} is '{orleans}' but {archiveName} is '{archive}': the silos would form a cluster the API cannot reach. " +
                "Set both from the pod's orleans/ labels (see deploy/k8s/silo.yaml).");
    }
}
