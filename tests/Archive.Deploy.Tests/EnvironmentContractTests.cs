using System.Text.RegularExpressions;

namespace Archive.Deploy.Tests;

/// <summary>
/// Every ARCHIVE_* variable that compose, the manifests or the Dockerfiles set is one the archive's sources read, as
/// a configuration key literal: a renamed or misspelt variable would otherwise be ignored without a word.
/// </summary>
public sealed partial class EnvironmentContractTests
{
    private static readonly string[] DeployFiles =
        new[] { "docker-compose.yml", Contract.SiloProcess.Dockerfile, Contract.ApiProcess.Dockerfile }
            .Concat(Directory.GetFiles(Repo.PathOf(Manifests.Folder), "*.yaml").Select(f => $"{Manifests.Folder}/{Path.GetFileName(f)}"))
            .ToArray();

    public static TheoryData<string> VariablesSet() => new(
        DeployFiles.SelectMany(f => ArchiveName().Matches(Repo.Text(f)).Select(m => m.Value)).Distinct().Order());

    [Fact]
    public void DeployFiles_SetArchiveVariables()
    {
        Assert.True(VariablesSet().Count >= 10, $"only {VariablesSet().Count} ARCHIVE_* names found in the deploy files");
    }

    [Theory]
    [MemberData(nameof(VariablesSet))]
    public void ArchiveVariable_IsInTheProcessContract(string name)
    {
        Assert.Contains(name, Contract.Silo.Union(Contract.Api));
    }

    [Theory]
    [MemberData(nameof(VariablesSet))]
    public void ArchiveVariable_IsReadByTheSources(string name)
    {
        var literal = $"\"{name}\"";
        var readers = Directory.GetFiles(Repo.PathOf("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains(literal, StringComparison.Ordinal))
            .ToList();
        Assert.True(readers.Count > 0, $"no source under src/ reads {literal}");
    }

    [GeneratedRegex(@"\bARCHIVE_[A-Z_]+[A-Z]\b")]
    private static partial Regex ArchiveName();
}
