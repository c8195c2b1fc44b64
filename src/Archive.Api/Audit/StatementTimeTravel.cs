using Archive.Domain.Statements;
using Archive.Domain.Topics;
using Archive.Projections.Statements;

namespace Archive.Api.Audit;

/// <summary>
/// A statement as the archive held it at an instant or revision, folded from its events with the very methods of
/// the statement-view projection, so time travel and the live view cannot disagree on what an event means.
/// </summary>
public static class StatementTimeTravel
{
    private static readonly StatementViewProjection Projection = new();

    /// <summary>Folds <paramref name="history"/> (in position order) while <paramref name="include"/> holds.</summary>
    public static StatementView? Fold(string statementId, IEnumerable<HistoryEntry> history, Func<HistoryEntry, StatementView?, bool> include)
    {
        StatementView? view = null;
        foreach (var entry in history)
        {
            if (!include(entry, view)) break;
            var e = EventRecords.ToEvent(entry);
            switch (e)
            {
                case StatementRecorded recorded when recorded.StatementId == statementId: view = Projection.Create(recorded); break;
                case StatementVerified x when view is not null: Projection.Apply(x, view); break;
                case StatementAmended x when view is not null: Projection.Apply(x, view); break;
                case StatementDisputed x when view is not null: Projection.Apply(x, view); break;
                case StatementRetracted x when view is not null: Projection.Apply(x, view); break;
                case StatementLinked x when view is not null: Projection.Apply(x, view); break;
                case StatementFiled x when view is not null: Projection.Apply(x, view); break;
                case StatementUnfiled x when view is not null: Projection.Apply(x, view); break;
            }
        }
        return view;
    }

    public static StatementView? AsOf(string statementId, IEnumerable<HistoryEntry> history, DateTimeOffset instant) =>
        Fold(statementId, history, (entry, _) => entry.RecordedAt <= instant);

    /// <summary>The statement at its revision <paramref name="revision"/> (1 = as recorded), with what was filed by then.</summary>
    public static StatementView? AtRevision(string statementId, IReadOnlyList<HistoryEntry> history, int revision)
    {
        var counted = 0;
        return Fold(statementId, history, (entry, view) =>
        {
            if (RevisesOwnStatement(entry, statementId)) counted++;
            return counted <= revision;
        });
    }

    private static bool RevisesOwnStatement(HistoryEntry entry, string statementId) =>
        entry.Stream.StartsWith("actor:", StringComparison.Ordinal)
        && entry.Data.TryGetProperty("statementId", out var id) && id.GetString() == statementId;
}
