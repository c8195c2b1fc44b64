namespace Archive.Domain.Actors;

public sealed record ActorAliasAdded(string ActorId, string Alias, string AddedBy, DateTimeOffset AddedAt);
