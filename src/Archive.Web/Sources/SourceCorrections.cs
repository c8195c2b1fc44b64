using Archive.Domain.Sources;
using Archive.Grains.Interfaces;
using Archive.Store.Sources;
using Archive.Web.Shell;
using Marten;

namespace Archive.Web.Sources;

/// <summary>A refused correction: the values it was sent with and the reasons by field, to show the form again.</summary>
public sealed record CorrectionRefusal(SourceForm Form, string? Reason, FieldErrors Errors);

/// <summary>
/// Correcting a source's description (title, outlet, address, date, language) with a reason, through the source
/// grain's <c>Correct</c> as the API's <c>POST /api/sources/{id}/corrections</c>; the text never changes.
/// </summary>
public static class SourceCorrections
{
    public static readonly IReadOnlyList<string> Fields = ["title", "outlet", "url", "publishedOn", "language"];

    public static void Map(WorkspaceRoutes routes) => routes.Post("sources/{id}/corrections", Access.Archivist, Correct);

    private static async Task<IResult> Correct(WorkspaceRequest request)
    {
        var id = request.Route("id");
        var source = id.StartsWith("src-", StringComparison.Ordinal) && id.Length <= 64
            ? await request.Service<IQuerySession>().LoadAsync<SourceView>(id, request.Aborted)
            : null;
        if (source is null) return Pages.NotFound(request.Chrome("Source not found"), $"No source is registered with the id '{id}'.");
        var form = new SourceForm(request.Field("title")?.Trim(), request.Field("outlet"), request.Field("url"), request.Field("publishedOn"),
            request.Field("language"), null);
        var reason = request.Field("reason");
        var errors = new FieldErrors();
        var publishedOn = Dates.ParseDay(form.PublishedOn);
        if (form.PublishedOn is not null && publishedOn is null) errors.Add("correct-publishedOn", "must be a date (YYYY-MM-DD)");
        if (errors.Any) return await SourcePages.Render(request, id, new CorrectionRefusal(form, reason, errors));

        // Only what the archivist changed is sent (an empty field leaves its value as it is): the event names what changed.
        var command = new CorrectSource(id, reason ?? "",
            Changed(form.Title, source.Title), Changed(form.Outlet, source.Outlet), Changed(form.Url, source.Url),
            publishedOn != source.PublishedOn ? publishedOn : null, Changed(form.Language, source.Language));
        var result = await request.Service<IGrainFactory>().GetGrain<ISourceGrain>(id).Correct(command, request.WriteContext());
        if (result.Succeeded) return request.Wrote(result, $"/sources/{id}");
        return await SourcePages.Render(request, id, new CorrectionRefusal(form, reason, FieldErrors.From(result.Errors, FieldOf)));
    }

    private static string? Changed(string? sent, string? held) => sent is not null && sent != held ? sent : null;

    // "body" is the archive's word for "nothing to correct": it belongs to the form as a whole.
    private static string FieldOf(string field) => field switch
    {
        "sourceId" or "id" or "body" => "correct-form",
        _ => $"correct-{field}",
    };
}
