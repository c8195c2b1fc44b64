namespace Archive.Domain.Statements;

public sealed record StatementDisputed(
    string ActorId, string StatementId, string Reason, string DisputedBy, DateTimeOffset DisputedAt);
