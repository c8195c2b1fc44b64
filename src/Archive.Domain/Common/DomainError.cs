using Archive.Domain.Sources;

namespace Archive.Domain.Common;

public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
}

/// <summary>
/// Why a command was refused: the field (a camelCase JSON path) and the reason. <see cref="Details"/> carries, for a
/// refused quote only, the evidence as data (the occurrences' spans, the closest passage, what the source has at the
/// span sent), so a client can offer the choices without parsing the reason; it is null for every other error.
/// </summary>
public sealed record DomainError(ErrorKind Kind, string Field, string Reason, QuoteEvidence? Details = null)
{
    public static DomainError Invalid(string field, string reason, QuoteEvidence? details = null) => new(ErrorKind.Validation, field, reason, details);
    public static DomainError NotFound(string field, string reason) => new(ErrorKind.NotFound, field, reason);
    public static DomainError Conflict(string field, string reason, QuoteEvidence? details = null) => new(ErrorKind.Conflict, field, reason, details);
}
