using Archive.Api.Http;
using Archive.Store;
using Archive.Store.Storage;

namespace Archive.Api.Reads;

/// <summary>The read models an endpoint reads (declared with <see cref="ReadYourWrites.ReadsFrom"/>): what a <c>minPosition</c> waits for.</summary>
public sealed record ReadsFromMetadata(IReadOnlyList<ReadModel> Models);

/// <summary>
/// A query that names a position (<c>minPosition=</c> or header <c>Archive-Min-Position</c>, as returned by a write)
/// is answered once the read models it reads have processed it, and only those: a statement read from its inline view
/// never waits on the asynchronous audit projection, and a failed read model holds up only the queries that need it.
/// Bounded: past the bound, 503 with Retry-After rather than stale data; a failed read model it needs, 503 naming it.
/// </summary>
public sealed class ReadYourWrites(ProjectionProgress progress) : IEndpointFilter
{
    public const string Header = "Archive-Min-Position";
    public const string Query = "minPosition";
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var raw = http.Request.Query[Query].FirstOrDefault() ?? http.Request.Headers[Header].FirstOrDefault();
        if (raw is null) return await next(context);
        if (!long.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position))
            return Problems.Invalid(Query, $"must be a non-negative event position, as returned by a write; got '{raw}'");

        var models = http.GetEndpoint()?.Metadata.GetMetadata<ReadsFromMetadata>()?.Models ?? ReadModels.All;
        var readiness = await progress.WaitFor(position, models, Bound, http.RequestAborted);
        if (readiness.Ready) return await next(context);

        http.Response.Headers.RetryAfter = "1";
        if (readiness.Failed is { } failed)
            return Problems.Unavailable($"The read model '{failed.Name}' has failed.", failed.Name,
                $"{readiness.Failure}; position {position} cannot be read from it until it is fixed and rebuilt (POST /api/projections/{failed.Name}/rebuild)");
        return Problems.Unavailable("The read models have not caught up yet.", Query,
            $"position {position} is not yet processed by {string.Join(", ", readiness.Behind)}; retry shortly");
    }

    /// <summary>
    /// Declares the read models (<see cref="ReadModels"/> names) this endpoint reads and lets it wait for a
    /// <c>minPosition</c> on them. An unknown name fails at start-up, not on a request.
    /// </summary>
    public static RouteHandlerBuilder ReadsFrom(RouteHandlerBuilder builder, params string[] names)
    {
        var models = names.Select(n => ReadModels.ByName.TryGetValue(n, out var model)
            ? model
            : throw new ArgumentException($"'{n}' is not a read model; known: {string.Join(", ", ReadModels.ByName.Keys)}", nameof(names))).ToArray();
        return builder.WithMetadata(new ReadsFromMetadata(models)).AddEndpointFilter<ReadYourWrites>();
    }
}

public static class ReadsFromExtensions
{
    /// <summary>See <see cref="ReadYourWrites.ReadsFrom"/>.</summary>
    public static RouteHandlerBuilder ReadsFrom(this RouteHandlerBuilder builder, params string[] readModels) =>
        ReadYourWrites.ReadsFrom(builder, readModels);
}
