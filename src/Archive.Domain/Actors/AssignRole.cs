using Archive.Domain.Common;

namespace Archive.Domain.Actors;

public sealed record AssignRole(string ActorId, string Role, string Organisation, DateOnly? From = null, DateOnly? To = null)
{
    public static Decision Handle(ActorState state, AssignRole command, CommandContext context)
    {
        var errors = new List<DomainError>();
        Checks.Text(errors, "role", command.Role, 200);
        Checks.Text(errors, "organisation", command.Organisation, 200);
        if (command.From is { } from && command.To is { } to && to < from)
            errors.Add(DomainError.Invalid("to", "must not be before 'from'"));
        if (errors.Count > 0) return Decision.Refuse(errors);
        if (!state.Exists) return Decision.NotFound("actorId", $"actor '{command.ActorId}' is not registered");

        var role = new ActorRole(command.Role, command.Organisation, command.From, command.To);
        if (state.Roles.Contains(role)) return Decision.NoOp;
        return Decision.Accept(new ActorRoleAssigned(
            command.ActorId, command.Role, command.Organisation, command.From, command.To, context.Principal, context.Now));
    }
}
