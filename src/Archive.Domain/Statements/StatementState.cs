using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Archive.Domain.Statements;

public sealed record StatementLink(string TargetId, string Relation);

/// <summary>A link that was removed, with the reason given: a repeated unlinking finds it and is a no-op.</summary>
public sealed record RemovedLink(string TargetId, string Relation, string Reason);

/// <summary>A status and its reason, kept while a statement is retracted so that reinstating it can restore them.</summary>
public sealed record PriorStatus(string Status, string? Reason);

/// <summary>
/// A statement as its speaker's decisions need it, and no more: the quote, occasion, verification and the original
/// recording are kept as <see cref="Fingerprints"/> (enough to recognise a repeat), the source's text stays with the
/// source. The stream and the read models keep everything.
/// </summary>
/// <param name="Recording">The fingerprint of the original recording (<see cref="Fingerprints.Recording"/>): recording it again is a no-op only if it matches.</param>
/// <param name="Quote">The fingerprint of the current quote, exactly as stored (the source's own characters at <see cref="Span"/>, for every quote the archive checked).</param>
/// <param name="Occasion">The fingerprint of the current occasion; null when there is none.</param>
/// <param name="Joint">Whether co-speakers were named: only then can the quote kind become joint.</param>
/// <remarks>
/// Snapshots hold one of these per statement: what is null or computed is not written (a missing value reads back as
/// null), which keeps a statement's snapshot small.
/// </remarks>
public sealed record StatementState(
    string SourceId,
    TextSpan Span,
    string QuoteKind,
    DateOnly SaidOn,
    string Language,
    string Status,
    int Revision,
    string Recording,
    string Quote,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Occasion,
    bool Joint)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StatusReason { get; init; }

    /// <summary>The fingerprint of the last verification's method and note; null while the current text is unverified.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Verified { get; init; }

    public ImmutableList<StatementLink> Links { get; init; } = [];

    /// <summary>Links removed since they were made (a link made again leaves this list).</summary>
    public ImmutableList<RemovedLink> RemovedLinks { get; init; } = [];

    /// <summary>While retracted: the status it had before, which reinstating restores.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PriorStatus? BeforeRetraction { get; init; }

    /// <summary>The reason of the reinstatement that ended the last retraction, so a repeated reinstatement is a no-op.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ReinstatedBecause { get; init; }

    [JsonIgnore]
    public bool IsRetracted => Status == StatementStatus.Retracted;

    public static StatementState From(StatementRecorded e) => new(
        e.SourceId, e.Span, e.QuoteKind, e.SaidOn, e.Language, StatementStatus.Recorded, 1,
        Fingerprints.Recording(e), Fingerprints.Of(e.Quote), Fingerprints.OfOptional(e.Occasion), e.CoSpeakers.Count > 0);

    public StatementState Apply(object @event) => @event switch
    {
        StatementVerified e => this with
        {
            Status = StatementStatus.Verified,
            Verified = Fingerprints.Verification(e.Method, e.Note),
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
    [JsonIgnore]
    public PriorStatus StatusToReinstate =>
        BeforeRetraction ?? new PriorStatus(Verified is null ? StatementStatus.Recorded : StatementStatus.Verified, null);

    private StatementState Amend(StatementChanges c)
    {
        var textChanged = c.Quote is not null || c.Span is not null;
        return this with
        {
            Quote = c.Quote is null ? Quote : Fingerprints.Of(c.Quote),
            Span = c.Span ?? Span,
            SaidOn = c.SaidOn ?? SaidOn,
            Occasion = c.Occasion is null ? Occasion : Fingerprints.Of(c.Occasion),
            QuoteKind = c.QuoteKind ?? QuoteKind,
            Language = c.Language ?? Language,
            // A verification vouched for the old text; a new text needs a new one. The stream's history keeps the old.
            Status = textChanged && Status == StatementStatus.Verified ? StatementStatus.Recorded : Status,
            Verified = textChanged ? null : Verified,
        };
    }
}
