namespace Archive.Domain.Statements;

public sealed record StatementRecorded(
    string ActorId,
    string StatementId,
    string Quote,
    string QuoteKind,
    DateOnly SaidOn,
    string? Occasion,
    string SourceId,
    TextSpan Span,
    IReadOnlyList<string> Topics,
    string Language,
    IReadOnlyList<string> CoSpeakers,
    string RecordedBy,
    DateTimeOffset RecordedAt);
