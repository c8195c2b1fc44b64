using Archive.Domain.Common;

namespace Archive.Domain.Actors;

/// <summary>
/// Gives an actor a role in an organisation from a date, until an optional end date. A role is named by role,
/// organisation and start: assigning the same one again with another (or a first) end date ends it then.
/// </summary>
public sealed record AssignRole(string ActorId, string Role, string Organisation, DateOnly? From = null, DateOnly? To = null)
{
    public static Decision Handle(ActorState state, AssignRole command, CommandContext context)
    {
        var errors = new List<DomainError>();
        Checks.Text(errors, "role", command.Role, 200);
        Checks.Text(errors, "organisation", command.Organisation, 200);
        // A capacity is looked up by the day a statement was said: a role without a start cannot answer that.
        if (command.From is not { } from) errors.Add(DomainError.Invalid("from", "is required: the day the role began"));
        else
        {
            Checks.Day(errors, "from", from, context.Now);
            if (command.To is { } to && to < from) errors.Add(DomainError.Invalid("to", "must not be before 'from'"));
        }
        if (command.To is { } end && end < Checks.EarliestSaidOn) errors.Add(DomainError.Invalid("to", $"must not be before {Checks.EarliestSaidOn:yyyy-MM-dd}"));
        if (errors.Count > 0) return Decision.Refuse(errors);
        if (!state.Exists) return Decision.NotFound("actorId", $"actor '{command.ActorId}' is not registered");

        var role = new ActorRole(command.Role.Trim(), command.Organisation.Trim(), command.From, command.To);
        if (state.Roles.Contains(role)) return Decision.NoOp;
        return Decision.Accept(new ActorRoleAssigned(
            command.ActorId, role.Role, role.Organisation, role.From, role.To, context.Principal, context.Now));
    }
}
