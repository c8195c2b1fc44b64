using Archive.Api.Http;
using Archive.Api.Security;
using Archive.Domain.Statements;
using Archive.Grains.Interfaces;
using Archive.Store.Statements;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Api.Statements;

/// <summary>Links between statements, possibly of different speakers; each is an event in the linking statement's stream.</summary>
public static class LinksApi
{
    /// <summary>How many statements a supersedes chain is followed through before the link is decided on what was found.</summary>
    public const int MaxSupersededReach = 10_000;

    public static RouteGroupBuilder MapStatementLinksApi(this RouteGroupBuilder statements)
    {
        statements.MapPost("/{id}/links", Link).WithName("LinkStatement")
            .WithSummary("Link a statement to another one (a supersedes link that would close a cycle is refused)")
            .ProducesProblems(400, 404, 409).ForArchivists()
            .WithBodyExample(new { targetId = "st-0123456789abcdef0123", relation = "clarifies" });
        statements.MapDelete("/{id}/links/{targetId}", Unlink).WithName("UnlinkStatement")
            .WithSummary("Remove the statement's link to another (one relation, or every one when none is named), with a reason; an event, never a deletion")
            .ProducesProblems(400, 404).ForArchivists()
            .WithBodyExample(new { reason = "the reply answered another question", relation = "responds-to" });
        return statements;
    }

    private static async Task<Results<Ok<WriteResponse>, ProblemHttpResult>> Link(
        string id, LinkStatementRequest request, IGrainFactory grains, IQuerySession session, HttpContext http)
    {
        var target = StatementIds.IsWellFormed(request.TargetId) ? await session.LoadAsync<StatementView>(request.TargetId!, http.RequestAborted) : null;
        // The speaker's grain sees only its own statements' links: a cycle through other speakers is found here, from the views.
        IReadOnlyCollection<string> superseded = target is not null && request.Relation == LinkRelations.Supersedes
            ? await SupersededFrom(target, session, http.RequestAborted)
            : [];
        return await StatementsApi.OnSpeaker(id, grains, session, http, (actor, ctx) =>
            actor.LinkStatement(new LinkStatement(id, request.TargetId!, request.Relation!), target?.ActorId ?? "", superseded, ctx));
    }

    private static Task<Results<Ok<WriteResponse>, ProblemHttpResult>> Unlink(
        string id, string targetId, [FromBody] UnlinkStatementRequest request, IGrainFactory grains, IQuerySession session, HttpContext http) =>
        StatementsApi.OnSpeaker(id, grains, session, http, (actor, ctx) =>
            actor.UnlinkStatement(new UnlinkStatement(id, targetId, request.Reason!, request.Relation), ctx));

    /// <summary>
    /// Every statement <paramref name="target"/> supersedes, directly or through others, across speakers: the views'
    /// outgoing supersedes links followed breadth first, one query per step, at most <see cref="MaxSupersededReach"/> statements.
    /// </summary>
    public static async Task<IReadOnlyCollection<string>> SupersededFrom(StatementView target, IQuerySession session, CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { target.Id };
        IReadOnlyList<StatementView> step = [target];
        while (step.Count > 0 && seen.Count < MaxSupersededReach)
        {
            var next = step.SelectMany(v => v.Links)
                .Where(l => l.Relation == LinkRelations.Supersedes && l.Direction == "outgoing" && seen.Add(l.StatementId))
                .Select(l => l.StatementId)
                .ToArray();
            step = next.Length == 0 ? [] : await session.LoadManyAsync<StatementView>(ct, next);
        }
        seen.Remove(target.Id);
        return seen;
    }
}
