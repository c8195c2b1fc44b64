using Archive.Domain.Actors;
using Archive.Domain.Common;

namespace Archive.Domain.Statements;

/// <summary>What the speaker's grain learns about a link's target before it decides.</summary>
/// <param name="Exists">Whether the target statement is recorded (it may live in another actor's stream).</param>
/// <param name="SupersededFromTarget">
/// Every statement reachable from the target by following <c>supersedes</c> links (the target's, theirs, and so on),
/// as far as the caller knows, across actors. The decision adds what this actor's own statements link to, so within
/// one actor an empty set is enough; a link from the statement to the target closing a cycle is refused.
/// </param>
public sealed record LinkTarget(bool Exists, IReadOnlyCollection<string> SupersededFromTarget)
{
    public static LinkTarget Known(bool exists) => new(exists, []);
}

public sealed record LinkStatement(string StatementId, string TargetId, string Relation)
{
    /// <param name="targetExists">Whether the target statement is recorded; cycles are then checked within this actor only.</param>
    public static Decision Handle(ActorState state, LinkStatement command, bool targetExists, CommandContext context) =>
        Handle(state, command, LinkTarget.Known(targetExists), context);

    public static Decision Handle(ActorState state, LinkStatement command, LinkTarget target, CommandContext context)
    {
        var errors = new List<DomainError>();
        if (!StatementIds.IsWellFormed(command.TargetId)) errors.Add(DomainError.Invalid("targetId", "must be a statement id such as 'st-0123456789abcdef0123'"));
        else if (command.TargetId == command.StatementId) errors.Add(DomainError.Invalid("targetId", "a statement cannot be linked to itself"));
        Checks.OneOf(errors, "relation", command.Relation, LinkRelations.All);
        if (errors.Count > 0) return Decision.Refuse(errors);

        if (StatementGuard.Find(state, command.StatementId, null, out var statement) is { } refused) return refused;
        if (!target.Exists) return Decision.NotFound("targetId", $"statement '{command.TargetId}' is not recorded");
        if (statement.Links.Contains(new StatementLink(command.TargetId, command.Relation))) return Decision.NoOp;
        if (command.Relation == LinkRelations.Supersedes && Supersedes(state, command.TargetId, target.SupersededFromTarget, command.StatementId))
        {
            return Decision.Conflict("targetId",
                $"statement '{command.TargetId}' already supersedes '{command.StatementId}', directly or through others; a supersedes link back would close a cycle");
        }
        return Decision.Accept(new StatementLinked(state.Id!, command.StatementId, command.TargetId, command.Relation, context.Principal, context.Now));
    }

    /// <summary>Whether <paramref name="sought"/> is reachable from <paramref name="from"/> by supersedes links.</summary>
    private static bool Supersedes(ActorState state, string from, IReadOnlyCollection<string> known, string sought)
    {
        var seen = new HashSet<string>(known, StringComparer.Ordinal) { from };
        var pending = new Queue<string>(seen);
        while (pending.TryDequeue(out var id))
        {
            if (id == sought) return true;
            foreach (var link in state.Statement(id)?.Links ?? [])
            {
                if (link.Relation == LinkRelations.Supersedes && seen.Add(link.TargetId)) pending.Enqueue(link.TargetId);
            }
        }
        return false;
    }
}
