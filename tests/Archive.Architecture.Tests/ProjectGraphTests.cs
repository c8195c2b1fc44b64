using Xunit;

namespace Archive.Architecture.Tests;

/// <summary>The project graph of docs/architecture.md: pure domain and audit, thin grains, the store the only Marten project.</summary>
public sealed class ProjectGraphTests
{
    /// <summary>Every source project and exactly the projects it references.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Expected = new Dictionary<string, string[]>
    {
        ["Archive.Domain"] = [],
        ["Archive.Audit"] = [],
        ["Archive.Grains.Interfaces"] = ["Archive.Domain"],
        ["Archive.Store"] = ["Archive.Audit", "Archive.Domain"],
        ["Archive.Grains"] = ["Archive.Grains.Interfaces", "Archive.Store"],
        // The API runs the candidate extractor over a source as the archive holds it (docs/extraction.md).
        ["Archive.Api"] = ["Archive.Extraction", "Archive.Grains.Interfaces", "Archive.Store"],
        ["Archive.Host"] = ["Archive.Api", "Archive.Grains", "Archive.Web"],
        ["Archive.Web"] = ["Archive.Api", "Archive.Grains.Interfaces", "Archive.Store"],
        ["Archive.Silo"] = ["Archive.Grains"],
        ["Archive.Cli"] = ["Archive.Audit", "Archive.Store"],
        ["Archive.Extraction"] = [],
    };

    [Fact]
    public void SourceProjects_References_AreExactlyTheDocumentedGraph()
    {
        // given every project under src/
        var projects = Repository.SourceProjects();

        // then each references exactly what the graph says, and no project is missing from it
        Assert.Equal(Expected.Keys.Order(), projects.Keys.Where(Expected.ContainsKey).Order());
        foreach (var (name, file) in projects)
        {
            Assert.True(Expected.TryGetValue(name, out var expected), $"{name} is not in the documented project graph (docs/architecture.md)");
            Assert.Equal(expected.Order(), Repository.ReferencesOf(file).Order());
        }
    }

    [Theory]
    [InlineData("Archive.Api")]
    [InlineData("Archive.Cli")]
    [InlineData("Archive.Web")]
    public void HttpAndCommandLine_ReachNoGrainImplementation(string project) =>
        Assert.DoesNotContain("Archive.Grains", Repository.Closure(project));

    [Theory]
    [InlineData("Archive.Domain")]
    [InlineData("Archive.Audit")]
    public void DomainAndAudit_HaveNoPackages(string project) =>
        Assert.Empty(Repository.PackagesOf(Repository.SourceProjects()[project]));

    [Fact]
    public void OnlyTheStore_ReferencesMarten()
    {
        var withMarten = Repository.SourceProjects().Where(p => Repository.PackagesOf(p.Value).Contains("Marten")).Select(p => p.Key);
        Assert.Equal(["Archive.Store"], withMarten);
    }
}
