using Archive.Domain.Common;

namespace Archive.Domain.Actors;

/// <summary>Another name the actor is known by (a title, a transliteration); a name already known is a no-op.</summary>
public sealed record AddAlias(string ActorId, string Alias)
{
    public const int MaxAliases = 50;

    public static Decision Handle(ActorState state, AddAlias command, CommandContext context)
    {
        var errors = new List<DomainError>();
        Checks.Text(errors, "alias", command.Alias, 200);
        if (errors.Count > 0) return Decision.Refuse(errors);
        if (!state.Exists) return Decision.NotFound("actorId", $"actor '{command.ActorId}' is not registered");
        var alias = command.Alias.Trim();
        if (state.Aliases.Contains(alias) || state.Name == alias) return Decision.NoOp;
        if (state.Aliases.Count >= MaxAliases) return Decision.Conflict("alias", $"actor '{command.ActorId}' already has {MaxAliases} aliases, the most an actor can have");
        return Decision.Accept(new ActorAliasAdded(command.ActorId, alias, context.Principal, context.Now));
    }
}
