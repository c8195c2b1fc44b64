using Archive.Api.Http;
using Archive.Api.Security;
using Archive.Projections.Actors;
using Archive.Projections.Audit;
using Archive.Projections.Sources;
using Archive.Projections.Statements;
using Archive.Projections.Topics;
using JasperFx.Events.Daemon;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Archive.Api.Projections;

public sealed record ProjectionStatus(string Name, string Lifecycle, string State, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error);

public sealed record ProjectionList(IReadOnlyList<ProjectionStatus> Items);

/// <summary>Read models and their rebuilds from the events (a rebuild replaces a read model's documents).</summary>
public static class ProjectionsApi
{
    public static readonly IReadOnlyDictionary<string, (Type Type, string Lifecycle)> Known = new Dictionary<string, (Type, string)>
    {
        ["statements"] = (typeof(StatementViewProjection), "inline"),
        ["statement-revisions"] = (typeof(StatementRevisionsProjection), "inline"),
        ["actors"] = (typeof(ActorViewProjection), "inline"),
        ["topics"] = (typeof(TopicViewProjection), "inline"),
        ["sources"] = (typeof(SourceViewProjection), "inline"),
        ["audit-entries"] = (typeof(AuditEntryProjection), "async"),
    };

    public static IEndpointRouteBuilder MapProjectionsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/projections", (ProjectionRebuilds rebuilds) => TypedResults.Ok(new ProjectionList(rebuilds.Status())))
            .WithTags("Projections").WithName("ListProjections").WithSummary("Read models, their lifecycle and the state of their last rebuild").ForAuditors();
        app.MapPost("/api/projections/{name}/rebuild", Rebuild)
            .WithTags("Projections").WithName("RebuildProjection")
            .WithSummary("Rebuild one read model (or 'all') from the events, in the background; GET /api/projections shows progress")
            .ProducesProblems(404, 409).ForArchivists();
        return app;
    }

    private static Results<Accepted<ProjectionList>, ProblemHttpResult> Rebuild(string name, ProjectionRebuilds rebuilds)
    {
        var names = name == "all" ? Known.Keys.ToArray() : Known.ContainsKey(name) ? [name] : null;
        if (names is null) return Problems.NotFound("name", $"no read model '{name}'; known: all, {string.Join(", ", Known.Keys)}");
        if (!rebuilds.TryStart(names)) return Problems.From([Domain.Common.DomainError.Conflict("name", "a rebuild is already running")]);
        return TypedResults.Accepted("/api/projections", new ProjectionList(rebuilds.Status()));
    }
}

/// <summary>Runs one rebuild at a time on the archive's projection daemon and remembers how each went.</summary>
public sealed class ProjectionRebuilds(IProjectionCoordinator coordinator, ILogger<ProjectionRebuilds> log, IHostApplicationLifetime lifetime)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string State, DateTimeOffset? Started, DateTimeOffset? Finished, string? Error)> _runs = new();
    private bool _running;

    public IReadOnlyList<ProjectionStatus> Status()
    {
        lock (_gate)
        {
            return ProjectionsApi.Known.Select(p => _runs.TryGetValue(p.Key, out var run)
                    ? new ProjectionStatus(p.Key, p.Value.Lifecycle, run.State, run.Started, run.Finished, run.Error)
                    : new ProjectionStatus(p.Key, p.Value.Lifecycle, "idle", null, null, null))
                .ToArray();
        }
    }

    public bool TryStart(IReadOnlyList<string> names)
    {
        lock (_gate)
        {
            if (_running) return false;
            _running = true;
            foreach (var name in names) _runs[name] = ("queued", null, null, null);
        }
        _ = Task.Run(() => Run(names, lifetime.ApplicationStopping));
        return true;
    }

    private async Task Run(IReadOnlyList<string> names, CancellationToken ct)
    {
        try
        {
            var daemon = coordinator.DaemonForMainDatabase();
            foreach (var name in names)
            {
                Set(name, "running", DateTimeOffset.UtcNow, null, null);
                try
                {
                    await daemon.RebuildProjectionAsync(ProjectionsApi.Known[name].Type, TimeSpan.FromMinutes(5), ct);
                    Set(name, "done", null, DateTimeOffset.UtcNow, null);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "Rebuilding {Projection} failed", name);
                    Set(name, "failed", null, DateTimeOffset.UtcNow, e.Message);
                }
            }
        }
        finally
        {
            lock (_gate) _running = false;
        }
    }

    private void Set(string name, string state, DateTimeOffset? started, DateTimeOffset? finished, string? error)
    {
        lock (_gate)
        {
            var old = _runs.GetValueOrDefault(name);
            _runs[name] = (state, started ?? old.Started, finished, error);
        }
    }
}
