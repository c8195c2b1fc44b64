using System.Text.Json;
using Archive.Store;
using Archive.Api.Http;
using Archive.Store.Events;
using Archive.Store.Storage;
using Archive.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Archive.Api.Events;

public sealed record FeedPage(IReadOnlyList<FeedEvent> Items, long Last);

/// <summary>
/// Events in global order after a position. Only positions at or below the store's high-water mark are served:
/// transactions still in flight may commit lower positions, and a reader must never skip past them.
/// </summary>
public static class ChangeFeedApi
{
    public const string NdJson = "application/x-ndjson";
    public const int MaxLimit = 1000;
    public const int MaxWaitSeconds = 30;

    public static IEndpointRouteBuilder MapChangeFeedApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events", Read).WithTags("Change feed").WithName("ReadChangeFeed")
            .WithSummary("Events after a position, in global order (JSON or NDJSON)")
            .Produces<FeedPage>(StatusCodes.Status200OK, "application/json", NdJson)
            .ProducesProblems(400)
            .ForAuditors();
        return app;
    }

    private static async Task<Results<Ok<FeedPage>, EmptyHttpResult, ProblemHttpResult>> Read(
        HttpContext http, NpgsqlDataSource database, ArchiveSettings settings, ProjectionProgress progress,
        long after = 0, int limit = 100, int wait = 0)
    {
        if (after < 0) return Problems.Invalid("after", "must not be negative");
        if (limit is < 1 or > MaxLimit) return Problems.Invalid("limit", $"must be between 1 and {MaxLimit}");
        if (wait is < 0 or > MaxWaitSeconds) return Problems.Invalid("wait", $"must be between 0 and {MaxWaitSeconds} seconds");

        var ct = http.RequestAborted;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(wait);
        List<FeedEvent> items;
        while (true)
        {
            var highWater = (await progress.Read(ct)).HighWaterMark;
            items = highWater > after ? await ChangeFeed.Load(database, settings.Schema, after, highWater, limit, ct) : [];
            if (items.Count > 0 || DateTime.UtcNow >= deadline) break;
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }

        var last = items.Count > 0 ? items[^1].Position : after;
        if (!http.Request.Headers.Accept.Any(a => a?.Contains(NdJson, StringComparison.OrdinalIgnoreCase) == true))
            return TypedResults.Ok(new FeedPage(items, last));

        http.Response.ContentType = NdJson;
        var json = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        foreach (var item in items)
        {
            await http.Response.WriteAsync(JsonSerializer.Serialize(item, json), ct);
            await http.Response.WriteAsync("\n", ct);
        }
        return TypedResults.Empty;
    }
}
