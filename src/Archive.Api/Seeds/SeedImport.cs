using Archive.Domain.Actors;
using Archive.Domain.Seeds;
using Archive.Domain.Sources;
using Archive.Domain.Statements;
using Archive.Domain.Topics;
using Archive.Grains.Interfaces;
using Archive.Store;

namespace Archive.Api.Seeds;

/// <summary>The start-up import writes through the same grains as the API, as the principal <see cref="Principal"/>.</summary>
public sealed class GrainImportTarget(IGrainFactory grains, WriteContext context) : IImportTarget
{
    public const string Principal = "seed-import";

    public async Task<ImportWrite> RegisterActor(SeedActor actor, CancellationToken ct) =>
        Of(await grains.GetGrain<IActorGrain>(actor.Id).Register(new RegisterActor(actor.Id, actor.Name, actor.Kind, actor.Country, actor.Aliases), context));

    public async Task<ImportWrite> OpenTopic(SeedTopic topic, CancellationToken ct) =>
        Of(await grains.GetGrain<ITopicGrain>(topic.Id).Open(new OpenTopic(topic.Id, topic.Title, topic.Description, topic.ParentId), context));

    public async Task<ImportWrite> RegisterSource(SeedSource source, string text, CancellationToken ct)
    {
        var command = new RegisterSource(source.Title, text, source.Outlet, source.Url, source.PublishedOn, source.Language);
        return Of(await grains.GetGrain<ISourceGrain>(command.SourceId).Register(command, context));
    }

    public async Task<ImportWrite> RecordStatement(SeedStatement s, string sourceId, CancellationToken ct) =>
        Of(await grains.GetGrain<IActorGrain>(s.ActorId).RecordStatement(new RecordStatement(s.ActorId, sourceId, s.Quote,
            new TextSpan(s.Span.Start, s.Span.End), s.QuoteKind, s.SaidOn, s.Occasion, s.Topics, s.Language, s.CoSpeakers), context));

    public async Task<ImportWrite> VerifyStatement(SeedStatement s, string statementId, SeedVerification verification, CancellationToken ct) =>
        Of(await grains.GetGrain<IActorGrain>(s.ActorId).VerifyStatement(new VerifyStatement(statementId, verification.Method, verification.Note), context));

    private static ImportWrite Of(WriteResult result) =>
        new(result.Id, result.Version, result.Appended,
            result.Succeeded ? null : string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Reason}")));
}

/// <summary>What a start-up import did: writes appended, writes the archive already held, and why any failed.</summary>
public sealed record SeedSummary(int Appended, int Unchanged, IReadOnlyList<string> Failures)
{
    public static SeedSummary Of(ImportReport report) => new(report.Added, report.Skipped,
        report.Items.Where(i => i.Outcome == SeedImporter.Outcomes.Failed).Select(i => $"{i.Kind} {i.Name}: {i.Reason}").ToArray());
}

/// <summary>Imports the configured seeds (<c>ARCHIVE_SEEDS</c>) once the silo is up; what is already archived is skipped.</summary>
public sealed class SeedImportService(ArchiveSettings settings, IGrainFactory grains, ILogger<SeedImportService> log) : BackgroundService
{
    public TaskCompletionSource<SeedSummary?> Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Imports <c>archive.json</c> of <paramref name="directory"/> and the documents beside it through the grains.</summary>
    public async Task<SeedSummary> Import(string directory, CancellationToken ct)
    {
        var file = Path.Combine(directory, SeedImporter.FileName);
        var importer = new SeedImporter(new GrainImportTarget(grains, new WriteContext(GrainImportTarget.Principal, $"seed-import-{Guid.NewGuid():N}")));
        return SeedSummary.Of(await importer.Import(file, await SeedImporter.Read(file, ct), _ => { }, ct));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.SeedsDirectory is not { } directory || !File.Exists(Path.Combine(directory, SeedImporter.FileName)))
        {
            Completed.TrySetResult(null);
            return;
        }
        try
        {
            var summary = await Import(directory, stoppingToken);
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
