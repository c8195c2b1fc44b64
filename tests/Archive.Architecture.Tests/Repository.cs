using System.Xml.Linq;

namespace Archive.Architecture.Tests;

/// <summary>The checkout the tests run from, and its projects as their files declare them.</summary>
internal static class Repository
{
    public static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Archive.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no Archive.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>Every project under src/, by name (Archive.Api, …).</summary>
    public static IReadOnlyDictionary<string, string> SourceProjects() =>
        Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .ToDictionary(p => Path.GetFileNameWithoutExtension(p), p => p, StringComparer.Ordinal);

    /// <summary>The projects a project file references directly, by name.</summary>
    public static IReadOnlySet<string> ReferencesOf(string projectFile) =>
        XDocument.Load(projectFile).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToHashSet(StringComparer.Ordinal);

    public static IReadOnlySet<string> PackagesOf(string projectFile) =>
        XDocument.Load(projectFile).Descendants("PackageReference").Select(r => r.Attribute("Include")!.Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>The projects reachable from <paramref name="project"/> through project references, itself excluded.</summary>
    public static IReadOnlySet<string> Closure(string project)
    {
        var projects = SourceProjects();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var next = new Stack<string>(ReferencesOf(projects[project]));
        while (next.TryPop(out var name))
            if (seen.Add(name) && projects.TryGetValue(name, out var file))
                foreach (var reference in ReferencesOf(file)) next.Push(reference);
        return seen;
    }

    /// <summary>Tracked-looking source files under a folder (build output left out).</summary>
    public static IEnumerable<string> SourceFiles(string folder, string pattern = "*.cs") =>
        Directory.GetFiles(Path.Combine(Root, folder), pattern, SearchOption.AllDirectories)
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules"));
}
