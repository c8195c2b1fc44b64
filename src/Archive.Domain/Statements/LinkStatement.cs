using Archive.Domain.Actors;
using Archive.Domain.Common;

namespace Archive.Domain.Statements;

public sealed record LinkStatement(string StatementId, string TargetId, string Relation)
{
    /// <param name="targetExists">Whether the target statement is recorded (it may live in another actor's stream).</param>
    public static Decision Handle(ActorState state, LinkStatement command, bool targetExists, CommandContext context)
    {
        var errors = new List<DomainError>();
        if (!StatementIds.IsWellFormed(command.TargetId)) errors.Add(DomainError.Invalid("targetId", "must be a statement id such as 'st-0123456789abcdef0123'"));
        else if (command.TargetId == command.StatementId) errors.Add(DomainError.Invalid("targetId", "a statement cannot be linked to itself"));
        Checks.OneOf(errors, "relation", command.Relation, LinkRelations.All);
        if (errors.Count > 0) return Decision.Refuse(errors);

        if (StatementGuard.Find(state, command.StatementId, null, out var statement) is { } refused) return refused;
        if (!targetExists) return Decision.NotFound("targetId", $"statement '{command.TargetId}' is not recorded");
        if (statement.Links.Contains(new StatementLink(command.TargetId, command.Relation))) return Decision.NoOp;
        return Decision.Accept(new StatementLinked(state.Id!, command.StatementId, command.TargetId, command.Relation, context.Principal, context.Now));
    }
}
