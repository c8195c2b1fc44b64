using Archive.Domain.Actors;
using Archive.Domain.Common;

namespace Archive.Domain.Statements;

public sealed record DisputeStatement(string StatementId, string Reason)
{
    public static Decision Handle(ActorState state, DisputeStatement command, CommandContext context)
    {
        var errors = new List<DomainError>();
        Checks.Text(errors, "reason", command.Reason, 2000, multiline: true);
        if (errors.Count > 0) return Decision.Refuse(errors);
        if (StatementGuard.Find(state, command.StatementId, "dispute", out var statement) is { } refused) return refused;
        if (statement.Status == StatementStatus.Disputed && statement.StatusReason == command.Reason) return Decision.NoOp;
        return Decision.Accept(new StatementDisputed(state.Id!, command.StatementId, command.Reason, context.Principal, context.Now));
    }
}
