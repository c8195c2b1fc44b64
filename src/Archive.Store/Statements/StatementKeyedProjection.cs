using Archive.Domain.Statements;
using Archive.Domain.Topics;
using Marten.Events.Projections;

namespace Archive.Store.Statements;

/// <summary>
/// Read models with one document per statement, fed by the speaker's statement events, by filings in topic
/// streams, and by links at both their ends.
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
