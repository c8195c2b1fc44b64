using System.Text.Json;
using System.Xml.Linq;

namespace Archive.Deploy.Tests;

public sealed class DockerfileTests
{
    public static TheoryData<string> Roles() => new(Contract.Processes.Select(p => p.Role));

    private static Contract.Process Of(string role) => Contract.Processes.Single(p => p.Role == role);

    [Theory]
    [MemberData(nameof(Roles))]
    public void Dockerfile_IsMultiStage_BuildsInTheSdkAndRunsInARuntimeImage(string role)
    {
        var process = Of(role);
        var file = Dockerfile.Load(process.Dockerfile);

        Assert.True(file.Stages.Count >= 2, $"{process.Dockerfile} has {file.Stages.Count} stage(s)");
        var build = file.Stages[0];
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", build.Image);
        Assert.NotNull(build.Name);
        // An ASP.NET Core host needs the aspnet image; anything else runs on the plain runtime.
        var runtime = IsWeb(process.Project) ? "mcr.microsoft.com/dotnet/aspnet:10.0" : "mcr.microsoft.com/dotnet/runtime:10.0";
        Assert.Equal(runtime, file.Final.Image);
        Assert.Contains(file.Final.All("COPY"), c => c.Arguments.StartsWith($"--from={build.Name} ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Dockerfile_FinalStage_RunsAsTheNonRootUserTheManifestsExpect(string role)
    {
        var file = Dockerfile.Load(Of(role).Dockerfile);

        var user = Assert.Single(file.Final.All("USER")).Arguments;
        Assert.DoesNotMatch("^(root|0)(:|$)", user);
        // Numeric, and the uid the pods' securityContext names: Kubernetes can only verify runAsNonRoot for a number.
        Assert.Equal(Contract.RunAsUser.ToString(), user);
        var last = file.Final.Instructions.Last(i => i.Keyword is "USER" or "RUN");
        Assert.Equal("USER", last.Keyword);
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Dockerfile_EntryPoint_IsTheDllOfAnExecutableProjectItPublishes(string role)
    {
        var process = Of(role);
        var file = Dockerfile.Load(process.Dockerfile);

        var entry = JsonSerializer.Deserialize<string[]>(Assert.Single(file.Final.All("ENTRYPOINT")).Arguments);
        Assert.Equal(new[] { "dotnet", process.Dll }, entry);
        var project = $"src/{process.Project}/{process.Project}.csproj";
        Assert.True(File.Exists(Repo.PathOf(project)), $"{project} does not exist");
        var csproj = XDocument.Load(Repo.PathOf(project));
        Assert.True(IsWeb(process.Project) || csproj.Descendants("OutputType").Any(o => o.Value == "Exe"), $"{project} is not an executable");
        Assert.DoesNotContain(csproj.Descendants("AssemblyName"), a => a.Value != process.Project);
        var publish = Assert.Single(file.Stages[0].All("RUN"), r => r.Arguments.StartsWith("dotnet publish", StringComparison.Ordinal));
        Assert.Contains($" {project} ", publish.Arguments + " ");
        Assert.Contains("--no-restore", publish.Arguments);
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Dockerfile_Restore_SeesOnlyProjectFilesAndTheLocalFeed(string role)
    {
        var process = Of(role);
        var build = Dockerfile.Load(process.Dockerfile).Stages[0];
        var steps = build.Instructions.ToList();
        var restore = steps.FindIndex(i => i.Keyword == "RUN" && i.Arguments.StartsWith("dotnet restore", StringComparison.Ordinal));
        Assert.True(restore > 0, "no RUN dotnet restore");
        var copiedBefore = steps.Take(restore).Where(i => i.Keyword == "COPY").SelectMany(Sources).ToList();

        // The layer of the restore is reused as long as none of these change; a source file among them would defeat it.
        foreach (var source in copiedBefore)
            Assert.True(source.EndsWith(".csproj") || source.EndsWith(".props") || source.EndsWith(".json") || source == "nuget.config"
                        || source.TrimEnd('/') == "deploy/nuget/feed", $"{source} is copied before the restore");
        // nuget.config maps Patched.DistributedLock.Core to this folder: without it the restore fails.
        Assert.Contains("nuget.config", copiedBefore);
        Assert.Contains("deploy/nuget/feed/", copiedBefore);
        Assert.Contains("Directory.Packages.props", copiedBefore);
        Assert.Contains("Directory.Build.props", copiedBefore);
        Assert.Contains("global.json", copiedBefore);
        foreach (var project in ProjectClosure($"src/{process.Project}/{process.Project}.csproj"))
            Assert.Contains(project, copiedBefore);
        Assert.Contains(steps.Skip(restore), i => i.Keyword == "COPY" && Sources(i).Contains("src/"));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Dockerfile_CopiesOnlyPathsTheBuildContextHolds(string role)
    {
        var file = Dockerfile.Load(Of(role).Dockerfile);
        var ignored = Repo.Text(".dockerignore").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        foreach (var copy in file.Stages.SelectMany(s => s.All("COPY")).Where(c => !c.Arguments.StartsWith("--from=", StringComparison.Ordinal)))
            foreach (var source in Sources(copy))
            {
                Assert.True(File.Exists(Repo.PathOf(source)) || Directory.Exists(Repo.PathOf(source)), $"COPY {source}: no such path");
                Assert.DoesNotContain(ignored, pattern => Ignores(pattern, source.TrimEnd('/')));
            }
    }

    [Fact]
    public void SiloDockerfile_Healthcheck_OpensTheGatewayPort()
    {
        var check = Assert.Single(Dockerfile.Load(Contract.SiloProcess.Dockerfile).Final.All("HEALTHCHECK")).Arguments;
        Assert.Contains(" CMD ", " " + check);
        Assert.Contains("/dev/tcp/", check);
        Assert.Contains(Contract.GatewayPort.ToString(), check);
    }

    [Fact]
    public void ApiDockerfile_Healthcheck_AsksHealthOnTheListeningPort()
    {
        var file = Dockerfile.Load(Contract.ApiProcess.Dockerfile);
        var check = Assert.Single(file.Final.All("HEALTHCHECK")).Arguments;
        Assert.Contains($"/dev/tcp/127.0.0.1/{Contract.HttpPort}", check);
        Assert.Contains("GET /health ", check);
        Assert.Contains($"ARCHIVE_URLS=http://0.0.0.0:{Contract.HttpPort}", Assert.Single(file.Final.All("ENV")).Arguments);
        Assert.Contains(Contract.HttpPort.ToString(), Assert.Single(file.Final.All("EXPOSE")).Arguments);
    }

    [Fact]
    public void OldSingleProcessDockerfile_IsGone()
    {
        Assert.False(File.Exists(Repo.PathOf("deploy/Dockerfile")), "deploy/Dockerfile is replaced by Dockerfile.silo and Dockerfile.api");
    }

    internal static bool IsWeb(string project) =>
        XDocument.Load(Repo.PathOf($"src/{project}/{project}.csproj")).Root!.Attribute("Sdk")!.Value == "Microsoft.NET.Sdk.Web";

    /// <summary>The project and every project it references, transitively, as repository paths.</summary>
    internal static IReadOnlySet<string> ProjectClosure(string project)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next)) continue;
            var folder = Path.GetDirectoryName(Repo.PathOf(next))!;
            foreach (var reference in XDocument.Load(Repo.PathOf(next)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(folder, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(Repo.Root, full).Replace('\\', '/'));
            }
        }
        return seen;
    }

    private static IEnumerable<string> Sources(Dockerfile.Instruction copy)
    {
        var words = copy.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
        return words.Take(words.Count - 1);
    }

    private static bool Ignores(string pattern, string path) => pattern.StartsWith("**/", StringComparison.Ordinal)
        ? path.Split('/').Contains(pattern[3..])
        : path == pattern || path.StartsWith(pattern + "/", StringComparison.Ordinal);
}
