namespace Archive.Domain.Statements;

/// <summary>
/// A retracted statement taken back into the record. <see cref="Status"/> and <see cref="StatusReason"/> are what it
/// returns to: the status it had before the retraction, with that status's reason (a dispute's), so a reader of the
/// history needs no replay to know it.
/// </summary>
public sealed record StatementReinstated(
    string ActorId, string StatementId, string Reason, string Status, string? StatusReason, string ReinstatedBy, DateTimeOffset ReinstatedAt);
