using YamlDotNet.RepresentationModel;

namespace Archive.Deploy.Tests;

/// <summary>Every object of deploy/k8s, with the file it came from.</summary>
public static class Manifests
{
    public const string Folder = "deploy/k8s";

    public sealed record K8sObject(string File, YamlMappingNode Node)
    {
        public string Kind => Node.Str("kind");
        public string Name => Node.Map("metadata").Str("name");
        public override string ToString() => $"{Kind}/{Name} ({File})";
    }

    public static IReadOnlyList<string> Files { get; } = Directory.GetFiles(Repo.PathOf(Folder), "*.yaml")
        .Select(f => Path.GetFileName(f)).Where(f => f != "kustomization.yaml").Order().ToList();

    public static IReadOnlyList<K8sObject> All { get; } =
        Files.SelectMany(f => Repo.Yaml($"{Folder}/{f}").Select(n => new K8sObject(f, n))).ToList();

    public static K8sObject Single(string kind, string name) => Assert.Single(All, o => o.Kind == kind && o.Name == name);

    public static YamlMappingNode PodSpec(K8sObject deployment) => deployment.Node.Map("spec").Map("template").Map("spec");

    public static YamlMappingNode Container(K8sObject deployment) => Assert.IsType<YamlMappingNode>(Assert.Single(PodSpec(deployment).Seq("containers")));

    public static YamlMappingNode Labels(YamlNode withMetadata) => withMetadata.Map("metadata").Map("labels");

    public static Dictionary<string, string> AsDictionary(YamlMappingNode map) =>
        map.Children.ToDictionary(e => e.Key.Scalar(), e => e.Value.Scalar());

    public static Dictionary<string, YamlMappingNode> Env(YamlMappingNode container) =>
        container.Seq("env").Cast<YamlMappingNode>().ToDictionary(e => e.Str("name"));

    /// <summary>A probe or Service port given by name resolves through the container's named ports.</summary>
    public static int Port(YamlMappingNode container, string portOrName) =>
        int.TryParse(portOrName, out var number)
            ? number
            : int.Parse(Assert.Single(container.Seq("ports"), p => p.Str("name") == portOrName).Str("containerPort"));
}
