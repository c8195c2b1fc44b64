namespace Archive.Domain.Statements;

public sealed record StatementRetracted(
    string ActorId, string StatementId, string Reason, string RetractedBy, DateTimeOffset RetractedAt);
