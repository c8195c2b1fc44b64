using Archive.Store;
using Archive.Api.Http;
using Archive.Api.Reads;
using Archive.Api.Security;
using Archive.Api.Statements;
using Archive.Domain.Common;
using Archive.Domain.Statements;
using Archive.Domain.Topics;
using Archive.Grains.Interfaces;
using Archive.Store.Statements;
using Archive.Store.Topics;
using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Archive.Api.Topics;

/// <param name="Includes">The topics whose statements the timeline shows: the topic, the topics merged into it and (unless narrowed) its subtopics.</param>
public sealed record TopicTimeline(TopicView Topic, IReadOnlyDictionary<string, int> StatementsByActor, IReadOnlyList<StatementItem> Items, string? Next,
    IReadOnlyList<string> Includes);

public sealed record OpenTopicRequest([property: Required] string? Id, [property: Required] string? Title, string? Description, string? ParentId);

public sealed record FileStatementRequest([property: Required] string? StatementId);

public sealed record UnfileStatementRequest([property: Required] string? Reason);

public sealed record RenameTopicRequest([property: Required] string? Title);

public sealed record MergeTopicRequest([property: Required] string? Into, [property: Required] string? Reason);

public static class TopicsApi
{
    public static IEndpointRouteBuilder MapTopicsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/topics").WithTags("Topics");
        group.MapPost("/", Open).WithName("OpenTopic").WithSummary("Open a topic (idempotent)").ProducesProblems(400, 404, 409).ForArchivists()
            .WithBodyExample(new { id = "cpec", title = "China–Pakistan Economic Corridor", parentId = "bilateral" });
        group.MapGet("/", List).WithName("ListTopics").WithSummary("List topics with their statement counts").ProducesProblems(400, 404, 503).ForReaders().ReadsFrom("topics");
        group.MapGet("/{id}", Get).WithName("GetTopic").WithSummary("Get a topic").ProducesProblems(400, 404, 503).ForReaders().ReadsFrom("topics");
        group.MapGet("/{id}/timeline", Timeline).WithName("GetTopicTimeline").WithSummary("A topic's statements in said-on order, with the actors involved").ProducesProblems(400, 404, 503).ForReaders().ReadsFrom("topics", "statements");
        group.MapPost("/{id}/rename", Rename).WithName("RenameTopic").WithSummary("Give the topic another title (idempotent)").ProducesProblems(400, 404, 409).ForArchivists()
            .WithBodyExample(new { title = "CPEC and its second phase" });
        group.MapPost("/{id}/merge", Merge).WithName("MergeTopic")
            .WithSummary("Merge the topic into another, with a reason: it takes no more filings and its statements show under the other")
            .ProducesProblems(400, 404, 409).ForArchivists()
            .WithBodyExample(new { into = "cpec", reason = "the same corridor under two names" });
        group.MapPost("/{topicId}/statements", File).WithName("FileStatement").WithSummary("File a statement under the topic").ProducesProblems(400, 404, 409).ForArchivists()
            .WithBodyExample(new { statementId = "st-0123456789abcdef0123" });
        group.MapDelete("/{topicId}/statements/{statementId}", Unfile).WithName("UnfileStatement").WithSummary("Unfile a statement from the topic, with a reason (an event, never a deletion)").ProducesProblems(400, 404, 409).ForArchivists()
            .WithBodyExample(new { reason = "filed under the wrong topic" });
        return app;
    }

    private static async Task<Results<Created<WriteResponse>, Ok<WriteResponse>, ProblemHttpResult>> Open(
        OpenTopicRequest request, IGrainFactory grains, HttpContext http)
    {
        var command = new OpenTopic(request.Id ?? "", request.Title!, request.Description, request.ParentId);
        // Without a valid id there is no grain to ask: the decision's checks still report every bad field at once.
        if (!Slug.IsValid(request.Id)) return Problems.From([.. Requests.InvalidFields(OpenTopic.Handle(TopicState.Empty, command, false, http.CommandContext()))]);
        var result = await grains.GetGrain<ITopicGrain>(request.Id!).Open(command, http.WriteContext());
        return Problems.Written(result, $"/api/topics/{request.Id}");
    }

    private static async Task<Results<Ok<WriteResponse>, ProblemHttpResult>> Rename(string id, RenameTopicRequest request, IGrainFactory grains, HttpContext http)
    {
        if (!Slug.IsValid(id)) return Problems.NotFound("id", $"topic '{id}' is not open");
        var result = await grains.GetGrain<ITopicGrain>(id).Rename(new RenameTopic(id, request.Title!), http.WriteContext());
        return Problems.Applied(result, ("topicId", "id"));
    }

    private static async Task<Results<Ok<WriteResponse>, ProblemHttpResult>> Merge(string id, MergeTopicRequest request, IGrainFactory grains, HttpContext http)
    {
        if (!Slug.IsValid(id)) return Problems.NotFound("id", $"topic '{id}' is not open");
        var result = await grains.GetGrain<ITopicGrain>(id).Merge(new MergeTopic(id, request.Into!, request.Reason!), http.WriteContext());
        return Problems.Applied(result, ("topicId", "id"), ("intoTopicId", "into"));
    }

    private static async Task<Results<Ok<TopicView>, ProblemHttpResult>> Get(string id, IQuerySession session, CancellationToken ct)
    {
        var topic = Slug.IsValid(id) ? await session.LoadAsync<TopicView>(id, ct) : null;
        return topic is null ? Problems.NotFound("id", $"topic '{id}' is not open") : TypedResults.Ok(topic);
    }

    private static async Task<Results<Created<WriteResponse>, Ok<WriteResponse>, ProblemHttpResult>> File(
        string topicId, FileStatementRequest request, IGrainFactory grains, IQuerySession session, HttpContext http)
    {
        if (!Slug.IsValid(topicId)) return Problems.NotFound("topicId", $"topic '{topicId}' is not open");
        if (!StatementIds.IsWellFormed(request.StatementId))
            return Problems.Invalid("statementId", request.StatementId is null ? "is required" : "must be a statement id such as 'st-0123456789abcdef0123'");
        var statement = await session.LoadAsync<StatementView>(request.StatementId!, http.RequestAborted);
        if (statement is null) return Problems.NotFound("statementId", $"statement '{request.StatementId}' is not recorded");
        var result = await grains.GetGrain<ITopicGrain>(topicId)
            .File(new FileStatement(topicId, statement.Id, statement.ActorId), http.WriteContext());
        return Problems.Written(result, $"/api/statements/{statement.Id}");
    }

    private static async Task<Results<Ok<WriteResponse>, ProblemHttpResult>> Unfile(
        string topicId, string statementId, [FromBody] UnfileStatementRequest request, IGrainFactory grains, HttpContext http)
    {
        if (!Slug.IsValid(topicId)) return Problems.NotFound("topicId", $"topic '{topicId}' is not open");
        if (!StatementIds.IsWellFormed(statementId)) return Problems.NotFound("statementId", $"statement '{statementId}' is not recorded");
        var result = await grains.GetGrain<ITopicGrain>(topicId)
            .Unfile(new UnfileStatement(topicId, statementId, request.Reason!), http.WriteContext());
        return Problems.Applied(result);
    }

    /// <summary>Topics in id order, with their statement counts.</summary>
    private static async Task<Results<Ok<ListPage<TopicView>>, ProblemHttpResult>> List(
        IQuerySession session, CancellationToken ct, string? cursor = null, int? limit = null)
    {
        var take = limit ?? 50;
        if (take is < 1 or > 200) return Problems.Invalid("limit", "must be between 1 and 200");
        if (cursor is not null && !Slug.IsValid(cursor)) return Problems.Invalid("cursor", "is not a cursor this query issued");
        var rows = await session.QueryAsync<TopicView>($"where id > ? order by id limit {take + 1}", ct, cursor ?? "");
        var items = rows.Take(take).ToArray();
        return TypedResults.Ok(new ListPage<TopicView>(items, rows.Count > take ? items[^1].Id : null));
    }

    /// <summary>The topic's statements in said-on order (optionally of one actor), with the actors involved.</summary>
    private static async Task<Results<Ok<TopicTimeline>, ProblemHttpResult>> Timeline(
        string id, IQuerySession session, NpgsqlDataSource database, ArchiveSettings settings, CancellationToken ct,
        string? actor = null, string? cursor = null, int? limit = null, bool includeSubtopics = true)
    {
        var topic = Slug.IsValid(id) ? await session.LoadAsync<TopicView>(id, ct) : null;
        if (topic is null) return Problems.NotFound("id", $"topic '{id}' is not open");
        var family = await TopicFamily.Of(database, settings.Schema, id, includeSubtopics, ct);
        var page = await StatementListing.Page(database, settings, new StatementFilter(Actor: actor, Topic: id, TopicFamily: family), cursor, limit, ct);
        if (page.Result is not Ok<StatementPage> { Value: { } statements }) return (ProblemHttpResult)page.Result;
        var counts = await StatementCounts.ActorsOfTopics(database, settings.Schema, family, ct);
        return TypedResults.Ok(new TopicTimeline(topic, counts, statements.Items, statements.Next, family));
    }
}
