using Archive.Store.Actors;
using Archive.Store.Sources;
using Archive.Store.Statements;
using Marten;

namespace Archive.Web.Sources;

/// <summary>A source as the list shows it: its description, never its text.</summary>
public sealed class SourceRow
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Outlet { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public int Length { get; set; }
    public int Statements { get; set; }
}

/// <summary>The statement as the source page lists and marks it.</summary>
public sealed record SourceStatement(StatementView View, string Speaker);

/// <summary>The read models the source pages show, through the store's Marten query session (no grain, no SQL of ours).</summary>
public static class SourceReads
{
    public const int PageSize = 50;

    /// <summary>Newest first; <paramref name="before"/> is the last row of the previous page.</summary>
    public static async Task<(IReadOnlyList<SourceRow> Rows, SourceRow? Next)> List(IQuerySession session, (DateTimeOffset At, string Id)? before, CancellationToken ct)
    {
        var query = session.Query<SourceView>().AsQueryable();
        if (before is { } b) query = query.Where(s => s.RegisteredAt < b.At || (s.RegisteredAt == b.At && s.Id.CompareTo(b.Id) > 0));
        var rows = await query.OrderByDescending(s => s.RegisteredAt).ThenBy(s => s.Id).Take(PageSize + 1)
            .Select(s => new SourceRow { Id = s.Id, Title = s.Title, Outlet = s.Outlet, PublishedOn = s.PublishedOn, RegisteredAt = s.RegisteredAt, Length = s.Length })
            .ToListAsync(ct);
        var page = rows.Take(PageSize).ToList();
        // One round trip for every count on the page.
        var batch = session.CreateBatchQuery();
        var counts = page.Select(row => batch.Query<StatementView>().Where(v => v.SourceId == row.Id).Count()).ToList();
        await batch.Execute(ct);
        for (var i = 0; i < page.Count; i++) page[i].Statements = (int)await counts[i];
        return (page, rows.Count > PageSize ? page[^1] : null);
    }

    /// <summary>The statements taken from a source, in the order of their place in it, with their speakers' names.</summary>
    public static async Task<IReadOnlyList<SourceStatement>> StatementsOf(IQuerySession session, string sourceId, CancellationToken ct)
    {
        var views = await session.Query<StatementView>().Where(v => v.SourceId == sourceId).ToListAsync(ct);
        var actors = await session.LoadManyAsync<ActorView>(ct, views.Select(v => v.ActorId).Distinct().ToArray());
        var names = actors.ToDictionary(a => a.Id, a => a.Name);
        return views.OrderBy(v => v.Span.Start).ThenBy(v => v.Span.End).ThenBy(v => v.Id, StringComparer.Ordinal)
            .Select(v => new SourceStatement(v, names.GetValueOrDefault(v.ActorId, v.ActorId))).ToList();
    }
}
