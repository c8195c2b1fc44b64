using Archive.Store.Storage;
using Archive.Api.Http;

namespace Archive.Api.Reads;

/// <summary>
/// A query that names a position (<c>minPosition=</c> or header <c>Archive-Min-Position</c>, as returned by a write)
/// is answered only once the projections have processed it: bounded, and 503 with Retry-After rather than stale data.
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
        if (!long.TryParse(raw, out var position) || position < 0)
            return Problems.Invalid(Query, "must be a non-negative event position, as returned by a write");

        if (!await progress.WaitFor(position, Bound, http.RequestAborted))
        {
            http.Response.Headers.RetryAfter = "1";
            return Problems.Unavailable("The read models have not caught up yet.", Query,
                $"position {position} is not yet processed by every projection; retry shortly");
        }
        return await next(context);
    }
}
