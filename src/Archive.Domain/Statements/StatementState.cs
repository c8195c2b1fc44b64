using System.Collections.Immutable;

namespace Archive.Domain.Statements;

public sealed record Verification(string Method, string? Note, string VerifiedBy, DateTimeOffset VerifiedAt);

public sealed record StatementLink(string TargetId, string Relation);

/// <summary>A statement as its speaker's stream knows it: the current values plus the original recording.</summary>
public sealed record StatementState(
    StatementRecorded Recorded,
    string Quote,
    string QuoteKind,
    DateOnly SaidOn,
    string? Occasion,
    TextSpan Span,
    string Language,
    string Status,
    int Revision,
    Verification? LastVerification,
    string? StatusReason,
    ImmutableList<StatementLink> Links)
{
    public string Id => Recorded.StatementId;
    public string SourceId => Recorded.SourceId;
    public bool IsRetracted => Status == StatementStatus.Retracted;

    public static StatementState From(StatementRecorded e) => new(
        e, e.Quote, e.QuoteKind, e.SaidOn, e.Occasion, e.Span, e.Language, StatementStatus.Recorded, 1, null, null, []);

    public StatementState Apply(object @event) => @event switch
    {
        StatementVerified e => this with
        {
            Status = StatementStatus.Verified,
            LastVerification = new Verification(e.Method, e.Note, e.VerifiedBy, e.VerifiedAt),
            StatusReason = null,
            Revision = Revision + 1,
        },
        StatementAmended e => Amend(e.Changes) with { Revision = Revision + 1 },
        StatementDisputed e => this with { Status = StatementStatus.Disputed, StatusReason = e.Reason, Revision = Revision + 1 },
        StatementRetracted e => this with { Status = StatementStatus.Retracted, StatusReason = e.Reason, Revision = Revision + 1 },
        StatementLinked e => this with { Links = Links.Add(new StatementLink(e.TargetId, e.Relation)), Revision = Revision + 1 },
        _ => this,
    };

    private StatementState Amend(StatementChanges c)
    {
        var textChanged = c.Quote is not null || c.Span is not null;
        return this with
        {
            Quote = c.Quote ?? Quote,
            Span = c.Span ?? Span,
            SaidOn = c.SaidOn ?? SaidOn,
            Occasion = c.Occasion ?? Occasion,
            QuoteKind = c.QuoteKind ?? QuoteKind,
            Language = c.Language ?? Language,
            // A verification vouched for the old text; a new text needs a new verification.
            Status = textChanged && Status == StatementStatus.Verified ? StatementStatus.Recorded : Status,
        };
    }
}
