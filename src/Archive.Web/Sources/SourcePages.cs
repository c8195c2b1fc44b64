using System.Globalization;
using Archive.Api.Candidates;
using Archive.Store;
using Archive.Web.Candidates;
using Archive.Web.Shell;
using Npgsql;
using Marten;
using Archive.Store.Sources;

namespace Archive.Web.Sources;

public sealed record SourceListModel(Chrome Chrome, IReadOnlyList<SourceRow> Rows, string? NextPage);

public sealed record SourcePageModel(
    Chrome Chrome, SourceView Source, IReadOnlyList<MarkNode> Text, IReadOnlyList<SourceStatement> Statements,
    IReadOnlyList<CandidateItem> Candidates, IReadOnlyList<SourceHistoryItem>? History, CorrectionRefusal? Refusal);

/// <summary>The list of sources and a source's page: its stored text with every statement taken from it marked.</summary>
public static class SourcePages
{
    public static void Map(WorkspaceRoutes routes)
    {
        RegisterSourcePages.Map(routes); // first: "sources/new" is not the id of a source
        routes.Get("sources", Access.Reader, List)
            .Get("sources/{id}", Access.Reader, Show);
        SourceCorrections.Map(routes);
    }

    private static async Task<IResult> List(WorkspaceRequest request)
    {
        if (await request.CaughtUp() is { } notYet) return notYet;
        var (rows, next) = await SourceReads.List(request.Service<IQuerySession>(), Cursor(request.Query("before")), request.Aborted);
        var nextPage = next is null ? null : $"/sources?before={Uri.EscapeDataString($"{next.RegisteredAt.UtcTicks}.{next.Id}")}";
        return Pages.Html<SourceListPage>(new SourceListModel(request.Chrome("Sources"), rows, nextPage));
    }

    private static async Task<IResult> Show(WorkspaceRequest request)
    {
        if (await request.CaughtUp() is { } notYet) return notYet;
        return await Render(request, request.Route("id"), null);
    }

    /// <summary>The source's page: its marked text, statements and candidates, its description's history (auditors), and a refused correction.</summary>
    public static async Task<IResult> Render(WorkspaceRequest request, string id, CorrectionRefusal? refusal)
    {
        var session = request.Service<IQuerySession>();
        var source = id.StartsWith("src-", StringComparison.Ordinal) && id.Length <= 64 ? await session.LoadAsync<SourceView>(id, request.Aborted) : null;
        if (source is null) return Pages.NotFound(request.Chrome("Source not found"), $"No source is registered with the id '{id}'.");
        var statements = await SourceReads.StatementsOf(session, id, request.Aborted);
        var candidates = await CandidateReview.Of(request, id);
        var marks = SourceMarks.Build(source.Text, statements.Select(s => new MarkedSpan(s.View.Id, s.View.Span.Start, s.View.Span.End, s.View.Status, s.Speaker))
            .Concat(candidates.Where(c => c.RecordedStatementId is null).Select(CandidateReview.Mark)));
        var history = request.Session?.May(Api.Security.Roles.Auditor) == true
            ? await SourceHistory.Of(request.Service<NpgsqlDataSource>(), request.Service<ArchiveSettings>().Schema, id, request.Aborted)
            : null;
        return Pages.Html<SourcePage>(new SourcePageModel(request.Chrome(source.Title), source, marks, statements, candidates, history, refusal),
            refusal?.Errors.Status ?? StatusCodes.Status200OK);
    }

    private static (DateTimeOffset, string)? Cursor(string? value)
    {
        var dot = value?.IndexOf('.') ?? -1;
        if (dot <= 0 || !long.TryParse(value![..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks) return null;
        return (new DateTimeOffset(ticks, TimeSpan.Zero), value[(dot + 1)..]);
    }
}
