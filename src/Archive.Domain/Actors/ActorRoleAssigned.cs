namespace Archive.Domain.Actors;

public sealed record ActorRoleAssigned(
    string ActorId, string Role, string Organisation, DateOnly? From, DateOnly? To, string AssignedBy, DateTimeOffset AssignedAt);
