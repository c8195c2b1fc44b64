using System.Collections.Immutable;
using Archive.Domain.Statements;

namespace Archive.Domain.Actors;

/// <summary>A capacity the actor holds; (role, organisation, from) names it, and assigning it again with another end date ends it then.</summary>
public sealed record ActorRole(string Role, string Organisation, DateOnly? From, DateOnly? To)
{
    public bool IsSameAs(ActorRole other) => Role == other.Role && Organisation == other.Organisation && From == other.From;
}

/// <summary>Everything an actor's stream says, rebuilt by <see cref="Apply"/>; immutable, so a view can be shared.</summary>
public sealed record ActorState(
    string? Id,
    string Name,
    string Kind,
    string? Country,
    ImmutableList<string> Aliases,
    ImmutableList<ActorRole> Roles,
    ImmutableDictionary<string, StatementState> Statements)
{
    public static readonly ActorState Empty = new(null, "", "", null, [], [], ImmutableDictionary<string, StatementState>.Empty);

    public bool Exists => Id is not null;

    public StatementState? Statement(string statementId) => Statements.GetValueOrDefault(statementId);

    public ActorState Apply(object @event) => @event switch
    {
        ActorRegistered e => this with { Id = e.ActorId, Name = e.Name, Kind = e.Kind, Country = e.Country, Aliases = [.. e.Aliases] },
        ActorRoleAssigned e => this with { Roles = WithRole(new ActorRole(e.Role, e.Organisation, e.From, e.To)) },
        ActorAliasAdded e => this with { Aliases = Aliases.Add(e.Alias) },
        StatementRecorded e => this with { Statements = Statements.SetItem(e.StatementId, StatementState.From(e)) },
        StatementVerified e => WithStatement(e.StatementId, e),
        StatementAmended e => WithStatement(e.StatementId, e),
        StatementDisputed e => WithStatement(e.StatementId, e),
        StatementRetracted e => WithStatement(e.StatementId, e),
        StatementLinked e => WithStatement(e.StatementId, e),
        StatementUnlinked e => WithStatement(e.StatementId, e),
        StatementReinstated e => WithStatement(e.StatementId, e),
        _ => this,
    };

    public static ActorState Replay(IEnumerable<object> events) => events.Aggregate(Empty, (state, e) => state.Apply(e));

    private ImmutableList<ActorRole> WithRole(ActorRole role) =>
        Roles.FindIndex(r => r.IsSameAs(role)) is var i and >= 0 ? Roles.SetItem(i, role) : Roles.Add(role);

    private ActorState WithStatement(string statementId, object @event) =>
        Statements.TryGetValue(statementId, out var statement)
            ? this with { Statements = Statements.SetItem(statementId, statement.Apply(@event)) }
            : this;
}
