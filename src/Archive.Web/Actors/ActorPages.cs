using Archive.Domain.Common;
using Archive.Store;
using Archive.Store.Actors;
using Archive.Store.Statements;
using Archive.Web.Charts;
using Archive.Web.Find;
using Archive.Web.Shell;
using Marten;
using Npgsql;

namespace Archive.Web.Actors;

public sealed record ActorListModel(Chrome Chrome, IReadOnlyList<ActorView> Rows, string? NextPage, bool Later);

public sealed record ActorPageModel(
    Chrome Chrome, ActorView Actor, int Total, IReadOnlyList<Tally> ByStatus, IReadOnlyList<Tally> ByTopic, MonthlyChartModel Chart,
    string? Topic, IReadOnlyList<StatementItem> Items, StatementNames Names, string? NextPage, string? FirstPage);

/// <summary>The actors, and an actor's page: profile, roles over time, counts, a chart by topic and the timeline.</summary>
public static class ActorPages
{
    public const int ListSize = 50;
    public const int TimelineSize = 25;

    public static void Map(WorkspaceRoutes routes) =>
        routes.Get("actors", Access.Reader, List)
            .Get("actors/{id}", Access.Reader, Show);

    /// <summary>By name; the next page starts after the last actor of this one (its id in the address).</summary>
    private static async Task<IResult> List(WorkspaceRequest request)
    {
        if (await request.CaughtUp() is { } notYet) return notYet;
        var session = request.Service<IQuerySession>();
        var after = request.Query("after");
        var last = after is not null && Slug.IsValid(after) ? await session.LoadAsync<ActorView>(after, request.Aborted) : null;
        if (after is not null && last is null)
            return Pages.Problem(request.Chrome("Not a page"), StatusCodes.Status400BadRequest, $"There is no actor '{after}' to list the actors after.");
        var query = session.Query<ActorView>().AsQueryable();
        if (last is not null)
        {
            var (name, id) = (last.Name, last.Id);
            query = query.Where(a => a.Name.CompareTo(name) > 0 || (a.Name == name && a.Id.CompareTo(id) > 0));
        }
        var rows = await query.OrderBy(a => a.Name).ThenBy(a => a.Id).Take(ListSize + 1).ToListAsync(request.Aborted);
        var page = rows.Take(ListSize).ToList();
        var next = rows.Count > ListSize ? $"/actors?after={Uri.EscapeDataString(page[^1].Id)}" : null;
        return Pages.Html<ActorListPage>(new ActorListModel(request.Chrome("Actors"), page, next, last is not null));
    }

    private static async Task<IResult> Show(WorkspaceRequest request)
    {
        if (await request.CaughtUp() is { } notYet) return notYet;
        var ct = request.Aborted;
        var session = request.Service<IQuerySession>();
        var id = request.Route("id");
        var actor = Slug.IsValid(id) ? await session.LoadAsync<ActorView>(id, ct) : null;
        if (actor is null) return Pages.NotFound(request.Chrome("Actor not found"), $"No actor is registered with the id '{id}'.");

        var topic = request.Query("topic");
        var cursor = request.Query("cursor");
        var page = await StatementQueries.Page(request.Service<NpgsqlDataSource>(), request.Service<ArchiveSettings>().Schema,
            new StatementFilter(Actor: id, Topic: topic), cursor, TimelineSize, ct);
        if (page.Value is not { } timeline)
            return Pages.Problem(request.Chrome("Not a timeline"), StatusCodes.Status400BadRequest,
                string.Join("; ", page.Errors.Select(e => $"{e.Field}: {e.Reason}")));

        var points = await FindReads.PointsOfActor(session, id, ct);
        var titles = await FindReads.TopicTitles(session, points.SelectMany(p => p.Topics).Append(topic ?? "").Distinct().ToArray(), ct);
        var byTopic = points.SelectMany(p => p.Topics).GroupBy(t => t)
            .Select(g => new Tally(g.Key, titles.GetValueOrDefault(g.Key, g.Key), g.Count()))
            .OrderByDescending(c => c.Statements).ThenBy(c => c.Label, StringComparer.OrdinalIgnoreCase).ToList();
        var byStatus = points.GroupBy(p => p.Status).Select(g => new Tally(g.Key, g.Key, g.Count())).OrderByDescending(c => c.Statements).ToList();
        var chart = MonthlyChart.Build("actor-chart", $"Statements by {actor.Name} per month, by topic", "topic",
            points.Select(p => (p.SaidOn, (IReadOnlyCollection<string>)p.Topics)), titles, "No topic", "Other topics");

        var names = await FindReads.NamesOf(session, timeline.Items, ct);
        var here = topic is null ? $"/actors/{id}" : $"/actors/{id}?topic={Uri.EscapeDataString(topic)}";
        string Page(string after) => $"{here}{(topic is null ? '?' : '&')}cursor={Uri.EscapeDataString(after)}";
        var model = new ActorPageModel(request.Chrome(actor.Name), actor, points.Count, byStatus, byTopic, chart, topic,
            timeline.Items, names, timeline.Next is { } next ? Page(next) : null, cursor is null ? null : here);
        return Pages.Html<ActorPage>(model);
    }
}
