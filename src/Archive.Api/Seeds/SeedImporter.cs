using System.Text.Json;
using Archive.Domain.Actors;
using Archive.Domain.Common;
using Archive.Domain.Sources;
using Archive.Domain.Statements;
using Archive.Domain.Topics;
using Archive.Grains;

namespace Archive.Api.Seeds;

public sealed record SeedSummary(int Appended, int Unchanged, IReadOnlyList<string> Failures);

/// <summary>
/// Imports a seeds directory (source documents plus <c>archive.json</c>) through the same grains as the API.
/// Every step is idempotent, so importing twice appends nothing the second time.
/// </summary>
public sealed class SeedImporter(IGrainFactory grains)
{
    public const string Principal = "seed-import";
    public const string FileName = "archive.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<SeedSummary> Import(string directory, CancellationToken ct)
    {
        var path = Path.Combine(directory, FileName);
        var seeds = JsonSerializer.Deserialize<SeedFile>(await File.ReadAllTextAsync(path, ct), Json)
                    ?? throw new InvalidDataException($"{path} is empty");
        var context = new WriteContext(Principal, $"seed-import-{Guid.NewGuid():N}");
        var tally = new Tally();

        foreach (var actor in seeds.Actors)
            tally.Add($"actor {actor.Id}", await grains.GetGrain<IActorGrain>(actor.Id)
                .Register(new RegisterActor(actor.Id, actor.Name, actor.Kind, actor.Country, actor.Aliases), context));

        // parents before children
        foreach (var topic in seeds.Topics.OrderBy(t => t.ParentId is null ? 0 : 1))
            tally.Add($"topic {topic.Id}", await grains.GetGrain<ITopicGrain>(topic.Id)
                .Open(new OpenTopic(topic.Id, topic.Title, topic.Description, topic.ParentId), context));

        var sourceIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in seeds.Sources)
        {
            var text = await File.ReadAllTextAsync(Path.Combine(directory, source.File), ct);
            var command = new RegisterSource(source.Title, text, source.Outlet, source.Url, source.PublishedOn, source.Language);
            sourceIds[source.File] = command.SourceId;
            tally.Add($"source {source.File}", await grains.GetGrain<ISourceGrain>(command.SourceId).Register(command, context));
        }

        foreach (var s in seeds.Statements)
        {
            ct.ThrowIfCancellationRequested();
            if (!sourceIds.TryGetValue(s.Source, out var sourceId))
            {
                tally.Failures.Add($"statement of {s.ActorId}: source file '{s.Source}' is not listed in sources");
                continue;
            }
            var command = new RecordStatement(s.ActorId, sourceId, s.Quote, new TextSpan(s.Span.Start, s.Span.End), s.QuoteKind,
                s.SaidOn, s.Occasion, s.Topics, s.Language, s.CoSpeakers);
            var actor = grains.GetGrain<IActorGrain>(s.ActorId);
            var recorded = await actor.RecordStatement(command, context);
            tally.Add($"statement {command.StatementId} of {s.ActorId}", recorded);
            if (recorded.Succeeded && s.Verification is { } v)
                tally.Add($"verification of {command.StatementId}", await actor.VerifyStatement(new VerifyStatement(command.StatementId, v.Method, v.Note), context));
        }
        return new SeedSummary(tally.Appended, tally.Unchanged, tally.Failures);
    }

    private sealed class Tally
    {
        public int Appended { get; private set; }
        public int Unchanged { get; private set; }
        public List<string> Failures { get; } = [];

        public void Add(string what, WriteResult result)
        {
            if (!result.Succeeded) Failures.Add($"{what}: {string.Join("; ", result.Errors.Select(e => $"{e.Field} {e.Reason}"))}");
            else if (result.Appended) Appended++;
            else Unchanged++;
        }
    }
}

/// <summary>Imports the configured seeds once the silo is up, unless they are already archived.</summary>
public sealed class SeedImportService(Hosting.ArchiveSettings settings, SeedImporter importer, ILogger<SeedImportService> log) : BackgroundService
{
    public TaskCompletionSource<SeedSummary?> Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.SeedsDirectory is not { } directory || !File.Exists(Path.Combine(directory, SeedImporter.FileName)))
        {
            Completed.TrySetResult(null);
            return;
        }
        try
        {
            var summary = await importer.Import(directory, stoppingToken);
            log.LogInformation("Seeds from {Directory}: {Appended} writes appended, {Unchanged} already archived, {Failed} failed",
                directory, summary.Appended, summary.Unchanged, summary.Failures.Count);
            foreach (var failure in summary.Failures) log.LogWarning("Seed not imported: {Failure}", failure);
            Completed.TrySetResult(summary);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Importing seeds from {Directory} failed", directory);
            Completed.TrySetException(e);
        }
    }
}
