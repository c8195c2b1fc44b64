namespace Archive.Domain.Statements;

public sealed record StatementVerified(
    string ActorId, string StatementId, string Method, string? Note, string VerifiedBy, DateTimeOffset VerifiedAt);
