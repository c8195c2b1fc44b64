using Xunit;

namespace Archive.Architecture.Tests;

public sealed class SourceFileTests
{
    [Fact]
    public void HttpProject_NamesNoMartenTable()
    {
        // Marten's tables (mt_events, mt_doc_…) are the store's business: the HTTP project asks its query classes.
        var naming = Repository.SourceFiles("src/Archive.Api").Where(f => File.ReadAllText(f).Contains("mt_", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Repository.Root, f));
        Assert.Empty(naming);
    }

    [Fact]
    public void SourceFiles_AreAtMost300Lines() => AtMost("src", 300);

    [Fact]
    public void TestFiles_AreAtMost400Lines() => AtMost("tests", 400);

    private static void AtMost(string folder, int lines)
    {
        var long_ = Repository.SourceFiles(folder).Select(f => (File: Path.GetRelativePath(Repository.Root, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > lines).Select(f => $"{f.File} ({f.Lines} lines)");
        Assert.Empty(long_);
    }
}
