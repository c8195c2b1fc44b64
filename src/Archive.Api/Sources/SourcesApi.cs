using System.ComponentModel.DataAnnotations;
using Archive.Api.Http;
using Archive.Api.Reads;
using Archive.Api.Security;
using Archive.Domain.Common;
using Archive.Domain.Sources;
using Archive.Grains.Interfaces;
using Archive.Store.Sources;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Archive.Api.Sources;

public sealed record RegisterSourceRequest(
    [property: Required] string? Title, [property: Required] string? Text, string? Outlet, string? Url, DateOnly? PublishedOn, string? Language,
    string? ContentType = null);

/// <summary>Only the fields given are corrected; the text never is (a different text is a different source).</summary>
public sealed record CorrectSourceRequest(
    [property: Required] string? Reason, string? Title, string? Outlet, string? Url, DateOnly? PublishedOn, string? Language);

public static class SourcesApi
{
    public static IEndpointRouteBuilder MapSourcesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sources").WithTags("Sources");
        group.MapPost("/", Register).WithName("RegisterSource").WithSummary("Register a source document; its id derives from its text").ProducesProblems(400, 404, 409).ForArchivists()
            .WithBodyExample(new
            {
                title = "Regular press conference, 3 March", text = "Q: Will the corridor grow?\nA: “The corridor – our 🙂 project – will grow.”",
                outlet = "Ministry of Foreign Affairs", url = "https://example.org/briefings/0303", publishedOn = "2025-03-03", language = "en",
            });
        group.MapGet("/{id}", Get).WithName("GetSource").WithSummary("Get a source with its text exactly as stored").ProducesProblems(400, 404, 503).ForReaders().ReadsFrom("sources");
        group.MapPost("/{id}/corrections", Correct).WithName("CorrectSource")
            .WithSummary("Correct a source's description (title, outlet, url, publishedOn, language), with a reason; never its text")
            .ProducesProblems(400, 404).ForArchivists()
            .WithBodyExample(new { title = "Regular press conference, 4 March", reason = "the outlet's page gave the wrong day" });
        group.MapLocateApi();
        return app;
    }

    private static async Task<Results<Created<WriteResponse>, Ok<WriteResponse>, ProblemHttpResult>> Register(
        RegisterSourceRequest request, IGrainFactory grains, IQuerySession session, HttpContext http)
    {
        if (HtmlSource.ContentTypeProblem(request.ContentType) is { } contentType) return Problems.Invalid("contentType", contentType);
        // An HTML page registers as its main text, described by its metadata where the request leaves a field out (Sources/HtmlSource.cs).
        var command = HtmlSource.IsHtml(request.ContentType) && request.Text is { } page
            ? HtmlSource.Registration(page, request.Title, request.Outlet, request.Url, request.PublishedOn, request.Language)
            : new RegisterSource(request.Title!, request.Text!, request.Outlet, request.Url, request.PublishedOn, request.Language);
        // Without a text there is no id (it derives from the text): the decision's checks still report every bad field.
        if (request.Text is null || request.Text.Trim().Length == 0)
            return Problems.From([.. Requests.InvalidFields(RegisterSource.Handle(SourceState.Empty, command, http.CommandContext()))]);
        var result = await grains.GetGrain<ISourceGrain>(command.SourceId).Register(command, http.WriteContext());
        if (result is { Succeeded: true, Appended: false } && await session.LoadAsync<SourceView>(command.SourceId, http.RequestAborted) is { } registered
            && Differences(registered, command) is { Count: > 0 } differences)
        {
            return Problems.Of(StatusCodes.Status409Conflict, "The source is already registered with other details.", differences,
                $"source '{registered.Id}' (the same text) is registered with other {string.Join(", ", differences.Select(d => d.Field))}; "
                + $"a source's description is changed by POST /api/sources/{registered.Id}/corrections with a reason");
        }
        return Problems.Written(result, $"/api/sources/{command.SourceId}");
    }

    /// <summary>The description fields of a registration that differ from the registered (and since corrected) source.</summary>
    private static List<DomainError> Differences(SourceView registered, RegisterSource command)
    {
        var errors = new List<DomainError>();
        void Compare<T>(string field, T held, T sent)
        {
            if (!EqualityComparer<T>.Default.Equals(held, sent))
                errors.Add(DomainError.Conflict(field, $"is {Shown(held)} in the archive, not {Shown(sent)}; correct it with POST /api/sources/{registered.Id}/corrections"));
        }
        Compare("title", registered.Title, command.Title.Trim());
        Compare("outlet", registered.Outlet, command.Outlet);
        Compare("url", registered.Url, command.Url);
        Compare("publishedOn", registered.PublishedOn, command.PublishedOn);
        Compare("language", registered.Language, command.Language);
        return errors;
    }

    private static string Shown<T>(T value) => value switch
    {
        null => "not given",
        DateOnly day => $"'{day:yyyy-MM-dd}'",
        _ => $"'{value}'",
    };

    private static async Task<Results<Ok<WriteResponse>, ProblemHttpResult>> Correct(string id, CorrectSourceRequest request, IGrainFactory grains, HttpContext http)
    {
        if (!IsSourceId(id)) return Problems.NotFound("id", $"source '{id}' is not registered");
        var command = new CorrectSource(id, request.Reason!, request.Title, request.Outlet, request.Url, request.PublishedOn, request.Language);
        return Problems.Applied(await grains.GetGrain<ISourceGrain>(id).Correct(command, http.WriteContext()), ("sourceId", "id"));
    }

    private static async Task<Results<Ok<SourceView>, ProblemHttpResult>> Get(string id, IQuerySession session, CancellationToken ct)
    {
        var source = IsSourceId(id) ? await session.LoadAsync<SourceView>(id, ct) : null;
        return source is null ? Problems.NotFound("id", $"source '{id}' is not registered") : TypedResults.Ok(source);
    }

    public static bool IsSourceId(string id) => id.StartsWith("src-", StringComparison.Ordinal) && id.Length <= 64;
}
