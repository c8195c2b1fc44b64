using Archive.Domain.Actors;
using Archive.Domain.Common;

namespace Archive.Domain.Statements;

/// <summary>
/// Removes a link the statement made. With a <see cref="Relation"/>, only that link; without one, every link from the
/// statement to the target (one <see cref="StatementUnlinked"/> each). Only an existing link can be removed.
/// </summary>
public sealed record UnlinkStatement(string StatementId, string TargetId, string Reason, string? Relation = null)
{
    public static Decision Handle(ActorState state, UnlinkStatement command, CommandContext context)
    {
        var errors = new List<DomainError>();
        if (!StatementIds.IsWellFormed(command.TargetId)) errors.Add(DomainError.Invalid("targetId", "must be a statement id such as 'st-0123456789abcdef0123'"));
        Checks.OneOf(errors, "relation", command.Relation, LinkRelations.All, required: false);
        Checks.Text(errors, "reason", command.Reason, 2000, multiline: true);
        if (errors.Count > 0) return Decision.Refuse(errors);

        if (StatementGuard.Find(state, command.StatementId, null, out var statement) is { } refused) return refused;
        var links = statement.Links.Where(l => l.TargetId == command.TargetId && (command.Relation is null || l.Relation == command.Relation)).ToArray();
        if (links.Length > 0)
        {
            return Decision.Accept(links.Select(l => (object)new StatementUnlinked(
                state.Id!, command.StatementId, l.TargetId, l.Relation, command.Reason, context.Principal, context.Now)).ToArray());
        }

        // A retry of an unlinking that was done finds it done.
        if (statement.RemovedLinks.Any(r => r.TargetId == command.TargetId && (command.Relation is null || r.Relation == command.Relation) && r.Reason == command.Reason))
            return Decision.NoOp;
        var others = statement.Links.Where(l => l.TargetId == command.TargetId).Select(l => l.Relation).ToArray();
        var what = command.Relation is null ? "no link" : $"no '{command.Relation}' link";
        return Decision.NotFound("targetId", $"statement '{command.StatementId}' has {what} to '{command.TargetId}'"
            + (others.Length > 0 ? $"; it links to it as {string.Join(", ", others)}" : ""));
    }
}
