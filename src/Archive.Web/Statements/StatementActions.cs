using System.Text.RegularExpressions;
using Archive.Domain.Common;
using Archive.Domain.Statements;
using Archive.Domain.Topics;
using Archive.Grains.Interfaces;
using Archive.Store.Statements;
using Archive.Web.Shell;
using Marten;

namespace Archive.Web.Statements;

/// <summary>
/// The archivist's actions on a statement, each the same grain call the API makes, each with the reason its event needs.
/// A refusal shows the statement's page again with the reasons beside the fields of the form that was sent.
/// </summary>
public static partial class StatementActions
{
    public static readonly IReadOnlyList<string> Names = ["verify", "amend", "dispute", "retract", "reinstate", "link", "unlink", "file", "unfile"];

    public static void Map(WorkspaceRoutes routes) => routes.Post("statements/{id}/{action}", Access.Archivist, Act);

    private static async Task<IResult> Act(WorkspaceRequest request)
    {
        var (id, action) = (request.Route("id"), request.Route("action"));
        var session = request.Service<IQuerySession>();
        var view = Names.Contains(action) && StatementIds.IsWellFormed(id) ? await session.LoadAsync<StatementView>(id, request.Aborted) : null;
        if (view is null) return Pages.NotFound(request.Chrome("Not found"), $"There is no statement '{id}' to {action}.");
        // A form of a repeated kind (one per link, one per topic) names itself, so its reasons land beside its own fields.
        var form = request.Field("form") is { } named && FormName().IsMatch(named) && named.StartsWith(action, StringComparison.Ordinal) ? named : action;

        var grains = request.Service<IGrainFactory>();
        var speaker = grains.GetGrain<IActorGrain>(view.ActorId);
        var context = request.WriteContext();
        var reason = request.Field("reason") ?? "";
        var result = action switch
        {
            "verify" => await speaker.VerifyStatement(new VerifyStatement(id, request.Field("method") ?? "", request.Field("note")), context),
            "dispute" => await speaker.DisputeStatement(new DisputeStatement(id, reason), context),
            "retract" => await speaker.RetractStatement(new RetractStatement(id, reason), context),
            "reinstate" => await speaker.ReinstateStatement(new ReinstateStatement(id, reason), context),
            "amend" => await speaker.AmendStatement(new AmendStatement(id, reason, Changes(request, view)), context),
            "link" => await Link(request, session, speaker, id, context),
            "unlink" => await speaker.UnlinkStatement(new UnlinkStatement(id, request.Field("target") ?? "", reason, request.Field("relation")), context),
            "file" => await OnTopic(grains, request.Field("topic"), t => t.File(new FileStatement(request.Field("topic")!, id, view.ActorId), context)),
            _ => await OnTopic(grains, request.Field("topic"), t => t.Unfile(new UnfileStatement(request.Field("topic")!, id, reason), context)),
        };
        if (result.Succeeded) return request.Wrote(result, $"/statements/{id}");

        var values = request.Form.Keys.Where(k => k != AntiforgeryField.Name).ToDictionary(k => k, k => request.Form[k].ToString());
        var errors = FieldErrors.From(result.Errors, field => $"{form}-{FieldOf(field)}");
        return await StatementPages.Render(request, id, null, new ActionRefusal(form, values, errors));
    }

    // Only what the archivist changed is sent: an unchanged field is not an amendment.
    private static StatementChanges Changes(WorkspaceRequest request, StatementView view)
    {
        var saidOn = Dates.ParseDay(request.Field("saidOn"));
        var occasion = request.Field("occasion");
        var kind = request.Field("quoteKind");
        return new StatementChanges(
            SaidOn: saidOn != view.SaidOn ? saidOn : null,
            Occasion: occasion != view.Occasion ? occasion : null,
            QuoteKind: kind != view.QuoteKind ? kind : null);
    }

    private static async Task<WriteResult> Link(WorkspaceRequest request, IQuerySession session, IActorGrain speaker, string id, WriteContext context)
    {
        var targetId = request.Field("target")?.Trim() ?? "";
        var target = StatementIds.IsWellFormed(targetId) ? await session.LoadAsync<StatementView>(targetId, request.Aborted) : null;
        var relation = request.Field("relation") ?? "";
        // as the API does: a supersedes link is checked against every statement the target supersedes, across speakers
        IReadOnlyCollection<string> superseded = target is not null && relation == LinkRelations.Supersedes
            ? await Api.Statements.LinksApi.SupersededFrom(target, session, request.Aborted)
            : [];
        return await speaker.LinkStatement(new LinkStatement(id, targetId, relation), target?.ActorId ?? "", superseded, context);
    }

    private static async Task<WriteResult> OnTopic(IGrainFactory grains, string? topicId, Func<ITopicGrain, Task<WriteResult>> write) =>
        Slug.IsValid(topicId)
            ? await write(grains.GetGrain<ITopicGrain>(topicId!))
            : WriteResult.Refused([DomainError.Invalid("topicId", topicId is null ? "choose a topic" : Slug.Rule)]);

    // The archive's field names onto the action forms' field names.
    private static string FieldOf(string field) => field switch
    {
        "targetId" => "target",
        "topicId" => "topic",
        _ => field,
    };

    [GeneratedRegex("^[a-z]+(-[0-9]{1,3})?$")]
    private static partial Regex FormName();
}
