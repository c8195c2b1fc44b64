using Archive.Domain.Common;

namespace Archive.Domain.Actors;

public sealed record AddAlias(string ActorId, string Alias)
{
    public static Decision Handle(ActorState state, AddAlias command, CommandContext context)
    {
        var errors = new List<DomainError>();
        Checks.Text(errors, "alias", command.Alias, 200);
        if (errors.Count > 0) return Decision.Refuse(errors);
        if (!state.Exists) return Decision.NotFound("actorId", $"actor '{command.ActorId}' is not registered");
        if (state.Aliases.Contains(command.Alias) || state.Name == command.Alias) return Decision.NoOp;
        return Decision.Accept(new ActorAliasAdded(command.ActorId, command.Alias, context.Principal, context.Now));
    }
}
