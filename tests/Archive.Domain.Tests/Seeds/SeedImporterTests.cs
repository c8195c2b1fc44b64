using Archive.Domain.Seeds;
using Xunit;

namespace Archive.Domain.Tests.Seeds;

/// <summary>The one importer of archive files, run against a target that records what it was asked, in order.</summary>
public sealed class SeedImporterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("archive-seeds-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static SeedTopic Topic(string id, string? parent = null) => new(id, id, null, parent);

    [Fact]
    public void ParentsFirst_ChildrenListedBeforeTheirParentsAtAnyDepth_ComeAfterThem()
    {
        // given a grandchild, then its parent, then the root, and an unrelated topic whose parent is not in the file
        var topics = new[] { Topic("gwadar", "cpec-ports"), Topic("cpec-ports", "cpec"), Topic("cpec"), Topic("media", "archived-elsewhere") };

        // when they are ordered for import
        var order = SeedImporter.ParentsFirst(topics).Select(t => t.Id).ToArray();

        // then every parent in the file comes before its children (in rounds: the roots and topics of parents not in the
        // file first, then their children, …), each round in the file's order
        Assert.Equal(["cpec", "media", "cpec-ports", "gwadar"], order);
    }

    [Fact]
    public void ParentsFirst_ACycle_SendsTheRestAsTheyAre()
    {
        var order = SeedImporter.ParentsFirst([Topic("a", "b"), Topic("b", "a"), Topic("c")]).Select(t => t.Id).ToArray();

        Assert.Equal(["c", "a", "b"], order);
    }

    [Fact]
    public async Task Import_AFileTwice_AddsThenSkipsEverythingAndOpensParentsFirst()
    {
        // given an archive file with a child topic listed before its parent, a source and a verified statement
        await File.WriteAllTextAsync(Path.Combine(_folder, "doc.txt"), "Lin Jian said ties are strong.", TestContext.Current.CancellationToken);
        var seeds = new SeedFile(
            [new SeedActor("lin-jian", "Lin Jian", "person", "CN", null)],
            [Topic("cpec-ports", "cpec"), Topic("cpec")],
            [new SeedSource("doc.txt", "Briefing", null, null, null, "en")],
            [new SeedStatement("lin-jian", "doc.txt", "ties are strong", new SeedSpan(14, 29), "reported", new DateOnly(2025, 1, 2), null,
                ["cpec"], "en", null, new SeedVerification("source-text-check", null))]);
        var target = new RecordingTarget();
        var importer = new SeedImporter(target);
        var file = Path.Combine(_folder, SeedImporter.FileName);

        // when it is imported twice
        var first = await importer.Import(file, seeds, _ => { }, TestContext.Current.CancellationToken);
        var second = await importer.Import(file, seeds, _ => { }, TestContext.Current.CancellationToken);

        // then the first import adds every item in order, parents first, and the second adds nothing
        Assert.Equal((5, 0, 0), (first.Added, first.Skipped, first.Failed));
        Assert.Equal((0, 5, 0), (second.Added, second.Skipped, second.Failed));
        Assert.Equal(["actor lin-jian", "topic cpec", "topic cpec-ports", "source doc.txt", "statement st-1", "verify st-1"], target.Calls.Take(6));
    }

    [Fact]
    public async Task Import_AStatementOfAnUnlistedSource_FailsThatItemAlone()
    {
        var seeds = new SeedFile([], [], [], [new SeedStatement("lin-jian", "missing.txt", "q", new SeedSpan(0, 1), "direct",
            new DateOnly(2025, 1, 2), null, null, null, null, null)]);

        var report = await new SeedImporter(new RecordingTarget()).Import(Path.Combine(_folder, SeedImporter.FileName), seeds, _ => { },
            TestContext.Current.CancellationToken);

        var failed = Assert.Single(report.Items);
        Assert.Equal(SeedImporter.Outcomes.Failed, failed.Outcome);
        Assert.Contains("missing.txt", failed.Reason, StringComparison.Ordinal);
    }

    /// <summary>An archive in memory: every write appends once, and a repeat is answered as already held.</summary>
    private sealed class RecordingTarget : IImportTarget
    {
        private readonly HashSet<string> _held = [];
        private long _version;

        public List<string> Calls { get; } = [];

        private Task<ImportWrite> Write(string call, string id)
        {
            Calls.Add(call);
            var appended = _held.Add(call);
            if (appended) _version++;
            return Task.FromResult(new ImportWrite(id, _version, appended, null));
        }

        public Task<ImportWrite> RegisterActor(SeedActor actor, CancellationToken ct) => Write($"actor {actor.Id}", actor.Id);
        public Task<ImportWrite> OpenTopic(SeedTopic topic, CancellationToken ct) => Write($"topic {topic.Id}", topic.Id);
        public Task<ImportWrite> RegisterSource(SeedSource source, string text, CancellationToken ct) => Write($"source {source.File}", "src-1");
        public Task<ImportWrite> RecordStatement(SeedStatement statement, string sourceId, CancellationToken ct) => Write("statement st-1", "st-1");
        public Task<ImportWrite> VerifyStatement(SeedStatement statement, string statementId, SeedVerification verification, CancellationToken ct) =>
            Write($"verify {statementId}", statementId);
    }
}
