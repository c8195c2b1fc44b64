using Archive.Store.Actors;
using Archive.Store.Sources;
using Archive.Store.Statements;
using Archive.Store.Topics;
using Marten;

namespace Archive.Web.Find;

/// <summary>An id and its name or title: all a list needs of an actor, topic or source.</summary>
public sealed class NameRow
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
}

public sealed class TopicTitle
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string? MergedInto { get; set; }
}

/// <summary>What a chart and the counts of a profile need of a statement: never its quote.</summary>
public sealed class StatementPoint
{
    public string Id { get; set; } = "";
    public string ActorId { get; set; } = "";
    public DateOnly SaidOn { get; set; }
    public string Status { get; set; } = "";
    public List<string> Topics { get; set; } = [];
}

/// <summary>A count of statements under a name (a topic, an actor, a status), with the id it links by.</summary>
public sealed record Tally(string Id, string Label, int Statements);

/// <summary>What a list of statements shows beside each: its speaker's name, its topics' titles, its source's title.</summary>
public sealed record StatementNames(
    IReadOnlyDictionary<string, string> Actors, IReadOnlyDictionary<string, string> Topics, IReadOnlyDictionary<string, string> Sources)
{
    public static readonly StatementNames None = new(new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, string>());

    public string Actor(string id) => Actors.GetValueOrDefault(id, id);
    public string Topic(string id) => Topics.GetValueOrDefault(id, id);
    public string Source(string id) => Sources.GetValueOrDefault(id, id);
}

/// <summary>The read models the find pages share, through the store's Marten query session (no SQL of ours).</summary>
public static class FindReads
{
    /// <summary>The names of the speakers, topics and sources of <paramref name="items"/>, in one round trip.</summary>
    public static async Task<StatementNames> NamesOf(IQuerySession session, IReadOnlyCollection<StatementItem> items, CancellationToken ct)
    {
        if (items.Count == 0) return StatementNames.None;
        var actorIds = items.Select(i => i.ActorId).Distinct().ToArray();
        var topicIds = items.SelectMany(i => i.Topics).Distinct().ToArray();
        var sourceIds = items.Select(i => i.SourceId).Distinct().ToArray();
        var batch = session.CreateBatchQuery();
        var actors = batch.Query<ActorView>().Where(a => a.Id.IsOneOf(actorIds)).Select(a => new NameRow { Id = a.Id, Name = a.Name }).ToList();
        var topics = batch.Query<TopicView>().Where(t => t.Id.IsOneOf(topicIds)).Select(t => new NameRow { Id = t.Id, Name = t.Title }).ToList();
        // A source's title only: its text can be long.
        var sources = batch.Query<SourceView>().Where(s => s.Id.IsOneOf(sourceIds)).Select(s => new NameRow { Id = s.Id, Name = s.Title }).ToList();
        await batch.Execute(ct);
        return new StatementNames(
            (await actors).ToDictionary(a => a.Id, a => a.Name),
            (await topics).ToDictionary(t => t.Id, t => t.Name),
            (await sources).ToDictionary(s => s.Id, s => s.Name));
    }

    /// <summary>Every topic by title (the search form's choice), merged ones too: their statements are still theirs.</summary>
    public static async Task<IReadOnlyList<TopicTitle>> Topics(IQuerySession session, CancellationToken ct) =>
        await session.Query<TopicView>().OrderBy(t => t.Title).ThenBy(t => t.Id).Take(Statements.Speakers.Listed)
            .Select(t => new TopicTitle { Id = t.Id, Title = t.Title, MergedInto = t.MergedInto }).ToListAsync(ct);

    /// <summary>Every statement of an actor, as points (a profile's counts and chart).</summary>
    public static async Task<IReadOnlyList<StatementPoint>> PointsOfActor(IQuerySession session, string actorId, CancellationToken ct) =>
        await session.Query<StatementView>().Where(v => v.ActorId == actorId)
            .Select(v => new StatementPoint { Id = v.Id, ActorId = v.ActorId, SaidOn = v.SaidOn, Status = v.Status, Topics = v.Topics }).ToListAsync(ct);

    /// <summary>Every statement filed under any of <paramref name="topicIds"/> (a topic's family), each once.</summary>
    public static async Task<IReadOnlyList<StatementPoint>> PointsOfTopics(IQuerySession session, IReadOnlyList<string> topicIds, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var each = topicIds.Select(topic => batch.Query<StatementView>().Where(v => v.Topics.Contains(topic))
            .Select(v => new StatementPoint { Id = v.Id, ActorId = v.ActorId, SaidOn = v.SaidOn, Status = v.Status, Topics = v.Topics }).ToList()).ToList();
        await batch.Execute(ct);
        var points = new Dictionary<string, StatementPoint>(StringComparer.Ordinal);
        foreach (var query in each)
            foreach (var point in await query) points.TryAdd(point.Id, point);
        return [.. points.Values];
    }

    /// <summary>The names of the actors or titles of the topics with these ids.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ActorNames(IQuerySession session, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var wanted = ids.ToArray();
        return (await session.Query<ActorView>().Where(a => a.Id.IsOneOf(wanted)).Select(a => new NameRow { Id = a.Id, Name = a.Name }).ToListAsync(ct))
            .ToDictionary(a => a.Id, a => a.Name);
    }

    public static async Task<IReadOnlyDictionary<string, string>> TopicTitles(IQuerySession session, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var wanted = ids.ToArray();
        return (await session.Query<TopicView>().Where(t => t.Id.IsOneOf(wanted)).Select(t => new NameRow { Id = t.Id, Name = t.Title }).ToListAsync(ct))
            .ToDictionary(t => t.Id, t => t.Name);
    }
}
