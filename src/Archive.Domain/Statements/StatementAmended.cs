namespace Archive.Domain.Statements;

/// <summary>Only the fields that changed are set; the rest are null.</summary>
public sealed record StatementChanges(
    string? Quote = null,
    TextSpan? Span = null,
    DateOnly? SaidOn = null,
    string? Occasion = null,
    string? QuoteKind = null,
    string? Language = null)
{
    public bool IsEmpty => Quote is null && Span is null && SaidOn is null && Occasion is null && QuoteKind is null && Language is null;
}

public sealed record StatementAmended(
    string ActorId, string StatementId, StatementChanges Changes, string Reason, string AmendedBy, DateTimeOffset AmendedAt);
