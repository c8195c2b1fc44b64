using Archive.Domain.Common;
using Archive.Store;
using Archive.Store.Statements;
using Archive.Store.Topics;
using Archive.Web.Charts;
using Archive.Web.Find;
using Archive.Web.Shell;
using Marten;
using Npgsql;

namespace Archive.Web.Topics;

public sealed record TopicListModel(Chrome Chrome, IReadOnlyList<TopicView> Rows, IReadOnlyDictionary<string, string> Titles, string? NextPage, bool Later);

/// <param name="Family">The topics whose statements the page shows: the topic, its subtopics and the topics merged into them.</param>
public sealed record TopicPageModel(
    Chrome Chrome, TopicView Topic, IReadOnlyDictionary<string, string> Titles, IReadOnlyList<TopicView> Subtopics, IReadOnlyList<TopicView> Merged,
    IReadOnlyList<string> Family, int Total, IReadOnlyList<Tally> ByActor, MonthlyChartModel Chart,
    string? Actor, IReadOnlyList<StatementItem> Items, StatementNames Names, string? NextPage, string? FirstPage);

/// <summary>The topics, and a topic's page: its timeline, the actors who spoke on it, its subtopics and merged topics, a chart by actor.</summary>
public static class TopicPages
{
    public const int ListSize = 50;
    public const int TimelineSize = 25;

    public static void Map(WorkspaceRoutes routes) =>
        routes.Get("topics", Access.Reader, List)
            .Get("topics/{id}", Access.Reader, Show);

    /// <summary>By title; the next page starts after the last topic of this one (its id in the address).</summary>
    private static async Task<IResult> List(WorkspaceRequest request)
    {
        if (await request.CaughtUp() is { } notYet) return notYet;
        var session = request.Service<IQuerySession>();
        var after = request.Query("after");
        var last = after is not null && Slug.IsValid(after) ? await session.LoadAsync<TopicView>(after, request.Aborted) : null;
        if (after is not null && last is null)
            return Pages.Problem(request.Chrome("Not a page"), StatusCodes.Status400BadRequest, $"There is no topic '{after}' to list the topics after.");
        var query = session.Query<TopicView>().AsQueryable();
        if (last is not null)
        {
            var (title, id) = (last.Title, last.Id);
            query = query.Where(t => t.Title.CompareTo(title) > 0 || (t.Title == title && t.Id.CompareTo(id) > 0));
        }
        var rows = await query.OrderBy(t => t.Title).ThenBy(t => t.Id).Take(ListSize + 1).ToListAsync(request.Aborted);
        var page = rows.Take(ListSize).ToList();
        var related = page.SelectMany(t => new[] { t.ParentId, t.MergedInto }).OfType<string>().Distinct().ToArray();
        var titles = await FindReads.TopicTitles(session, related, request.Aborted);
        var next = rows.Count > ListSize ? $"/topics?after={Uri.EscapeDataString(page[^1].Id)}" : null;
        return Pages.Html<TopicListPage>(new TopicListModel(request.Chrome("Topics"), page, titles, next, last is not null));
    }

    private static async Task<IResult> Show(WorkspaceRequest request)
    {
        if (await request.CaughtUp() is { } notYet) return notYet;
        var ct = request.Aborted;
        var session = request.Service<IQuerySession>();
        var database = request.Service<NpgsqlDataSource>();
        var schema = request.Service<ArchiveSettings>().Schema;
        var id = request.Route("id");
        var topic = Slug.IsValid(id) ? await session.LoadAsync<TopicView>(id, ct) : null;
        if (topic is null) return Pages.NotFound(request.Chrome("Topic not found"), $"No topic is open with the id '{id}'.");

        var family = await TopicFamily.Of(database, schema, id, includeSubtopics: true, ct);
        var actor = request.Query("actor");
        var cursor = request.Query("cursor");
        var page = await StatementQueries.Page(database, schema, new StatementFilter(Actor: actor, Topic: id, TopicFamily: family), cursor, TimelineSize, ct);
        if (page.Value is not { } timeline)
            return Pages.Problem(request.Chrome("Not a timeline"), StatusCodes.Status400BadRequest,
                string.Join("; ", page.Errors.Select(e => $"{e.Field}: {e.Reason}")));

        var subtopics = await session.Query<TopicView>().Where(t => t.ParentId == id).OrderBy(t => t.Title).ThenBy(t => t.Id).ToListAsync(ct);
        var merged = await session.Query<TopicView>().Where(t => t.MergedInto == id).OrderBy(t => t.Title).ThenBy(t => t.Id).ToListAsync(ct);
        var titles = await FindReads.TopicTitles(session, family.Concat(new[] { topic.ParentId, topic.MergedInto }.OfType<string>()).Distinct().ToArray(), ct);

        var points = await FindReads.PointsOfTopics(session, family, ct);
        var names = await FindReads.ActorNames(session, points.Select(p => p.ActorId).Append(actor ?? "").Distinct().ToArray(), ct);
        var byActor = points.GroupBy(p => p.ActorId)
            .Select(g => new Tally(g.Key, names.GetValueOrDefault(g.Key, g.Key), g.Count()))
            .OrderByDescending(t => t.Statements).ThenBy(t => t.Label, StringComparer.OrdinalIgnoreCase).ToList();
        var chart = MonthlyChart.Build("topic-chart", $"Statements on {topic.Title} per month, by actor", "actor",
            points.Select(p => (p.SaidOn, (IReadOnlyCollection<string>)new[] { p.ActorId })), names, "No speaker", "Other actors");

        var listed = await FindReads.NamesOf(session, timeline.Items, ct);
        var here = actor is null ? $"/topics/{id}" : $"/topics/{id}?actor={Uri.EscapeDataString(actor)}";
        string Page(string after) => $"{here}{(actor is null ? '?' : '&')}cursor={Uri.EscapeDataString(after)}";
        var model = new TopicPageModel(request.Chrome(topic.Title), topic, titles, subtopics, merged, family, points.Count, byActor, chart,
            actor, timeline.Items, listed, timeline.Next is { } next ? Page(next) : null, cursor is null ? null : here);
        return Pages.Html<TopicPage>(model);
    }
}
