using Archive.Domain.Actors;
using Archive.Domain.Common;

namespace Archive.Domain.Statements;

/// <summary>
/// Takes a retracted statement back: it returns to the status it had before the retraction (recorded, verified or
/// disputed, with that status's reason), and can then be verified, amended or disputed again.
/// </summary>
public sealed record ReinstateStatement(string StatementId, string Reason)
{
    public static Decision Handle(ActorState state, ReinstateStatement command, CommandContext context)
    {
        var errors = new List<DomainError>();
        Checks.Text(errors, "reason", command.Reason, 2000, multiline: true);
        if (errors.Count > 0) return Decision.Refuse(errors);
        if (StatementGuard.Find(state, command.StatementId, null, out var statement) is { } refused) return refused;
        if (!statement.IsRetracted)
        {
            return statement.ReinstatedBecause == command.Reason
                ? Decision.NoOp
                : Decision.Conflict("id", $"statement '{command.StatementId}' is {statement.Status}, not retracted; only a retracted statement can be reinstated");
        }
        var prior = statement.StatusToReinstate;
        return Decision.Accept(new StatementReinstated(
            state.Id!, command.StatementId, command.Reason, prior.Status, prior.Reason, context.Principal, context.Now));
    }
}
