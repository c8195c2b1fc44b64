using Archive.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Archive.Api.Health;

public sealed record HealthReport(string Status, string Postgres, string Silo, int ActiveSilos);

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Check).WithTags("Health").WithName("Health");
        return app;
    }

    /// <summary>200 when PostgreSQL answers a query and the cluster has an active silo; 503 otherwise.</summary>
    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> Check(
        ArchiveSettings settings, IGrainFactory grains, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));

        string postgres;
        try
        {
            await using var connection = new NpgsqlConnection(settings.ConnectionString);
            await connection.OpenAsync(timeout.Token);
            await using var command = new NpgsqlCommand("select 1", connection);
            await command.ExecuteScalarAsync(timeout.Token);
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

        var healthy = postgres == "ok" && silo == "ok";
        var report = new HealthReport(healthy ? "Healthy" : "Unhealthy", postgres, silo, active);
        return healthy ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
