namespace Archive.Domain.Statements;

/// <summary>Removes the link of <see cref="StatementId"/> to <see cref="TargetId"/> with this relation; one event per link removed.</summary>
public sealed record StatementUnlinked(
    string ActorId, string StatementId, string TargetId, string Relation, string Reason, string UnlinkedBy, DateTimeOffset UnlinkedAt);
