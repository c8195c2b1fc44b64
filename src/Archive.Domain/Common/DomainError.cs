namespace Archive.Domain.Common;

public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
}

/// <summary>Why a command was refused: the field (a camelCase JSON path) and the reason.</summary>
public sealed record DomainError(ErrorKind Kind, string Field, string Reason)
{
    public static DomainError Invalid(string field, string reason) => new(ErrorKind.Validation, field, reason);
    public static DomainError NotFound(string field, string reason) => new(ErrorKind.NotFound, field, reason);
    public static DomainError Conflict(string field, string reason) => new(ErrorKind.Conflict, field, reason);
}
