using System.Collections.Immutable;

namespace Archive.Domain.Statements;

public sealed record Verification(string Method, string? Note, string VerifiedBy, DateTimeOffset VerifiedAt);

public sealed record StatementLink(string TargetId, string Relation);

/// <summary>A link that was removed, with the reason given: a repeated unlinking finds it and is a no-op.</summary>
public sealed record RemovedLink(string TargetId, string Relation, string Reason);

/// <summary>A status and its reason, kept while a statement is retracted so that reinstating it can restore them.</summary>
public sealed record PriorStatus(string Status, string? Reason);

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
    /// <summary>Links removed since they were made (a link made again leaves this list).</summary>
    public ImmutableList<RemovedLink> RemovedLinks { get; init; } = [];

    /// <summary>While retracted: the status it had before, which reinstating restores.</summary>
    public PriorStatus? BeforeRetraction { get; init; }

    /// <summary>The reason of the reinstatement that ended the last retraction, so a repeated reinstatement is a no-op.</summary>
    public string? ReinstatedBecause { get; init; }

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
        StatementRetracted e => this with
        {
            BeforeRetraction = IsRetracted ? BeforeRetraction : new PriorStatus(Status, StatusReason),
            ReinstatedBecause = null,
            Status = StatementStatus.Retracted,
            StatusReason = e.Reason,
            Revision = Revision + 1,
        },
        StatementReinstated e => this with
        {
            Status = e.Status,
            StatusReason = e.StatusReason,
            BeforeRetraction = null,
            ReinstatedBecause = e.Reason,
            Revision = Revision + 1,
        },
        StatementLinked e => this with
        {
            Links = Links.Add(new StatementLink(e.TargetId, e.Relation)),
            RemovedLinks = RemovedLinks.RemoveAll(r => r.TargetId == e.TargetId && r.Relation == e.Relation),
            Revision = Revision + 1,
        },
        StatementUnlinked e => this with
        {
            Links = Links.Remove(new StatementLink(e.TargetId, e.Relation)),
            RemovedLinks = RemovedLinks.Add(new RemovedLink(e.TargetId, e.Relation, e.Reason)),
            Revision = Revision + 1,
        },
        _ => this,
    };

    /// <summary>The status a reinstatement returns to: the one before the retraction (or, when that is unknown, verified if it was, else recorded).</summary>
    public PriorStatus StatusToReinstate =>
        BeforeRetraction ?? new PriorStatus(LastVerification is null ? StatementStatus.Recorded : StatementStatus.Verified, null);

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
            // A verification vouched for the old text; a new text needs a new one. The stream's history keeps the old.
            Status = textChanged && Status == StatementStatus.Verified ? StatementStatus.Recorded : Status,
            LastVerification = textChanged ? null : LastVerification,
        };
    }
}
