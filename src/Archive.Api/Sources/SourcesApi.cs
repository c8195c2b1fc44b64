using Archive.Api.Http;
using Archive.Api.Security;
using Archive.Domain.Sources;
using Archive.Grains.Interfaces;
using Archive.Store.Sources;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Archive.Api.Sources;

public sealed record RegisterSourceRequest(string? Title, string? Text, string? Outlet, string? Url, DateOnly? PublishedOn, string? Language);

public static class SourcesApi
{
    public static IEndpointRouteBuilder MapSourcesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sources").WithTags("Sources");
        group.MapPost("/", Register).WithName("RegisterSource").WithSummary("Register a source document; its id derives from its text").ProducesProblems(400, 404, 409).ForArchivists();
        group.MapGet("/{id}", Get).WithName("GetSource").WithSummary("Get a source with its text exactly as stored").ProducesProblems(400, 404, 503).ForReaders().AddEndpointFilter<Reads.ReadYourWrites>();
        return app;
    }

    private static async Task<Results<Created<WriteResponse>, Ok<WriteResponse>, ProblemHttpResult>> Register(
        RegisterSourceRequest request, IGrainFactory grains, HttpContext http)
    {
        if (request.Text is null || request.Text.Trim().Length == 0) return Problems.Invalid("text", "is required");
        var command = new RegisterSource(request.Title!, request.Text, request.Outlet, request.Url, request.PublishedOn, request.Language);
        var result = await grains.GetGrain<ISourceGrain>(command.SourceId).Register(command, http.WriteContext());
        return Problems.Written(result, $"/api/sources/{command.SourceId}");
    }

    private static async Task<Results<Ok<SourceView>, ProblemHttpResult>> Get(string id, IQuerySession session, CancellationToken ct)
    {
        var source = id.StartsWith("src-", StringComparison.Ordinal) && id.Length <= 64 ? await session.LoadAsync<SourceView>(id, ct) : null;
        return source is null ? Problems.NotFound("id", $"source '{id}' is not registered") : TypedResults.Ok(source);
    }
}
