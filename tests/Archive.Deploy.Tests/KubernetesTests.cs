using Orleans.Hosting.Kubernetes;
using YamlDotNet.RepresentationModel;
using static Archive.Deploy.Tests.Manifests;

namespace Archive.Deploy.Tests;

/// <summary>The objects of deploy/k8s and the references between them.</summary>
public sealed class KubernetesTests
{
    [Fact]
    public void Manifests_HoldExactlyTheArchiveObjects()
    {
        Assert.Equal(
            [
                "ConfigMap/archive-settings", "Deployment/archive-api", "Deployment/archive-silo", "Namespace/statement-archive",
                "Role/archive-silo-pods", "RoleBinding/archive-silo-pods", "Secret/archive-secrets", "Service/archive-api",
                "ServiceAccount/archive-silo",
            ],
            All.Select(o => $"{o.Kind}/{o.Name}").Order(StringComparer.Ordinal).ToArray());
        foreach (var o in All)
            Assert.Equal(o.Kind switch
            {
                "Deployment" => "apps/v1",
                "Role" or "RoleBinding" => "rbac.authorization.k8s.io/v1",
                _ => "v1",
            }, o.Node.Str("apiVersion"));
    }

    [Fact]
    public void EveryNamespacedObject_LivesInTheArchiveNamespace()
    {
        Assert.Equal(Contract.Namespace, Single("Namespace", Contract.Namespace).Name);
        foreach (var o in All.Where(o => o.Kind != "Namespace"))
            Assert.Equal(Contract.Namespace, o.Node.Map("metadata").Str("namespace"));
    }

    [Fact]
    public void Kustomization_AppliesEveryManifestAndNamesTheImagesTheDeploymentsUse()
    {
        var kustomization = Assert.Single(Repo.Yaml($"{Folder}/kustomization.yaml"));
        Assert.Equal("Kustomization", kustomization.Str("kind"));
        Assert.Equal(Contract.Namespace, kustomization.Str("namespace"));
        Assert.Equal(Files, kustomization.Seq("resources").Select(r => r.Scalar()).Order().ToList());
        var images = kustomization.Seq("images").Select(i => i.Str("name")).Order().ToArray();
        Assert.Equal(Contract.Processes.Select(p => p.Image).Order().ToArray(), images);
        foreach (var deployment in All.Where(o => o.Kind == "Deployment"))
            Assert.Contains(Container(deployment).Str("image").Split(':')[0], images);
    }

    [Fact]
    public void SiloAccount_MayWatchAndManageThePodsOrleansHostingReads()
    {
        var silo = Single("Deployment", "archive-silo");
        var account = PodSpec(silo).Str("serviceAccountName");
        Single("ServiceAccount", account);
        var binding = Single("RoleBinding", "archive-silo-pods").Node;
        var subject = Assert.IsType<YamlMappingNode>(Assert.Single(binding.Seq("subjects")));
        Assert.Equal(("ServiceAccount", account, Contract.Namespace), (subject.Str("kind"), subject.Str("name"), subject.Str("namespace")));
        var roleRef = binding.Map("roleRef");
        Assert.Equal(("rbac.authorization.k8s.io", "Role"), (roleRef.Str("apiGroup"), roleRef.Str("kind")));

        var rule = Assert.Single(Single("Role", roleRef.Str("name")).Node.Seq("rules"));
        Assert.Equal([""], rule.Seq("apiGroups").Select(g => g.Scalar()).ToArray());
        Assert.Equal(["pods"], rule.Seq("resources").Select(r => r.Scalar()).ToArray());
        // Orleans reads its pod, patches its labels, lists and watches the cluster's pods, and may delete defunct ones.
        Assert.Equal(["delete", "get", "list", "patch", "watch"], rule.Seq("verbs").Select(v => v.Scalar()).Order().ToArray());
    }

    [Fact]
    public void ApiPods_GetNoKubernetesCredentials()
    {
        var api = PodSpec(Single("Deployment", "archive-api"));
        Assert.Null(api.Find("serviceAccountName"));
        Assert.Equal("false", api.Str("automountServiceAccountToken"));
    }

    [Fact]
    public void EverySecretAndConfigMapReference_NamesAnExistingObjectAndKey()
    {
        var references = 0;
        foreach (var deployment in All.Where(o => o.Kind == "Deployment"))
        {
            var container = Container(deployment);
            foreach (var from in container.Seq("envFrom"))
            {
                Single("ConfigMap", from.Map("configMapRef").Str("name"));
                references++;
            }
            foreach (var (name, variable) in Env(container))
            {
                if (variable.Find("valueFrom")?.Find("secretKeyRef") is not YamlMappingNode secretRef) continue;
                references++;
                var data = Single("Secret", secretRef.Str("name")).Node.Map("stringData");
                // An optional key (the seal key) may be absent: the pod starts without the variable.
                if (secretRef.OptStr("optional") != "true")
                    Assert.True(data.Find(secretRef.Str("key")) is not null, $"{deployment}: {name} names a key the Secret lacks");
            }
        }
        Assert.True(references >= 5, $"only {references} references");
        Assert.Equal("ARCHIVE_POSTGRES", Env(Container(Single("Deployment", "archive-silo"))).Single(e =>
            e.Value.Find("valueFrom")?.Find("secretKeyRef")?.OptStr("key") == "postgres").Key);
    }

    [Fact]
    public void Secret_HoldsOnlyDocumentedPlaceholders()
    {
        var secret = Single("Secret", "archive-secrets");
        Assert.Equal("Opaque", secret.Node.Str("type"));
        foreach (var (key, value) in AsDictionary(secret.Node.Map("stringData")))
            Assert.True(value.Contains("REPLACE-ME", StringComparison.Ordinal), $"{key} looks like a real secret");
        Assert.Contains("PLACEHOLDERS", Repo.Text($"{Folder}/{secret.File}"));
        Assert.Contains("secret.yaml", Repo.Text("README.md"));
    }

    [Fact]
    public void ConfigMap_CarriesOnlySharedSettings_AndTheClusterTheSiloLabelsName()
    {
        var settings = AsDictionary(Single("ConfigMap", "archive-settings").Node.Map("data"));
        foreach (var name in settings.Keys)
            Assert.Contains(name, Contract.Shared);
        Assert.Equal("postgres", settings["ARCHIVE_CLUSTERING"]);
        Assert.Equal(Contract.SiloPort.ToString(), settings["ARCHIVE_SILO_PORT"]);
        Assert.Equal(Contract.GatewayPort.ToString(), settings["ARCHIVE_GATEWAY_PORT"]);
        // The API joins with these; Orleans' hosting in the silos takes the labels. UseArchiveKubernetes refuses a mismatch.
        var labels = AsDictionary(Labels(Single("Deployment", "archive-silo").Node.Map("spec").Map("template")));
        Assert.Equal(labels[KubernetesHostingOptions.ClusterIdLabel], settings["ARCHIVE_CLUSTER_ID"]);
        Assert.Equal(labels[KubernetesHostingOptions.ServiceIdLabel], settings["ARCHIVE_SERVICE_ID"]);
    }
}
