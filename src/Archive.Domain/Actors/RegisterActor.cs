using Archive.Domain.Common;

namespace Archive.Domain.Actors;

public sealed record RegisterActor(string ActorId, string Name, string Kind, string? Country = null, IReadOnlyList<string>? Aliases = null)
{
    public static readonly IReadOnlyList<string> Kinds = ["person", "organisation"];

    public static Decision Handle(ActorState state, RegisterActor command, CommandContext context)
    {
        var errors = new List<DomainError>();
        Checks.Slug(errors, "id", command.ActorId);
        Checks.Text(errors, "name", command.Name, 200);
        Checks.OneOf(errors, "kind", command.Kind, Kinds);
        Checks.Country(errors, "country", command.Country);
        var aliases = command.Aliases ?? [];
        if (aliases.Count > 50) errors.Add(DomainError.Invalid("aliases", "must have at most 50 entries"));
        else for (var i = 0; i < aliases.Count; i++) Checks.Text(errors, $"aliases[{i}]", aliases[i], 200);
        if (errors.Count > 0) return Decision.Refuse(errors);

        if (state.Exists)
        {
            var same = state.Name == command.Name.Trim() && state.Kind == command.Kind && state.Country == command.Country
                       && aliases.All(state.Aliases.Contains);
            return same
                ? Decision.NoOp
                : Decision.Conflict("id", $"actor '{command.ActorId}' is already registered with other details");
        }

        return Decision.Accept(new ActorRegistered(
            command.ActorId, command.Name.Trim(), command.Kind, command.Country, aliases.Distinct().ToArray(), context.Principal, context.Now));
    }
}
