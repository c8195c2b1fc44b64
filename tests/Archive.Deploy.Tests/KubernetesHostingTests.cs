using Archive.Silo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
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
