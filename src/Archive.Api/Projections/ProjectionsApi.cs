using Archive.Api.Http;
using Archive.Api.Security;
using Archive.Store;
using Archive.Store.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Archive.Api.Projections;

/// <param name="Position">How far the last rebuild got: the global position of the last event it projected.</param>
/// <param name="Target">The newest event's position when the last rebuild started (it is done on reaching it).</param>
public sealed record ProjectionStatus(string Name, string Lifecycle, string State, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error,
    long? Position = null, long? Target = null);

public sealed record ProjectionList(IReadOnlyList<ProjectionStatus> Items);

/// <summary>
/// Read models and their rebuilds from the events (a rebuild replaces a read model's documents). Rebuilds are queued
/// in PostgreSQL and run by whichever host runs the projection daemon, so any API node can ask for one.
/// </summary>
public static class ProjectionsApi
{
    public static IEndpointRouteBuilder MapProjectionsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/projections", async (ProjectionRebuildQueue rebuilds, CancellationToken ct) => TypedResults.Ok(await Status(rebuilds, ct)))
            .WithTags("Projections").WithName("ListProjections").WithSummary("Read models, their lifecycle and the state of their last rebuild").ForAuditors();
        app.MapPost("/api/projections/{name}/rebuild", Rebuild)
            .WithTags("Projections").WithName("RebuildProjection")
            .WithSummary("Rebuild one read model (or 'all') from the events, in the background; GET /api/projections shows progress")
            .ProducesProblems(404, 409).ForArchivists();
        return app;
    }

    private static async Task<Results<Accepted<ProjectionList>, ProblemHttpResult>> Rebuild(string name, ProjectionRebuildQueue rebuilds,
        HttpContext http, CancellationToken ct)
    {
        var names = name == "all" ? ReadModels.All.Select(m => m.Name).ToArray() : ReadModels.ByName.ContainsKey(name) ? [name] : null;
        if (names is null) return Problems.NotFound("name", $"no read model '{name}'; known: all, {string.Join(", ", ReadModels.All.Select(m => m.Name))}");
        if (!await rebuilds.TryQueue(names, http.WriteContext().Principal, ct))
            return Problems.From([Domain.Common.DomainError.Conflict("name", "a rebuild is already queued or running")]);
        return TypedResults.Accepted("/api/projections", await Status(rebuilds, ct));
    }

    private static async Task<ProjectionList> Status(ProjectionRebuildQueue rebuilds, CancellationToken ct)
    {
        var latest = await rebuilds.Latest(ct);
        return new ProjectionList(ReadModels.All.Select(m => latest.TryGetValue(m.Name, out var run)
                ? new ProjectionStatus(m.Name, m.LifecycleName, run.State, run.StartedAt, run.FinishedAt, run.Error, run.Position, run.Target)
                : new ProjectionStatus(m.Name, m.LifecycleName, "idle", null, null, null))
            .ToArray());
    }
}
