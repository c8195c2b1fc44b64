using Archive.Api.Http;
using Archive.Domain.Common;
using Archive.Domain.Statements;
using Archive.Domain.Topics;
using Archive.Grains;
using Archive.Projections.Statements;
using Archive.Projections.Topics;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Api.Topics;

public sealed record OpenTopicRequest(string? Id, string? Title, string? Description, string? ParentId);

public sealed record FileStatementRequest(string? StatementId);

public sealed record UnfileStatementRequest(string? Reason);

public static class TopicsApi
{
    public static IEndpointRouteBuilder MapTopicsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/topics").WithTags("Topics");
        group.MapPost("/", Open).WithName("OpenTopic");
        group.MapGet("/{id}", Get).WithName("GetTopic");
        group.MapPost("/{topicId}/statements", File).WithName("FileStatement");
        group.MapDelete("/{topicId}/statements/{statementId}", Unfile).WithName("UnfileStatement");
        return app;
    }

    private static async Task<Results<Created<WriteResponse>, Ok<WriteResponse>, ProblemHttpResult>> Open(
        OpenTopicRequest request, IGrainFactory grains, HttpContext http)
    {
        if (!Slug.IsValid(request.Id)) return Problems.Invalid("id", request.Id is null ? "is required" : Slug.Rule);
        var command = new OpenTopic(request.Id!, request.Title!, request.Description, request.ParentId);
        var result = await grains.GetGrain<ITopicGrain>(request.Id!).Open(command, http.WriteContext());
        return Problems.Written(result, $"/api/topics/{request.Id}");
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
        return result.Succeeded ? TypedResults.Ok(new WriteResponse(result.Id!, result.Version, result.Position)) : Problems.From(result.Errors);
    }
}
