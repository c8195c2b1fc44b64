namespace Archive.Domain.Statements;

public sealed record StatementLinked(
    string ActorId, string StatementId, string TargetId, string Relation, string LinkedBy, DateTimeOffset LinkedAt);
