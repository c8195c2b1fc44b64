using Archive.Api.Http;
using Archive.Domain.Actors;
using Archive.Domain.Common;
using Archive.Grains;
using Archive.Projections.Actors;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Archive.Api.Actors;

public sealed record RegisterActorRequest(string? Id, string? Name, string? Kind, string? Country, List<string>? Aliases);

public static class ActorsApi
{
    public static IEndpointRouteBuilder MapActorsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/actors").WithTags("Actors");
        group.MapPost("/", Register).WithName("RegisterActor");
        group.MapGet("/{id}", Get).WithName("GetActor");
        return app;
    }

    private static async Task<Results<Created<WriteResponse>, Ok<WriteResponse>, ProblemHttpResult>> Register(
        RegisterActorRequest request, IGrainFactory grains, HttpContext http)
    {
        if (!Slug.IsValid(request.Id)) return Problems.Invalid("id", request.Id is null ? "is required" : Slug.Rule);
        var command = new RegisterActor(request.Id!, request.Name!, request.Kind!, request.Country, request.Aliases);
        var result = await grains.GetGrain<IActorGrain>(request.Id!).Register(command, http.WriteContext());
        return Problems.Written(result, $"/api/actors/{request.Id}");
    }

    private static async Task<Results<Ok<ActorView>, ProblemHttpResult>> Get(string id, IQuerySession session, CancellationToken ct)
    {
        var actor = Slug.IsValid(id) ? await session.LoadAsync<ActorView>(id, ct) : null;
        return actor is null ? Problems.NotFound("id", $"actor '{id}' is not registered") : TypedResults.Ok(actor);
    }
}
