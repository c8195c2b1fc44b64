using Archive.Store.Storage;
using System.Collections.Concurrent;

using Archive.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Archive.Api.Health;

public sealed record ProjectionHealth(string Name, long Position, long Lag, string Status, string? Reason);

public sealed record HealthReport(
    string Status, string Postgres, string Silo, int ActiveSilos, long HighWaterMark, long LastPosition, IReadOnlyList<ProjectionHealth> Projections,
    string? Search = null);

public static class HealthApi
{
    /// <summary>A projection behind the high-water mark that has not moved for this long is reported as stalled.</summary>
    public static readonly TimeSpan StallAfter = TimeSpan.FromSeconds(30);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Check).WithTags("Health").WithName("Health")
            .WithSummary("PostgreSQL, silo and projection health")
            .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable)
            .AllowAnonymous();
        return app;
    }

    /// <summary>
    /// 200 Healthy when PostgreSQL answers, a silo is active and every projection keeps up; 200 Degraded when a
    /// projection failed or stalled (with the reason); 503 Unhealthy when PostgreSQL or the silo does not answer.
    /// </summary>
    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> Check(
        NpgsqlDataSource database, ProjectionProgress progress, StallTracker stalls, IGrainFactory grains, Archive.Store.ArchiveSettings settings,
        CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));

        string postgres;
        ProgressSnapshot? snapshot = null;
        string? search = null;
        try
        {
            await using var command = database.CreateCommand("select 1");
            await command.ExecuteScalarAsync(timeout.Token);
            snapshot = await progress.Read(timeout.Token);
            // how searches find their best matches: slower, not wrong, without the RUM index (so not a degradation)
            search = (await Archive.Store.Statements.SearchRanking.Of(database, settings.Schema, timeout.Token)).Description;
            postgres = "ok";
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or System.Net.Sockets.SocketException)
        {
            postgres = $"unavailable: {e.Message}";
        }

        string silo;
        var active = 0;
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(timeout.Token);
            active = hosts.Count;
            silo = active > 0 ? "ok" : "no active silo";
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or OperationCanceledException)
        {
            silo = $"unavailable: {e.Message}";
        }

        var projections = snapshot?.Projections.Select(stalls.Judge).ToArray() ?? [];
        var status = postgres != "ok" || silo != "ok" ? "Unhealthy"
            : projections.Any(p => p.Status != "ok") ? "Degraded"
            : "Healthy";
        var report = new HealthReport(status, postgres, silo, active, snapshot?.HighWaterMark ?? 0, snapshot?.LastPosition ?? 0, projections, search);
        return status == "Unhealthy" ? TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable) : TypedResults.Ok(report);
    }
}

/// <summary>Remembers since when each projection has stood still while behind, to tell lag from a stall.</summary>
public sealed class StallTracker(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (long Position, DateTimeOffset Since)> _seen = new();

    public ProjectionHealth Judge(ShardProgress shard)
    {
        var now = clock.GetUtcNow();
        var seen = _seen.AddOrUpdate(shard.Name, (shard.Position, now), (_, old) => old.Position == shard.Position ? old : (shard.Position, now));
        if (shard.Failure is { Length: > 0 } || shard.FailedEventPosition is not null)
        {
            var reason = $"failed: {shard.Failure ?? shard.Status}" + (shard.FailedEventPosition is { } at ? $" at event {at} ({shard.FailedEventType})" : "");
            return new ProjectionHealth(shard.Name, shard.Position, shard.Lag, "failed", reason);
        }
        if (shard.Lag > 0 && now - seen.Since > HealthApi.StallAfter)
            return new ProjectionHealth(shard.Name, shard.Position, shard.Lag, "stalled",
                $"behind by {shard.Lag} events and unmoved at {shard.Position} since {seen.Since:O}");
        return new ProjectionHealth(shard.Name, shard.Position, shard.Lag, "ok", null);
    }
}
