using NetArchTest.Rules;
using Xunit;

namespace Archive.Architecture.Tests;

/// <summary>What the compiled assemblies depend on, whatever their project files say.</summary>
public sealed class LayerTests
{
    private static string Failing(NetArchTest.Rules.TestResult result) => string.Join(", ", result.FailingTypeNames ?? []);

    [Fact]
    public void Domain_DependsOnNoFrameworkOrInfrastructure()
    {
        var result = Types.InAssembly(typeof(Archive.Domain.EventAliases).Assembly)
            .ShouldNot().HaveDependencyOnAny("Marten", "Orleans", "Microsoft.AspNetCore", "Npgsql", "Archive.Store", "Archive.Grains", "Archive.Api")
            .GetResult();
        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void Audit_DependsOnNothingOfTheArchive()
    {
        var result = Types.InAssembly(typeof(Archive.Audit.EventHash).Assembly)
            .ShouldNot().HaveDependencyOnAny("Archive.Domain", "Archive.Store", "Archive.Grains", "Marten", "Npgsql")
            .GetResult();
        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void Api_UsesGrainInterfacesNeverGrainImplementationsOrMarten()
    {
        var result = Types.InAssembly(typeof(Archive.Api.ApiHosting).Assembly)
            .ShouldNot().HaveDependencyOnAny("Archive.Grains.Actors", "Archive.Grains.Topics", "Archive.Grains.Sources", "Archive.Grains.Audit",
                "Archive.Grains.Storage", "Archive.Grains.Cluster", "Orleans.Runtime.Silo")
            .GetResult();
        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void Grains_DoNotTalkToPostgreSqlDirectly()
    {
        // the grains append and read through the store; only the cluster's hosting names the ADO.NET provider
        var result = Types.InAssembly(typeof(Archive.Grains.ArchiveSilo).Assembly)
            .That().ResideInNamespaceMatching(@"^Archive\.Grains\.(Actors|Topics|Sources|Audit|Storage)$")
            .ShouldNot().HaveDependencyOnAny("Npgsql")
            .GetResult();
        Assert.True(result.IsSuccessful, Failing(result));
    }
}
