using Archive.Store.Statements;

namespace Archive.Store.Statements;

/// <summary>
/// A statement as the archive held it at an instant or at one of its revisions, read from the revision read model
/// (every state of the statement's view with the instant it began), not folded from events again.
/// </summary>
public static class StatementTimeTravel
{
    /// <summary>The view in force at <paramref name="instant"/>: the last one that began at or before it.</summary>
    public static StatementView? AsOf(StatementRevisions? log, DateTimeOffset instant) =>
        log?.Revisions.LastOrDefault(r => r.RecordedFrom <= instant)?.View;

    /// <summary>The statement at its revision <paramref name="revision"/> (1 = as recorded), with what was filed by then.</summary>
    public static StatementView? AtRevision(StatementRevisions? log, int revision) =>
        log?.Revisions.LastOrDefault(r => r.View.Revision <= revision)?.View;
}
