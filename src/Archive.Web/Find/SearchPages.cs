using Archive.Domain.Common;
using Archive.Store;
using Archive.Store.Actors;
using Archive.Store.Statements;
using Archive.Store.Topics;
using Archive.Web.Shell;
using Archive.Web.Statements;
using Marten;
using Npgsql;

namespace Archive.Web.Find;

public sealed record SearchModel(
    Chrome Chrome, SearchForm Form, IReadOnlyList<ActorChoice> Actors, IReadOnlyList<TopicTitle> Topics, FieldErrors Errors,
    IReadOnlyList<StatementItem> Items, StatementNames Names, bool Later, string? NextPage);

/// <summary>
/// Search: the API's statement query (full text with highlighted snippets, its filters and its keyset pages) behind a
/// GET form, so the address of every result page is the search itself.
/// </summary>
public static class SearchPages
{
    public static void Map(WorkspaceRoutes routes) => routes.Get("search", Access.Reader, Search);

    private static async Task<IResult> Search(WorkspaceRequest request)
    {
        // A sent form names its empty fields too: the address to share is the one without them.
        var query = request.Http.Request.Query;
        if (query.Any(p => p.Value.All(string.IsNullOrWhiteSpace)))
        {
            var kept = query.Where(p => !p.Value.All(string.IsNullOrWhiteSpace)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value.ToString())}");
            return Pages.SeeOther("/search" + (kept.Any() ? "?" + string.Join('&', kept) : ""));
        }
        var form = SearchForm.From(request);
        if (form.AsOf is not null && request.Session?.May(Api.Security.Roles.Auditor) != true)
            return Pages.Problem(request.Chrome("Not allowed"), StatusCodes.Status403Forbidden,
                "Searching the archive as it stood earlier is for auditors and archivists; your key has the reader role.");
        if (await request.CaughtUp() is { } notYet) return notYet;

        var ct = request.Aborted;
        var session = request.Service<IQuerySession>();
        var database = request.Service<NpgsqlDataSource>();
        var schema = request.Service<ArchiveSettings>().Schema;
        var actors = await Speakers.All(session, ct);
        var topics = await FindReads.Topics(session, ct);
        var errors = new FieldErrors();
        var (saidFrom, saidTo, recordedFrom, recordedTo, asOf, limit) = form.Parse(errors);

        string? actor = null;
        if (form.Actor is not null)
        {
            // An id as it is (the list offers only the first actors by name), else a name or alias one actor alone has.
            if (Slug.IsValid(form.Actor) && await session.LoadAsync<ActorView>(form.Actor, ct) is not null) actor = form.Actor;
            else
            {
                var (id, problem) = Speakers.Resolve(actors, form.Actor);
                if (problem is not null) errors.Add("actor", problem);
                else if (actors.Any(a => a.Id == id)) actor = id;
                else errors.Add("actor", $"no actor is known by '{form.Actor}': pick one from the list");
            }
        }
        IReadOnlyList<string>? family = null;
        if (form.Topic is not null)
        {
            if (!Slug.IsValid(form.Topic) || await session.LoadAsync<TopicView>(form.Topic, ct) is null) errors.Add("topic", $"no topic has the id '{form.Topic}'");
            // As on the topic's page: its subtopics and the topics merged into it are part of it.
            else family = await TopicFamily.Of(database, schema, form.Topic, includeSubtopics: true, ct);
        }

        IReadOnlyList<StatementItem> items = [];
        string? next = null;
        if (!errors.Any)
        {
            var filter = new StatementFilter(form.Q, actor, form.Topic, form.Status, form.QuoteKind, saidFrom, saidTo,
                recordedFrom?.ToUniversalTime(), recordedTo?.ToUniversalTime(), asOf?.ToUniversalTime(), family);
            var page = await StatementQueries.Page(database, schema, filter, request.Query("cursor"), limit, ct);
            if (page.Value is { } found) (items, next) = (found.Items, found.Next);
            else errors = FieldErrors.From(page.Errors, field => field);
        }
        var names = await FindReads.NamesOf(session, items, ct);
        var title = form.Q is { } q ? $"Search: {q}" : "Search";
        var model = new SearchModel(request.Chrome(title), form, actors, topics, errors, items, names,
            request.Query("cursor") is not null, next is null ? null : form.Url(next));
        return Pages.Html<SearchPage>(model, errors.Any ? errors.Status : StatusCodes.Status200OK);
    }
}
