namespace Archive.Domain.Actors;

public sealed record ActorRegistered(
    string ActorId, string Name, string Kind, string? Country, IReadOnlyList<string> Aliases, string RegisteredBy, DateTimeOffset RegisteredAt);
