using Archive.Domain.Statements;
using Archive.Domain.Topics;

namespace Archive.Store.Statements;

public sealed class StatementView
{
    public string Id { get; set; } = "";
    public string ActorId { get; set; } = "";
    public string SourceId { get; set; } = "";
    public string Quote { get; set; } = "";
    public string QuoteKind { get; set; } = "";
    public DateOnly SaidOn { get; set; }
    public string? Occasion { get; set; }
    public TextSpan Span { get; set; } = new(0, 0);
    public List<string> Topics { get; set; } = [];
    public string Language { get; set; } = "";
    public List<string> CoSpeakers { get; set; } = [];
    public string Status { get; set; } = StatementStatus.Recorded;
    public string? StatusReason { get; set; }
    public VerificationView? Verification { get; set; }
    public List<LinkView> Links { get; set; } = [];
    public int Revision { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// The source's description, joined when the statement is read (never stored in the view): a corrected
    /// source description then shows on every statement at once.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public SourceDescription? Source { get; set; }

    /// <summary>
    /// The roles the speaker held on <see cref="SaidOn"/>, from the actor's role events, joined when the statement is
    /// read (never stored): a role assigned later, for a term that covers the day, shows at once.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Archive.Domain.Actors.ActorRole>? Capacity { get; set; }
}

public sealed record SourceDescription(string Title, string? Outlet, string? Url, DateOnly? PublishedOn);

public sealed record VerificationView(string Method, string? Note, string VerifiedBy, DateTimeOffset VerifiedAt);

/// <summary>A link as seen from one statement: "outgoing" when this statement made it, "incoming" otherwise.</summary>
public sealed record LinkView(string StatementId, string Relation, string Direction);

public sealed partial class StatementViewProjection : StatementKeyedProjection<StatementView>
{
    public StatementView Create(StatementRecorded e) => new()
    {
        Id = e.StatementId,
        ActorId = e.ActorId,
        SourceId = e.SourceId,
        Quote = e.Quote,
        QuoteKind = e.QuoteKind,
        SaidOn = e.SaidOn,
        Occasion = e.Occasion,
        Span = e.Span,
        Topics = [.. e.Topics],
        Language = e.Language,
        CoSpeakers = [.. e.CoSpeakers],
        Revision = 1,
        RecordedBy = e.RecordedBy,
        RecordedAt = e.RecordedAt,
        UpdatedAt = e.RecordedAt,
    };

    public void Apply(StatementVerified e, StatementView view)
    {
        view.Status = StatementStatus.Verified;
        view.StatusReason = null;
        view.Verification = new VerificationView(e.Method, e.Note, e.VerifiedBy, e.VerifiedAt);
        Revised(view, e.VerifiedAt);
    }

    public void Apply(StatementAmended e, StatementView view)
    {
        var c = e.Changes;
        if (c.Quote is not null || c.Span is not null)
        {
            // the verification was of other words: the history keeps it, the current view no longer claims it
            if (view.Status == StatementStatus.Verified) view.Status = StatementStatus.Recorded;
            view.Verification = null;
        }
        view.Quote = c.Quote ?? view.Quote;
        view.Span = c.Span ?? view.Span;
        view.SaidOn = c.SaidOn ?? view.SaidOn;
        view.Occasion = c.Occasion ?? view.Occasion;
        view.QuoteKind = c.QuoteKind ?? view.QuoteKind;
        view.Language = c.Language ?? view.Language;
        Revised(view, e.AmendedAt);
    }

    public void Apply(StatementDisputed e, StatementView view)
    {
        view.Status = StatementStatus.Disputed;
        view.StatusReason = e.Reason;
        Revised(view, e.DisputedAt);
    }

    public void Apply(StatementRetracted e, StatementView view)
    {
        view.Status = StatementStatus.Retracted;
        view.StatusReason = e.Reason;
        Revised(view, e.RetractedAt);
    }

    public void Apply(StatementReinstated e, StatementView view)
    {
        view.Status = e.Status;
        view.StatusReason = e.StatusReason;
        Revised(view, e.ReinstatedAt);
    }

    public void Apply(StatementUnlinked e, StatementView view)
    {
        if (view.Id == e.StatementId)
        {
            view.Links.Remove(new LinkView(e.TargetId, e.Relation, "outgoing"));
            Revised(view, e.UnlinkedAt);
        }
        else
        {
            view.Links.Remove(new LinkView(e.StatementId, e.Relation, "incoming"));
        }
    }

    public void Apply(StatementLinked e, StatementView view)
    {
        if (view.Id == e.StatementId)
        {
            view.Links.Add(new LinkView(e.TargetId, e.Relation, "outgoing"));
            Revised(view, e.LinkedAt);
        }
        else
        {
            view.Links.Add(new LinkView(e.StatementId, e.Relation, "incoming"));
        }
    }

    public void Apply(StatementFiled e, StatementView view)
    {
        if (!view.Topics.Contains(e.TopicId)) view.Topics.Add(e.TopicId);
    }

    public void Apply(StatementUnfiled e, StatementView view) => view.Topics.Remove(e.TopicId);

    private static void Revised(StatementView view, DateTimeOffset at)
    {
        view.Revision++;
        view.UpdatedAt = at;
    }
}
