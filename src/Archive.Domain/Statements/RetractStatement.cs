using Archive.Domain.Actors;
using Archive.Domain.Common;

namespace Archive.Domain.Statements;

public sealed record RetractStatement(string StatementId, string Reason)
{
    public static Decision Handle(ActorState state, RetractStatement command, CommandContext context)
    {
        var errors = new List<DomainError>();
        Checks.Text(errors, "reason", command.Reason, 2000, multiline: true);
        if (errors.Count > 0) return Decision.Refuse(errors);
        if (StatementGuard.Find(state, command.StatementId, null, out var statement) is { } refused) return refused;
        if (statement.IsRetracted)
            return statement.StatusReason == command.Reason
                ? Decision.NoOp
                : Decision.Conflict("id", $"statement '{command.StatementId}' is already retracted");
        return Decision.Accept(new StatementRetracted(state.Id!, command.StatementId, command.Reason, context.Principal, context.Now));
    }
}
