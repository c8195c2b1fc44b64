using Archive.Store;
using Archive.Store.Export;
using Archive.Store.Statements;
using Microsoft.Net.Http.Headers;
using Npgsql;

namespace Archive.Api.Export;

/// <summary>
/// <c>Accept: application/ld+json</c> on a statement: the view the endpoint found (current, or as of a time or
/// revision) answered as JSON-LD (<see cref="StatementJsonLd"/>) instead of the archive's JSON. Errors and 304s pass
/// through; the JSON-LD answer has an ETag of its own, so a cache never confuses the two.
/// </summary>
public sealed class StatementJsonLdFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        if (!Wants(http.Request)) return await next(context);
        var result = await next(context);
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        if (inner is not IValueHttpResult { Value: StatementView view }) return result;

        var tag = http.Response.Headers.ETag.ToString() is { Length: > 1 } plain ? $"{plain.TrimEnd('"')}-ld\"" : null;
        if (tag is not null)
        {
            http.Response.Headers.ETag = tag;
            if (http.Request.Headers.IfNoneMatch.Any(v => v == tag)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var services = http.RequestServices;
        var (database, schema) = (services.GetRequiredService<NpgsqlDataSource>(), services.GetRequiredService<ArchiveSettings>().Schema);
        var source = await StatementExport.Source(database, schema, view.SourceId, http.RequestAborted);
        if (source is null) return result; // the source's view is being rebuilt: the plain view still answers
        var directory = await StatementExport.Directory(database, schema, http.RequestAborted, [view.ActorId, .. view.CoSpeakers], view.Topics);
        var document = StatementJsonLd.Of(view, source, directory, ExportApi.BaseUrl(http.Request));
        return TypedResults.Text(document.ToJsonString(), StatementJsonLd.MediaType, System.Text.Encoding.UTF8);
    }

    /// <summary>True when the client prefers JSON-LD to JSON (ties go to JSON-LD: the client named it).</summary>
    public static bool Wants(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)) return false;
        double Quality(string type) => accepted.Where(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1.0).DefaultIfEmpty(0).Max();
        var ld = Quality(StatementJsonLd.MediaType);
        return ld > 0 && ld >= Quality("application/json");
    }
}
