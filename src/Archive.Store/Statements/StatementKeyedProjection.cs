using Archive.Domain.Statements;
using Archive.Domain.Topics;
using Marten.Events.Projections;

namespace Archive.Store.Statements;

/// <summary>
/// Read models with one document per statement, fed by the speaker's statement events, by filings in topic
/// streams, and by links at both their ends. The set-based rebuild groups events by <see cref="StatementKeys.Of"/>, which
/// names the same statements as the identities declared here (StatementViewRebuildTests compares the two).
/// </summary>
public abstract class StatementKeyedProjection<TDoc> : MultiStreamProjection<TDoc, string> where TDoc : class
{
    protected StatementKeyedProjection()
    {
        Identity<StatementRecorded>(e => e.StatementId);
        Identity<StatementVerified>(e => e.StatementId);
        Identity<StatementAmended>(e => e.StatementId);
        Identity<StatementDisputed>(e => e.StatementId);
        Identity<StatementRetracted>(e => e.StatementId);
        Identity<StatementReinstated>(e => e.StatementId);
        Identities<StatementLinked>(e => [e.StatementId, e.TargetId]);
        Identities<StatementUnlinked>(e => [e.StatementId, e.TargetId]);
        Identity<StatementFiled>(e => e.StatementId);
        Identity<StatementUnfiled>(e => e.StatementId);
    }
}

/// <summary>The statements a statement event touches, as <see cref="StatementKeyedProjection{TDoc}"/> declares them.</summary>
public static class StatementKeys
{
    /// <summary>The statements an event touches: the one it names, and for a link or an unlink also its target.</summary>
    public static (string First, string? Second) Of(object data) => data switch
    {
        StatementRecorded e => (e.StatementId, null),
        StatementVerified e => (e.StatementId, null),
        StatementAmended e => (e.StatementId, null),
        StatementDisputed e => (e.StatementId, null),
        StatementRetracted e => (e.StatementId, null),
        StatementReinstated e => (e.StatementId, null),
        StatementLinked e => (e.StatementId, e.TargetId),
        StatementUnlinked e => (e.StatementId, e.TargetId),
        StatementFiled e => (e.StatementId, null),
        StatementUnfiled e => (e.StatementId, null),
        _ => throw new ArgumentException($"{data.GetType().Name} is not an event of a statement", nameof(data)),
    };
}
