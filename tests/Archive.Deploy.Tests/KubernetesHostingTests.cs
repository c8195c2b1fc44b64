using Archive.Silo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting.Kubernetes;

namespace Archive.Deploy.Tests;

public sealed class KubernetesHostingTests
{
    private const string ServiceHost = "10.96.0.1";

    [Fact]
    public void UseArchiveKubernetes_OutsideAPod_AddsNothing()
    {
        Assert.False(HasKubernetesHosting(Silo(new())));
    }

    [Fact]
    public void UseArchiveKubernetes_InAPod_NamesTheSiloAfterThePod()
    {
        // Orleans reads the pod name from the process environment (POD_NAME), else the host name, which a pod's is.
        var podName = System.Environment.GetEnvironmentVariable("POD_NAME") is { Length: > 0 } set ? set : System.Environment.MachineName;
        // Orleans validates that it knows the namespace, which it too reads from the environment only (the manifest
        // sets POD_NAMESPACE); no other test of this assembly reads it.
        var namespaceBefore = System.Environment.GetEnvironmentVariable("POD_NAMESPACE");
        System.Environment.SetEnvironmentVariable("POD_NAMESPACE", namespaceBefore ?? Contract.Namespace);
        try
        {
            using var inPod = Build(new() { ["KUBERNETES_SERVICE_HOST"] = ServiceHost, ["POD_NAME"] = podName });
            using var elsewhere = Build(new());

            Assert.Equal(podName, inPod.Services.GetRequiredService<IOptions<SiloOptions>>().Value.SiloName);
            Assert.NotEqual(podName, elsewhere.Services.GetRequiredService<IOptions<SiloOptions>>().Value.SiloName);
        }
        finally
        {
            System.Environment.SetEnvironmentVariable("POD_NAMESPACE", namespaceBefore);
        }
    }

    [Fact]
    public void UseArchiveKubernetes_InAPodWithoutTheDownwardApiVariables_AddsNothing()
    {
        Assert.False(HasKubernetesHosting(Silo(new() { ["KUBERNETES_SERVICE_HOST"] = ServiceHost })));
        Assert.False(HasKubernetesHosting(Silo(new() { ["POD_NAME"] = "archive-silo-0" })));
    }

    [Fact]
    public void UseArchiveKubernetes_InAPodOfTheManifest_AddsOrleansKubernetesHosting()
    {
        var services = Silo(new()
        {
            ["KUBERNETES_SERVICE_HOST"] = ServiceHost, ["POD_NAME"] = "archive-silo-0",
            ["ORLEANS_CLUSTER_ID"] = "archive", ["ORLEANS_SERVICE_ID"] = "statement-archive",
        });

        Assert.True(HasKubernetesHosting(services));
        // Orleans' own hosting validates its options; its presence proves UseKubernetesHosting ran, not a look-alike.
        Assert.Contains(services, d => d.ServiceType == typeof(IValidateOptions<KubernetesHostingOptions>));
    }

    [Theory]
    [InlineData("ORLEANS_CLUSTER_ID", "blue", "ARCHIVE_CLUSTER_ID", null)]
    [InlineData("ORLEANS_CLUSTER_ID", "blue", "ARCHIVE_CLUSTER_ID", "green")]
    [InlineData("ORLEANS_SERVICE_ID", "other", "ARCHIVE_SERVICE_ID", null)]
    [InlineData("ORLEANS_SERVICE_ID", "other", "ARCHIVE_SERVICE_ID", "statement-archive")]
    public void UseArchiveKubernetes_IdsDisagreeWithTheArchives_RefusesNamingBoth(string orleans, string value, string archive, string? archiveValue)
    {
        var settings = new Dictionary<string, string?> { ["KUBERNETES_SERVICE_HOST"] = ServiceHost, ["POD_NAME"] = "p", [orleans] = value };
        if (archiveValue is not null) settings[archive] = archiveValue;

        var error = Assert.Throws<InvalidOperationException>(() => Silo(settings));
        Assert.Contains(orleans, error.Message);
        Assert.Contains(archive, error.Message);
    }

    [Fact]
    public void UseArchiveKubernetes_ArchiveIdsMatchTheLabels_Accepts()
    {
        var services = Silo(new()
        {
            ["KUBERNETES_SERVICE_HOST"] = ServiceHost, ["POD_NAME"] = "p",
            ["ORLEANS_CLUSTER_ID"] = "blue", ["ARCHIVE_CLUSTER_ID"] = "blue",
            ["ORLEANS_SERVICE_ID"] = "svc", ["ARCHIVE_SERVICE_ID"] = "svc",
        });
        Assert.True(HasKubernetesHosting(services));
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.UseOrleans(silo => silo.UseLocalhostClustering().UseArchiveKubernetes(configuration));
        return builder.Build();
    }

    private static IServiceCollection Silo(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.UseOrleans(silo => silo.UseArchiveKubernetes(configuration));
        return builder.Services;
    }

    private static bool HasKubernetesHosting(IServiceCollection services) =>
        services.Any(d => d.ServiceType == typeof(IConfigureOptions<KubernetesHostingOptions>));
}
