using System.Globalization;
using Archive.Domain.Common;
using Archive.Domain.Statements;
using Archive.Grains.Interfaces;
using Archive.Store.Actors;
using Archive.Store.Sources;
using Archive.Store.Statements;
using Archive.Web.Shell;
using Archive.Web.Sources;
using Marten;

namespace Archive.Web.Statements;

public sealed record AmendQuoteForm(string? Quote, int? Start, int? End, string? Reason);

public sealed record AmendQuoteModel(
    Chrome Chrome, StatementView View, string Speaker, SourceView Source, IReadOnlyList<MarkNode> Text, AmendQuoteForm Form, FieldErrors Errors);

/// <summary>
/// Amending a statement's quote by selecting its passage again: the source opens with the current span marked, the
/// selection becomes a span in code points as when recording (the page's script), and the form shows the source's own
/// characters of it; without a selection the archivist types the quote and the archive finds it in the source.
/// </summary>
public static class AmendQuotePages
{
    /// <summary>Ahead of the statement actions' <c>statements/{id}/{action}</c>, which would take this address for an action.</summary>
    public static void Map(WorkspaceRoutes routes) => routes
        .Get("statements/{id}/amend-quote", Access.Archivist, Form)
        .Post("statements/{id}/amend-quote", Access.Archivist, Amend);

    private static async Task<IResult> Form(WorkspaceRequest request)
    {
        if (await request.CaughtUp() is { } notYet) return notYet;
        if (await Load(request) is not { } loaded) return Missing(request);
        var (view, source) = loaded;
        var (start, end) = (Number(request.Query("start")), Number(request.Query("end")));
        string? quote = null;
        if (start is { } s && end is { } e && s >= 0 && e > s && e <= source.Length)
        {
            var units = SourceMarks.CodePointStarts(source.Text);
            quote = source.Text[units[s]..units[e]];
        }
        else (start, end) = (null, null);
        return await Page(request, view, source, new AmendQuoteForm(quote, start, end, null), FieldErrors.None);
    }

    private static async Task<IResult> Amend(WorkspaceRequest request)
    {
        if (await Load(request) is not { } loaded) return Missing(request);
        var (view, source) = loaded;
        var form = new AmendQuoteForm(request.Form["quote"].FirstOrDefault(), Number(request.Field("start")), Number(request.Field("end")),
            request.Field("reason"));
        var span = form is { Start: { } start, End: { } end } ? new TextSpan(start, end) : null;
        var command = new AmendStatement(view.Id, form.Reason ?? "", new StatementChanges(Quote: form.Quote ?? "", Span: span));
        var result = await request.Service<IGrainFactory>().GetGrain<IActorGrain>(view.ActorId).AmendStatement(command, request.WriteContext());
        if (result.Succeeded) return request.Wrote(result, $"/statements/{view.Id}");
        return await Page(request, view, source, form, FieldErrors.From(result.Errors, FieldOf));
    }

    // The span and the quote are one thing here, the selection; what the form does not show is listed above it.
    private static string FieldOf(string field) => field switch
    {
        "quote" or "span" or "span.start" or "span.end" or "changes" => "quote",
        _ => field,
    };

    private static async Task<IResult> Page(WorkspaceRequest request, StatementView view, SourceView source, AmendQuoteForm form, FieldErrors errors)
    {
        var speaker = (await request.Service<IQuerySession>().LoadAsync<ActorView>(view.ActorId, request.Aborted))?.Name ?? view.ActorId;
        var marks = SourceMarks.Build(source.Text, [new MarkedSpan(view.Id, view.Span.Start, view.Span.End, view.Status, speaker)]);
        var model = new AmendQuoteModel(request.Chrome($"Amend the quote of the statement by {speaker}"), view, speaker, source, marks, form, errors);
        return Pages.Html<AmendQuotePage>(model, errors.Any ? errors.Status : StatusCodes.Status200OK);
    }

    private static async Task<(StatementView, SourceView)?> Load(WorkspaceRequest request)
    {
        var id = request.Route("id");
        var session = request.Service<IQuerySession>();
        var view = StatementIds.IsWellFormed(id) ? await session.LoadAsync<StatementView>(id, request.Aborted) : null;
        var source = view is null ? null : await session.LoadAsync<SourceView>(view.SourceId, request.Aborted);
        return view is null || source is null ? null : (view, source);
    }

    private static IResult Missing(WorkspaceRequest request) =>
        Pages.NotFound(request.Chrome("Statement not found"), $"No statement is recorded with the id '{request.Route("id")}'.");

    private static int? Number(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
