using System.Globalization;
using Archive.Domain.Actors;
using Archive.Domain.Statements;
using Archive.Store;
using Archive.Store.Actors;
using Archive.Store.Events;
using Archive.Store.Sources;
using Archive.Store.Statements;
using Archive.Store.Topics;
using Archive.Web.Shell;
using Marten;
using Npgsql;

namespace Archive.Web.Statements;

/// <summary>A refused action: which of the page's forms, the values it was sent with, and the reasons by field.</summary>
public sealed record ActionRefusal(string Form, IReadOnlyDictionary<string, string> Values, FieldErrors Errors);

public sealed record StatementModel(
    Chrome Chrome, StatementView View, string Speaker, IReadOnlyList<ActorRole> Capacity, QuoteContext? Context,
    IReadOnlyDictionary<string, string> TopicTitles, IReadOnlyList<TopicChoice> OpenTopics,
    IReadOnlyList<HistoryItem>? History, DateTimeOffset? AsOf, ActionRefusal? Refusal);

/// <summary>A statement's page: the quote in its source, its facts, its history (auditors) and its actions (archivists).</summary>
public static class StatementPages
{
    public static void Map(WorkspaceRoutes routes)
    {
        routes.Get("statements/{id}", Access.Reader, Show);
        AmendQuotePages.Map(routes); // first: its post would otherwise be taken for an action named "amend-quote"
        StatementActions.Map(routes);
    }

    private static async Task<IResult> Show(WorkspaceRequest request)
    {
        var asOfText = request.Query("asOf");
        DateTimeOffset? asOf = null;
        if (asOfText is not null)
        {
            if (request.Session?.May(Api.Security.Roles.Auditor) != true)
                return Pages.Problem(request.Chrome("Not allowed"), StatusCodes.Status403Forbidden,
                    "The archive as it stood earlier is for auditors and archivists; your key has the reader role.");
            asOf = ParseInstant(asOfText);
            if (asOf is null) return Pages.Problem(request.Chrome("Not a time"), StatusCodes.Status400BadRequest,
                $"'{asOfText}' is not a date and time; choose one with the “As of” field.");
        }
        if (await request.CaughtUp() is { } notYet) return notYet;
        return await Render(request, request.Route("id"), asOf, null);
    }

    /// <summary>The page of the statement <paramref name="id"/>, now or as the archive held it at <paramref name="asOf"/>.</summary>
    public static async Task<IResult> Render(WorkspaceRequest request, string id, DateTimeOffset? asOf, ActionRefusal? refusal)
    {
        var ct = request.Aborted;
        var session = request.Service<IQuerySession>();
        var database = request.Service<NpgsqlDataSource>();
        var schema = request.Service<ArchiveSettings>().Schema;
        StatementView? view = null;
        if (StatementIds.IsWellFormed(id))
        {
            if (asOf is { } instant)
            {
                view = StatementTimeTravel.AsOf(await session.LoadAsync<StatementRevisions>(id, ct), instant);
                if (view is not null) await StatementReads.Describe(database, schema, view, ct);
            }
            else view = await StatementReads.CurrentWithSource(database, schema, id, ct);
        }
        if (view is null)
            return Pages.NotFound(request.Chrome("Statement not found"),
                asOf is null ? $"No statement is recorded with the id '{id}'." : $"The statement '{id}' was not recorded as of {Dates.Instant(asOf.Value)}.");

        var actor = await session.LoadAsync<ActorView>(view.ActorId, ct);
        var source = await session.LoadAsync<SourceView>(view.SourceId, ct);
        var topics = await session.LoadManyAsync<TopicView>(ct, view.Topics.ToArray());
        IReadOnlyList<HistoryItem>? history = null;
        if (request.Session?.May(Api.Security.Roles.Auditor) == true)
        {
            var entries = await EventRecords.OfStatement(database, schema, id, ct);
            history = HistoryItems.Of(id, entries.Where(e => asOf is null || e.RecordedAt <= asOf));
        }
        var model = new StatementModel(
            request.Chrome($"Statement by {actor?.Name ?? view.ActorId}"), view, actor?.Name ?? view.ActorId, view.Capacity ?? [],
            source is null ? null : QuoteContext.Around(source.Text, view.Span.Start, view.Span.End),
            topics.ToDictionary(t => t.Id, t => t.Title), request.Session?.May(Api.Security.Roles.Archivist) == true && asOf is null
                ? await Speakers.Topics(session, ct) : [],
            history, asOf, refusal);
        return Pages.Html<StatementPage>(model, refusal?.Errors.Status ?? StatusCodes.Status200OK);
    }

    /// <summary>An instant as a link carries it (ISO 8601 with an offset) or as the form's field sends it (local, read as UTC).</summary>
    public static DateTimeOffset? ParseInstant(string value)
    {
        const DateTimeStyles utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTimeOffset.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"],
                CultureInfo.InvariantCulture, utc, out var local)) return local;
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, utc, out var instant) && value.Contains('T') ? instant : null;
    }
}
