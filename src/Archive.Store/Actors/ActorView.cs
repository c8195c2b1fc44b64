using Archive.Domain.Actors;
using Archive.Domain.Statements;
using Marten.Events.Projections;

namespace Archive.Store.Actors;

public sealed class ActorView
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? Country { get; set; }
    public List<string> Aliases { get; set; } = [];
    public List<ActorRole> Roles { get; set; } = [];
    public int StatementCount { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
}

public sealed partial class ActorViewProjection : MultiStreamProjection<ActorView, string>
{
    public ActorViewProjection()
    {
        Identity<ActorRegistered>(e => e.ActorId);
        Identity<ActorRoleAssigned>(e => e.ActorId);
        Identity<ActorAliasAdded>(e => e.ActorId);
        Identity<StatementRecorded>(e => e.ActorId);
    }

    public ActorView Create(ActorRegistered e) => new()
    {
        Id = e.ActorId, Name = e.Name, Kind = e.Kind, Country = e.Country, Aliases = [.. e.Aliases], RegisteredAt = e.RegisteredAt,
    };

    /// <summary>A role is one term (role, organisation, start): assigning it again, e.g. with its end, replaces that term.</summary>
    public void Apply(ActorRoleAssigned e, ActorView view)
    {
        var term = view.Roles.FindIndex(r => r.Role == e.Role && r.Organisation == e.Organisation && r.From == e.From);
        var role = new ActorRole(e.Role, e.Organisation, e.From, e.To);
        if (term >= 0) view.Roles[term] = role;
        else view.Roles.Add(role);
    }

    public void Apply(ActorAliasAdded e, ActorView view) => view.Aliases.Add(e.Alias);

    public void Apply(StatementRecorded e, ActorView view) => view.StatementCount++;
}
