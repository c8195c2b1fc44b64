using Archive.Store.Statements;
using Archive.Store;
using Archive.Store.Events;
using Archive.Api.Http;
using Archive.Api.Reads;
using Archive.Api.Security;
using Archive.Api.Statements;
using Archive.Domain.Actors;
using Archive.Domain.Common;
using Archive.Grains.Interfaces;
using Archive.Store.Actors;
using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Archive.Api.Actors;

public sealed record ActorTimeline(ActorView Actor, IReadOnlyDictionary<string, int> StatementsByTopic, IReadOnlyList<StatementItem> Items, string? Next);

public sealed record RegisterActorRequest([property: Required] string? Id, [property: Required] string? Name, [property: Required] string? Kind,
    string? Country, List<string>? Aliases);

public sealed record AssignRoleRequest([property: Required] string? Role, [property: Required] string? Organisation, [property: Required] DateOnly? From,
    DateOnly? To);

public sealed record AddAliasRequest([property: Required] string? Alias);

public static class ActorsApi
{
    public static IEndpointRouteBuilder MapActorsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/actors").WithTags("Actors");
        group.MapPost("/", Register).WithName("RegisterActor").WithSummary("Register an actor (idempotent)").ProducesProblems(400, 404, 409).ForArchivists()
            .WithBodyExample(new { id = "lin-jian", name = "Lin Jian", kind = "person", country = "CN", aliases = new[] { "林剑" } });
        group.MapGet("/", List).WithName("ListActors").WithSummary("List actors with their statement counts").ProducesProblems(400, 404, 503).ForReaders().ReadsFrom("actors");
        group.MapGet("/{id}", Get).WithName("GetActor").WithSummary("Get an actor").ProducesProblems(400, 404, 503).ForReaders().WithTimeTravelForAuditors("asOf").ReadsFrom("actors");
        group.MapGet("/{id}/timeline", Timeline).WithName("GetActorTimeline").WithSummary("An actor's statements in said-on order, with counts by topic").ProducesProblems(400, 404, 503).ForReaders().ReadsFrom("actors", "statements");
        group.MapPost("/{id}/roles", AssignRole).WithName("AssignActorRole")
            .WithSummary("Give the actor a role in an organisation from a day, until an optional end (the same role and start again sets its end)")
            .ProducesProblems(400, 404).ForArchivists()
            .WithBodyExample(new { role = "spokesperson", organisation = "Ministry of Foreign Affairs", from = "2024-09-02" });
        group.MapPost("/{id}/aliases", AddAlias).WithName("AddActorAlias").WithSummary("Add another name the actor is known by (idempotent)")
            .ProducesProblems(400, 404, 409).ForArchivists()
            .WithBodyExample(new { alias = "Ambassador Lin" });
        return app;
    }

    private static async Task<Results<Created<WriteResponse>, Ok<WriteResponse>, ProblemHttpResult>> Register(
        RegisterActorRequest request, IGrainFactory grains, HttpContext http)
    {
        var command = new RegisterActor(request.Id ?? "", request.Name!, request.Kind!, request.Country, request.Aliases);
        // Without a valid id there is no grain to ask: the decision's checks still report every bad field at once.
        if (!Slug.IsValid(request.Id)) return Problems.From([.. Requests.InvalidFields(RegisterActor.Handle(ActorState.Empty, command, http.CommandContext()))]);
        var result = await grains.GetGrain<IActorGrain>(request.Id!).Register(command, http.WriteContext());
        return Problems.Written(result, $"/api/actors/{request.Id}");
    }

    private static async Task<Results<Ok<WriteResponse>, ProblemHttpResult>> AssignRole(
        string id, AssignRoleRequest request, IGrainFactory grains, HttpContext http)
    {
        if (!Slug.IsValid(id)) return Problems.NotFound("id", $"actor '{id}' is not registered");
        var command = new Domain.Actors.AssignRole(id, request.Role!, request.Organisation!, request.From, request.To);
        return Problems.Applied(await grains.GetGrain<IActorGrain>(id).AssignRole(command, http.WriteContext()), ("actorId", "id"));
    }

    private static async Task<Results<Ok<WriteResponse>, ProblemHttpResult>> AddAlias(
        string id, AddAliasRequest request, IGrainFactory grains, HttpContext http)
    {
        if (!Slug.IsValid(id)) return Problems.NotFound("id", $"actor '{id}' is not registered");
        return Problems.Applied(await grains.GetGrain<IActorGrain>(id).AddAlias(new Domain.Actors.AddAlias(id, request.Alias!), http.WriteContext()), ("actorId", "id"));
    }

    /// <summary>The actor's profile now, or as the archive held it at <paramref name="asOf"/> (transaction time).</summary>
    private static async Task<Results<Ok<ActorView>, ProblemHttpResult>> Get(
        string id, IQuerySession session, NpgsqlDataSource database, ArchiveSettings settings, CancellationToken ct, DateTimeOffset? asOf = null)
    {
        ActorView? actor;
        if (asOf is not { } instant) actor = Slug.IsValid(id) ? await session.LoadAsync<ActorView>(id, ct) : null;
        else
        {
            var history = Slug.IsValid(id)
                ? await EventRecords.OfStreamAsOf(database, settings.Schema, Domain.StreamKeys.Actor(id), instant.ToUniversalTime(), ct)
                : [];
            actor = Fold(history.Select(EventRecords.ToEvent));
        }
        return actor is null
            ? Problems.NotFound("id", asOf is null ? $"actor '{id}' is not registered" : $"actor '{id}' was not registered as of {asOf:O}")
            : TypedResults.Ok(actor);
    }

    private static readonly ActorViewProjection Projection = new();

    // The projection's own methods, so the past and the present mean the same by each event.
    private static ActorView? Fold(IEnumerable<object?> events)
    {
        ActorView? view = null;
        foreach (var e in events)
        {
            switch (e)
            {
                case ActorRegistered x: view = Projection.Create(x); break;
                case ActorRoleAssigned x when view is not null: Projection.Apply(x, view); break;
                case ActorAliasAdded x when view is not null: Projection.Apply(x, view); break;
                case Domain.Statements.StatementRecorded x when view is not null: Projection.Apply(x, view); break;
            }
        }
        return view;
    }

    /// <summary>Actors in id order, with their statement counts.</summary>
    private static async Task<Results<Ok<ListPage<ActorView>>, ProblemHttpResult>> List(
        IQuerySession session, CancellationToken ct, string? cursor = null, int? limit = null)
    {
        var take = limit ?? 50;
        if (take is < 1 or > 200) return Problems.Invalid("limit", "must be between 1 and 200");
        if (cursor is not null && !Slug.IsValid(cursor)) return Problems.Invalid("cursor", "is not a cursor this query issued");
        var rows = await session.QueryAsync<ActorView>($"where id > ? order by id limit {take + 1}", ct, cursor ?? "");
        var items = rows.Take(take).ToArray();
        return TypedResults.Ok(new ListPage<ActorView>(items, rows.Count > take ? items[^1].Id : null));
    }

    /// <summary>The actor's statements in said-on order, with the actor's profile and counts by topic.</summary>
    /// <remarks>Two round trips, no document session: the profile with its counts, then the page.</remarks>
    private static async Task<Results<Ok<ActorTimeline>, ProblemHttpResult>> Timeline(
        string id, NpgsqlDataSource database, ArchiveSettings settings, CancellationToken ct,
        string? topic = null, string? cursor = null, int? limit = null)
    {
        var heading = Slug.IsValid(id) ? await ActorTimelineReads.Heading(database, settings.Schema, id, ct) : null;
        if (heading is null) return Problems.NotFound("id", $"actor '{id}' is not registered");
        var page = await StatementListing.Page(database, settings, new StatementFilter(Actor: id, Topic: topic), cursor, limit, ct);
        if (page.Result is not Ok<StatementPage> { Value: { } statements }) return (ProblemHttpResult)page.Result;
        return TypedResults.Ok(new ActorTimeline(heading.Actor, heading.StatementsByTopic, statements.Items, statements.Next));
    }
}
