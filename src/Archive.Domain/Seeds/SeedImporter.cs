using System.Text.Json;

namespace Archive.Domain.Seeds;

/// <summary>What happened to one thing in the file: added, skipped (the archive already held it) or failed, with why.</summary>
public sealed record ImportedItem(string Kind, string Name, string Outcome, string? Id = null, string? Reason = null);

public sealed record ImportReport(string File, int Added, int Skipped, int Failed, IReadOnlyList<ImportedItem> Items);

/// <summary>The archive's answer to one write of an import: refused (with why), or its id and whether it appended.</summary>
public sealed record ImportWrite(string? Id, long Version, bool Appended, string? Refusal)
{
    public bool Succeeded => Refusal is null;
}

/// <summary>Where an import writes: the grains of the process (the start-up import) or the HTTP API (<c>archive import</c>).</summary>
public interface IImportTarget
{
    Task<ImportWrite> RegisterActor(SeedActor actor, CancellationToken ct);
    Task<ImportWrite> OpenTopic(SeedTopic topic, CancellationToken ct);
    Task<ImportWrite> RegisterSource(SeedSource source, string text, CancellationToken ct);
    Task<ImportWrite> RecordStatement(SeedStatement statement, string sourceId, CancellationToken ct);
    Task<ImportWrite> VerifyStatement(SeedStatement statement, string statementId, SeedVerification verification, CancellationToken ct);
}

/// <summary>
/// The one importer of <c>archive.json</c>-shaped files (actors, topics parents first, sources, statements with their
/// verifications), whoever runs it. Every write is idempotent, so a second import of the same file adds nothing: what
/// the archive already holds is counted as skipped.
/// </summary>
public sealed class SeedImporter(IImportTarget target)
{
    public const string FileName = "archive.json";

    public static class Outcomes
    {
        public const string Added = "added";
        public const string Skipped = "skipped";
        public const string Failed = "failed";
    }

    // Optional fields may be left out; a missing required one (an id, a quote) is for the archive to refuse, item by item.
    private static readonly JsonSerializerOptions FileFormat = new(JsonSerializerDefaults.Web) { RespectNullableAnnotations = true };

    /// <summary>
    /// Reads the file; a list it leaves out is empty, so a file may hold only what it adds (statements for known actors,
    /// say). A file that is not an archive file is an <see cref="InvalidDataException"/> that says why.
    /// </summary>
    public static async Task<SeedFile> Read(string file, CancellationToken ct)
    {
        try
        {
            await using var stream = File.OpenRead(file);
            var seeds = await JsonSerializer.DeserializeAsync<SeedFile>(stream, FileFormat, ct)
                        ?? throw new InvalidDataException($"{file} holds null, not an archive file");
            // the lists are declared non-null, but a member left out of the file is not checked by the serializer, nor are their elements
            var read = new SeedFile(seeds.Actors ?? [], seeds.Topics ?? [], seeds.Sources ?? [], seeds.Statements ?? []);
            foreach (var (list, items) in new (string, IEnumerable<object?>)[] { ("actors", read.Actors), ("topics", read.Topics), ("sources", read.Sources), ("statements", read.Statements) })
                if (items.ToList().IndexOf(null) is var hole and >= 0) throw new InvalidDataException($"{file} is not an archive file: {list}[{hole}] is null");
            return read;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file} is not an archive file: {e.Message}", e);
        }
    }

    /// <summary>How many items an import of <paramref name="seeds"/> reports, for a progress bar.</summary>
    public static int Count(SeedFile seeds) => seeds.Actors.Count + seeds.Topics.Count + seeds.Sources.Count + seeds.Statements.Count;

    /// <param name="file">The file the seeds were read from; source documents are read from its folder.</param>
    public async Task<ImportReport> Import(string file, SeedFile seeds, Action<ImportedItem> progress, CancellationToken ct)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var items = new List<ImportedItem>();
        void Report(ImportedItem item)
        {
            items.Add(item);
            progress(item);
        }

        foreach (var actor in seeds.Actors)
            Report(Item("actor", actor.Id, await target.RegisterActor(actor, ct)));

        foreach (var topic in ParentsFirst(seeds.Topics))
            Report(Item("topic", topic.Id, await target.OpenTopic(topic, ct)));

        var sourceIds = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var source in seeds.Sources)
        {
            if (source.File is null)
            {
                Report(new ImportedItem("source", "(no file)", Outcomes.Failed, Reason: "file: is required"));
                continue;
            }
            string text;
            try
            {
                text = await File.ReadAllTextAsync(Path.Combine(folder, source.File), ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                sourceIds[source.File] = null;
                Report(new ImportedItem("source", source.File, Outcomes.Failed, Reason: $"cannot read the document: {e.Message}"));
                continue;
            }
            var written = await target.RegisterSource(source, text, ct);
            sourceIds[source.File] = written.Succeeded ? written.Id : null;
            Report(Item("source", source.File, written));
        }

        foreach (var s in seeds.Statements)
        {
            ct.ThrowIfCancellationRequested();
            Report(await Statement(s, sourceIds, ct));
        }

        return new ImportReport(file,
            items.Count(i => i.Outcome == Outcomes.Added), items.Count(i => i.Outcome == Outcomes.Skipped),
            items.Count(i => i.Outcome == Outcomes.Failed), items);
    }

    private async Task<ImportedItem> Statement(SeedStatement s, Dictionary<string, string?> sourceIds, CancellationToken ct)
    {
        var name = $"{s.ActorId} in {s.Source} [{s.Span?.Start}, {s.Span?.End})";
        if (s.Source is null || !sourceIds.TryGetValue(s.Source, out var sourceId))
            return new ImportedItem("statement", name, Outcomes.Failed, Reason: $"source file '{s.Source}' is not listed in sources");
        if (sourceId is null)
            return new ImportedItem("statement", name, Outcomes.Failed, Reason: $"its source '{s.Source}' was not imported");

        var recorded = await target.RecordStatement(s, sourceId, ct);
        if (!recorded.Succeeded || s.Verification is not { } verification) return Item("statement", name, recorded);

        // Verifying again with the same method and note is a no-op; the stream's version says whether anything was appended
        // (the API answers a verification 200 either way).
        var verified = await target.VerifyStatement(s, recorded.Id!, verification, ct);
        if (!verified.Succeeded)
            return new ImportedItem("statement", name, Outcomes.Failed, recorded.Id, $"recorded, but verifying it failed: {verified.Refusal}");
        var added = recorded.Appended || verified.Version > recorded.Version;
        return new ImportedItem("statement", name, added ? Outcomes.Added : Outcomes.Skipped, recorded.Id);
    }

    private static ImportedItem Item(string kind, string name, ImportWrite written) =>
        !written.Succeeded ? new ImportedItem(kind, name, Outcomes.Failed, Reason: written.Refusal)
        : new ImportedItem(kind, name, written.Appended ? Outcomes.Added : Outcomes.Skipped, written.Id);

    /// <summary>Topics whose parent is in the file come after that parent, at any depth; the rest keep the file's order.</summary>
    public static IEnumerable<SeedTopic> ParentsFirst(IReadOnlyList<SeedTopic> topics)
    {
        var inFile = topics.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var left = topics.ToList();
        while (left.Count > 0)
        {
            var ready = left.Where(t => t.ParentId is null || !inFile.Contains(t.ParentId) || done.Contains(t.ParentId)).ToList();
            // a cycle: send the rest as they are and let the archive say which parent is missing
            if (ready.Count == 0) ready = [.. left];
            foreach (var t in ready)
            {
                done.Add(t.Id);
                left.Remove(t);
                yield return t;
            }
        }
    }
}
