using System.Globalization;
using Archive.Domain.Common;
using Archive.Domain.Statements;
using Archive.Grains.Interfaces;
using Archive.Store.Sources;
using Archive.Api.Candidates;
using Archive.Web.Candidates;
using Archive.Web.Shell;
using Marten;

namespace Archive.Web.Statements;

public sealed record RecordForm(
    string? Quote, int? Start, int? End, string? Speaker, string QuoteKind, string? SaidOn, string? Occasion,
    IReadOnlyList<string> Topics, IReadOnlyList<string> CoSpeakers, int? Candidate = null);

public sealed record RecordModel(
    Chrome Chrome, SourceView Source, RecordForm Form, IReadOnlyList<ActorChoice> Actors, IReadOnlyList<TopicChoice> Topics, FieldErrors Errors,
    CandidateItem? Proposal = null);

/// <summary>
/// Recording a statement from a source: the form opens on the passage selected in the source (its span in code points,
/// its words the source's own), or empty to type the quote, which the archive then finds in the source.
/// </summary>
public static class RecordPages
{
    public static void Map(WorkspaceRoutes routes) => routes
        .Get("sources/{id}/record", Access.Archivist, Form)
        .Post("sources/{id}/statements", Access.Archivist, Record)
        .Get("speakers", Access.Reader, SpeakerOptions);

    private static async Task<IResult> Form(WorkspaceRequest request)
    {
        if (await Source(request) is not { } source) return Missing(request);
        if (Number(request.Query("candidate")) is { } index && await CandidateReview.Prefill(request, source, index) is { } proposed)
            return await Page(request, source, proposed.Form, FieldErrors.None, proposed.Candidate);
        var (start, end) = (Number(request.Query("start")), Number(request.Query("end")));
        string? quote = null;
        var length = source.Length;
        if (start is { } s && end is { } e && s >= 0 && e > s && e <= length)
        {
            var units = Sources.SourceMarks.CodePointStarts(source.Text);
            quote = source.Text[units[s]..units[e]];
        }
        else (start, end) = (null, null);
        // said on starts as the source's date: most statements are reported the day they are made
        var form = new RecordForm(quote, start, end, null, QuoteKinds.Direct, Dates.Iso(source.PublishedOn), null, [], []);
        return await Page(request, source, form, FieldErrors.None);
    }

    private static async Task<IResult> Record(WorkspaceRequest request)
    {
        if (await Source(request) is not { } source) return Missing(request);
        var form = new RecordForm(request.Form["quote"].FirstOrDefault(), Number(request.Field("start")), Number(request.Field("end")),
            request.Field("speaker"), request.Field("quoteKind") ?? "", request.Field("saidOn"), request.Field("occasion"),
            request.Fields("topics"), request.Fields("coSpeakers"), Number(request.Field("candidate")));
        var actors = await Speakers.All(request.Service<IQuerySession>(), request.Aborted);
        var errors = new FieldErrors();
        var (actorId, problem) = Speakers.Resolve(actors, form.Speaker);
        if (problem is not null) errors.Add("speaker", problem);
        else if (!Slug.IsValid(actorId)) errors.Add("speaker", $"no known actor is called '{form.Speaker}'; pick one from the list");
        var saidOn = Dates.ParseDay(form.SaidOn);
        if (form.SaidOn is not null && saidOn is null) errors.Add("saidOn", "must be a date (YYYY-MM-DD)");
        var coSpeakers = form.CoSpeakers.Select(c => Speakers.Resolve(actors, c).Id ?? c).ToList();
        if (errors.Any) return await Page(request, source, form, errors);

        var span = form is { Start: { } start, End: { } end } ? new TextSpan(start, end) : null;
        var command = new RecordStatement(actorId!, source.Id, form.Quote ?? "", span, form.QuoteKind, saidOn, form.Occasion,
            form.Topics, null, coSpeakers);
        // a reviewed candidate is recorded through the candidates' accept path, so its events name the rule that proposed it
        var result = form.Candidate is { } reviewed
            ? await CandidateReview.Record(request, source, reviewed, form, actorId!, saidOn, coSpeakers)
            : await request.Service<IGrainFactory>().GetGrain<IActorGrain>(actorId!).RecordStatement(command, request.WriteContext());
        if (!result.Succeeded) return await Page(request, source, form, FieldErrors.From(result.Errors, FieldOf));
        return request.Wrote(result, $"/statements/{result.Id}");
    }

    private static async Task<IResult> SpeakerOptions(WorkspaceRequest request)
    {
        var actors = await Speakers.All(request.Service<IQuerySession>(), request.Aborted);
        return Pages.Html<SpeakerOptions>(Speakers.Search(actors, request.Query("speaker")));
    }

    // The archive's field names onto this form's fields: the span and the quote are one thing here, the selection.
    private static string FieldOf(string field) => field switch
    {
        "actorId" => "speaker",
        "quote" or "span" or "span.start" or "span.end" => "quote",
        _ => field,
    };

    private static async Task<IResult> Page(WorkspaceRequest request, SourceView source, RecordForm form, FieldErrors errors, CandidateItem? proposal = null)
    {
        var session = request.Service<IQuerySession>();
        var model = new RecordModel(request.Chrome($"Record a statement from “{source.Title}”"), source, form,
            await Speakers.All(session, request.Aborted), await Speakers.Topics(session, request.Aborted), errors, proposal);
        return Pages.Html<RecordPage>(model, errors.Any ? errors.Status : StatusCodes.Status200OK);
    }

    private static async Task<SourceView?> Source(WorkspaceRequest request)
    {
        var id = request.Route("id");
        return id.StartsWith("src-", StringComparison.Ordinal) && id.Length <= 64
            ? await request.Service<IQuerySession>().LoadAsync<SourceView>(id, request.Aborted)
            : null;
    }

    private static IResult Missing(WorkspaceRequest request) =>
        Pages.NotFound(request.Chrome("Source not found"), $"No source is registered with the id '{request.Route("id")}'.");

    private static int? Number(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
