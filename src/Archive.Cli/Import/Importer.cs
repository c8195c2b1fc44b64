using System.Text.Json;
using Archive.Api.Seeds;
using Archive.Cli.Shell;

namespace Archive.Cli.Import;

/// <summary>What happened to one thing in the file: added, skipped (the archive already held it) or failed, with why.</summary>
public sealed record ImportedItem(string Kind, string Name, string Outcome, string? Id = null, string? Reason = null);

public sealed record ImportReport(string File, int Added, int Skipped, int Failed, IReadOnlyList<ImportedItem> Items);

/// <summary>
/// Imports an <c>archive.json</c>-shaped file (actors, topics, sources, statements with their verifications) through the
/// HTTP API, in that order. Every write is idempotent on the server, so a second import of the same file adds nothing:
/// the archive answers 200 instead of 201 for what it already holds, and that is counted as skipped.
/// </summary>
public sealed class Importer(ArchiveServer server)
{
    public static class Outcomes
    {
        public const string Added = "added";
        public const string Skipped = "skipped";
        public const string Failed = "failed";
    }

    /// <summary>The file to read: DIR/archive.json for a folder, else the file itself. A missing path is a usage error.</summary>
    public static string Locate(string path)
    {
        if (Directory.Exists(path))
        {
            var file = Path.Combine(path, "archive.json");
            return File.Exists(file) ? Path.GetFullPath(file) : throw CliException.Usage($"{path} holds no archive.json");
        }
        return File.Exists(path) ? Path.GetFullPath(path) : throw CliException.Usage($"{path} does not exist");
    }

    // Optional fields may be left out; a missing required one (an id, a quote) is for the archive to refuse, item by item.
    private static readonly JsonSerializerOptions FileFormat = new(JsonSerializerDefaults.Web) { RespectNullableAnnotations = true };

    /// <summary>Reads the file; a list it leaves out is empty, so a file may hold only what it adds (statements for known actors, say).</summary>
    public static async Task<SeedFile> Read(string file, CancellationToken ct)
    {
        try
        {
            await using var stream = File.OpenRead(file);
            var seeds = await JsonSerializer.DeserializeAsync<SeedFile>(stream, FileFormat, ct)
                        ?? throw CliException.Failure($"{file} holds null, not an archive file");
            // the lists are declared non-null, but a member left out of the file is not checked by the serializer, nor are their elements
            var read = new SeedFile(seeds.Actors ?? [], seeds.Topics ?? [], seeds.Sources ?? [], seeds.Statements ?? []);
            foreach (var (list, items) in new (string, IEnumerable<object?>)[] { ("actors", read.Actors), ("topics", read.Topics), ("sources", read.Sources), ("statements", read.Statements) })
                if (items.ToList().IndexOf(null) is var hole and >= 0) throw CliException.Failure($"{file} is not an archive file: {list}[{hole}] is null");
            return read;
        }
        catch (JsonException e)
        {
            throw CliException.Failure($"{file} is not an archive file: {e.Message}");
        }
    }

    /// <summary>How many items an import of <paramref name="seeds"/> reports, for a progress bar.</summary>
    public static int Count(SeedFile seeds) => seeds.Actors.Count + seeds.Topics.Count + seeds.Sources.Count + seeds.Statements.Count;

    public async Task<ImportReport> Import(string file, SeedFile seeds, Action<ImportedItem> progress, CancellationToken ct)
    {
        var folder = Path.GetDirectoryName(file)!;
        var items = new List<ImportedItem>();
        void Report(ImportedItem item)
        {
            items.Add(item);
            progress(item);
        }

        foreach (var actor in seeds.Actors)
            Report(Item("actor", actor.Id, await server.PostJson("/api/actors", actor, ct)));

        foreach (var topic in ParentsFirst(seeds.Topics))
            Report(Item("topic", topic.Id, await server.PostJson("/api/topics", topic, ct)));

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
            var written = await server.PostJson("/api/sources",
                new { source.Title, Text = text, source.Outlet, source.Url, source.PublishedOn, source.Language }, ct);
            sourceIds[source.File] = written.Succeeded ? written.Id : null;
            Report(Item("source", source.File, written));
        }

        foreach (var s in seeds.Statements)
            Report(await Statement(s, sourceIds, ct));

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

        var recorded = await server.PostJson("/api/statements", new
        {
            s.ActorId, SourceId = sourceId, s.Quote, s.Span, s.QuoteKind, s.SaidOn, s.Occasion, s.Topics, s.Language, s.CoSpeakers,
        }, ct);
        if (!recorded.Succeeded || s.Verification is not { } verification) return Item("statement", name, recorded);

        // Verifying again with the same method and note is a no-op; the stream's version says whether anything was appended.
        var verified = await server.PostJson($"/api/statements/{Uri.EscapeDataString(recorded.Id!)}/verify", verification, ct);
        if (!verified.Succeeded)
            return new ImportedItem("statement", name, Outcomes.Failed, recorded.Id, $"recorded, but verifying it failed: {verified.Refusal}");
        var added = recorded.Created || verified.Version > recorded.Version;
        return new ImportedItem("statement", name, added ? Outcomes.Added : Outcomes.Skipped, recorded.Id);
    }

    private static ImportedItem Item(string kind, string name, ArchiveServer.Written written) =>
        !written.Succeeded ? new ImportedItem(kind, name, Outcomes.Failed, Reason: written.Refusal)
        : new ImportedItem(kind, name, written.Created ? Outcomes.Added : Outcomes.Skipped, written.Id);

    /// <summary>Topics whose parent is in the file come after that parent, at any depth; the rest keep the file's order.</summary>
    private static IEnumerable<SeedTopic> ParentsFirst(IReadOnlyList<SeedTopic> topics)
    {
        var inFile = topics.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var left = topics.ToList();
        while (left.Count > 0)
        {
            var ready = left.Where(t => t.ParentId is null || !inFile.Contains(t.ParentId) || done.Contains(t.ParentId)).ToList();
            // a cycle: send the rest as they are and let the archive say which parent is missing
            if (ready.Count == 0) ready = left;
            foreach (var t in ready)
            {
                done.Add(t.Id);
                left.Remove(t);
                yield return t;
            }
        }
    }
}
