using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Archive.Deploy.Tests;

/// <summary>The repository's files, read where they are checked in (the tests copy nothing to their output).</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Text(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Every document of a YAML file, with anchors, aliases and merge keys (&lt;&lt;) resolved as Compose does.</summary>
    public static IReadOnlyList<YamlMappingNode> Yaml(string relative)
    {
        using var reader = new StringReader(Text(relative));
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(reader)));
        return stream.Documents.Select(d => Assert.IsType<YamlMappingNode>(d.RootNode)).ToList();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Archive.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Archive.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>Terse navigation of parsed YAML; a missing key fails the test with its path.</summary>
public static class YamlNav
{
    public static YamlNode? Find(this YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlNode Get(this YamlNode node, string key) =>
        node.Find(key) ?? throw new Xunit.Sdk.XunitException($"'{key}' is missing at {node.Start}.");

    public static YamlMappingNode Map(this YamlNode node, string key) => Assert.IsType<YamlMappingNode>(node.Get(key));

    public static IEnumerable<YamlNode> Seq(this YamlNode node, string key) => Assert.IsType<YamlSequenceNode>(node.Get(key)).Children;

    public static string Str(this YamlNode node, string key) => node.Get(key).Scalar();

    public static string? OptStr(this YamlNode node, string key) => node.Find(key) is YamlScalarNode s ? s.Value : null;

    public static string Scalar(this YamlNode node) =>
        Assert.IsType<YamlScalarNode>(node).Value ?? throw new Xunit.Sdk.XunitException($"Null scalar at {node.Start}.");

    public static IEnumerable<string> Keys(this YamlMappingNode map) => map.Children.Keys.Select(k => k.Scalar());

    /// <summary>A YAML value written without anything after the colon: Compose passes such a variable from its shell.</summary>
    public static bool IsNull(this YamlNode node) =>
        node is YamlScalarNode { Value: "" or "~" or "null", Style: ScalarStyle.Plain };
}
