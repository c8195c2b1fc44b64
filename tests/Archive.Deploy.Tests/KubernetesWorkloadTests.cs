using Orleans.Hosting.Kubernetes;
using YamlDotNet.RepresentationModel;
using static Archive.Deploy.Tests.Manifests;

namespace Archive.Deploy.Tests;

/// <summary>The two Deployments and the Service: labels, ports, probes, variables and privileges.</summary>
public sealed class KubernetesWorkloadTests
{
    private static readonly K8sObject Silo = Single("Deployment", "archive-silo");
    private static readonly K8sObject Api = Single("Deployment", "archive-api");

    public static TheoryData<string> Deployments() => new("archive-silo", "archive-api");

    private static K8sObject Deployment(string name) => Single("Deployment", name);

    [Theory]
    [MemberData(nameof(Deployments))]
    public void Deployment_SelectorMatchesItsPodLabels(string name)
    {
        var spec = Deployment(name).Node.Map("spec");
        var selector = AsDictionary(spec.Map("selector").Map("matchLabels"));
        var labels = AsDictionary(Labels(spec.Map("template")));
        Assert.NotEmpty(selector);
        foreach (var (key, value) in selector)
            Assert.Equal(value, labels.GetValueOrDefault(key));
        Assert.Equal(name, labels["app.kubernetes.io/name"]);
    }

    [Fact]
    public void SiloPods_CarryTheLabelsAndVariablesOrleansKubernetesHostingReads()
    {
        Assert.Equal("2", Silo.Node.Map("spec").Str("replicas"));
        var labels = AsDictionary(Labels(Silo.Node.Map("spec").Map("template")));
        Assert.Equal("statement-archive", labels[KubernetesHostingOptions.ServiceIdLabel]);
        Assert.Equal("archive", labels[KubernetesHostingOptions.ClusterIdLabel]);

        var env = Env(Container(Silo));
        string FieldOf(string variable) => env[variable].Map("valueFrom").Map("fieldRef").Str("fieldPath");
        Assert.Equal("metadata.name", FieldOf(KubernetesHostingOptions.PodNameEnvironmentVariable));
        Assert.Equal("metadata.namespace", FieldOf(KubernetesHostingOptions.PodNamespaceEnvironmentVariable));
        Assert.Equal("status.podIP", FieldOf(KubernetesHostingOptions.PodIPEnvironmentVariable));
        Assert.Equal("status.podIP", FieldOf("ARCHIVE_ADVERTISED_IP"));
        Assert.Equal($"metadata.labels['{KubernetesHostingOptions.ServiceIdLabel}']", FieldOf(KubernetesHostingOptions.ServiceIdEnvironmentVariable));
        Assert.Equal($"metadata.labels['{KubernetesHostingOptions.ClusterIdLabel}']", FieldOf(KubernetesHostingOptions.ClusterIdEnvironmentVariable));
    }

    [Fact]
    public void ApiPods_AreNotMistakenForSilos_AndTheServiceSelectsOnlyThem()
    {
        var apiLabels = AsDictionary(Labels(Api.Node.Map("spec").Map("template")));
        Assert.DoesNotContain(apiLabels.Keys, k => k.StartsWith("orleans/", StringComparison.Ordinal));

        var service = Single("Service", "archive-api").Node.Map("spec");
        var selector = AsDictionary(service.Map("selector"));
        Assert.All(selector, s => Assert.Equal(s.Value, apiLabels.GetValueOrDefault(s.Key)));
        var siloLabels = AsDictionary(Labels(Silo.Node.Map("spec").Map("template")));
        Assert.False(selector.All(s => siloLabels.GetValueOrDefault(s.Key) == s.Value), "the Service would select silo pods");

        var port = Assert.IsType<YamlMappingNode>(Assert.Single(service.Seq("ports")));
        Assert.Equal(Contract.HttpPort.ToString(), port.Str("port"));
        Assert.Equal(Contract.HttpPort, Port(Container(Api), port.Str("targetPort")));
    }

    [Fact]
    public void ContainerPorts_AreThePortsTheProcessesListenOn()
    {
        var silo = Container(Silo);
        Assert.Equal(Contract.SiloPort, Port(silo, "silo"));
        Assert.Equal(Contract.GatewayPort, Port(silo, "gateway"));
        var api = Container(Api);
        Assert.Equal(Contract.HttpPort, Port(api, "http"));
        Assert.Equal($"http://0.0.0.0:{Contract.HttpPort}", Env(api)["ARCHIVE_URLS"].Str("value"));
    }

    [Fact]
    public void SiloProbes_OpenTheGatewayOverTcp()
    {
        var container = Container(Silo);
        foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
            Assert.Equal(Contract.GatewayPort, Port(container, container.Map(probe).Map("tcpSocket").Str("port")));
    }

    [Fact]
    public void ApiProbes_ReadinessAsksHealth_LivenessOnlyTheSocket()
    {
        var container = Container(Api);
        var readiness = container.Map("readinessProbe").Map("httpGet");
        Assert.Equal("/health", readiness.Str("path"));
        Assert.Equal(Contract.HttpPort, Port(container, readiness.Str("port")));
        // A PostgreSQL outage makes /health answer 503: restarting every API pod for it would not help.
        Assert.Null(container.Map("livenessProbe").Find("httpGet"));
        Assert.Equal(Contract.HttpPort, Port(container, container.Map("livenessProbe").Map("tcpSocket").Str("port")));
        Assert.NotNull(container.Find("startupProbe"));
    }

    [Theory]
    [MemberData(nameof(Deployments))]
    public void Pods_RunAsTheImagesNonRootUserWithoutPrivileges(string name)
    {
        var pod = PodSpec(Deployment(name)).Map("securityContext");
        Assert.Equal("true", pod.Str("runAsNonRoot"));
        Assert.Equal(Contract.RunAsUser.ToString(), pod.Str("runAsUser"));
        var container = Container(Deployment(name)).Map("securityContext");
        Assert.Equal("false", container.Str("allowPrivilegeEscalation"));
        Assert.Equal(["ALL"], container.Map("capabilities").Seq("drop").Select(c => c.Scalar()).ToArray());
        if (container.OptStr("readOnlyRootFilesystem") == "true")
            Assert.Contains(Container(Deployment(name)).Seq("volumeMounts"), m => m.Str("mountPath") == "/tmp");
    }

    [Theory]
    [MemberData(nameof(Deployments))]
    public void Containers_RequestCpuAndMemory_AndCapMemory(string name)
    {
        var resources = Container(Deployment(name)).Map("resources");
        Assert.NotEmpty(resources.Map("requests").Str("cpu"));
        Assert.NotEmpty(resources.Map("requests").Str("memory"));
        Assert.NotEmpty(resources.Map("limits").Str("memory"));
    }

    [Theory]
    [MemberData(nameof(Deployments))]
    public void Containers_SetOnlyVariablesTheirProcessOrOrleansReads(string name)
    {
        var process = name == "archive-silo" ? Contract.SiloProcess : Contract.ApiProcess;
        var allowed = process == Contract.SiloProcess ? process.Variables.Concat(Contract.OrleansKubernetes) : process.Variables;
        foreach (var variable in Env(Container(Deployment(name))).Keys)
            Assert.Contains(variable, allowed);
        Assert.Equal(name, Env(Container(Deployment(name)))["OTEL_SERVICE_NAME"].Str("value"));
    }
}
