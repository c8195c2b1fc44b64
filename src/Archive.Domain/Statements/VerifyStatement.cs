using Archive.Domain.Actors;
using Archive.Domain.Common;

namespace Archive.Domain.Statements;

public sealed record VerifyStatement(string StatementId, string Method, string? Note = null)
{
    public static Decision Handle(ActorState state, VerifyStatement command, CommandContext context)
    {
        var errors = new List<DomainError>();
        Checks.Text(errors, "method", command.Method, 200);
        Checks.Text(errors, "note", command.Note, 2000, required: false, multiline: true);
        if (errors.Count > 0) return Decision.Refuse(errors);

        if (StatementGuard.Find(state, command.StatementId, "verify", out var statement) is { } refused) return refused;
        if (statement.Status == StatementStatus.Verified && statement.Verified == Fingerprints.Verification(command.Method, command.Note))
            return Decision.NoOp;
        return Decision.Accept(new StatementVerified(state.Id!, command.StatementId, command.Method, command.Note, context.Principal, context.Now));
    }
}
