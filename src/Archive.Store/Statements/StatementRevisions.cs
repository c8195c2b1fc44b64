using System.Text.Json;
using Archive.Domain.Statements;
using Archive.Domain.Topics;
using JasperFx.Events;

namespace Archive.Store.Statements;

/// <summary>The statement's view as it stood over [RecordedFrom, RecordedTo) of transaction time; RecordedTo is null for the current one.</summary>
public sealed class StatementRevision
{
    public int Number { get; set; }
    public DateTimeOffset RecordedFrom { get; set; }
    public DateTimeOffset? RecordedTo { get; set; }
    public StatementView View { get; set; } = new();
}

/// <summary>
/// Every state a statement's view has had, with the transaction-time interval of each: archive-wide "as of T"
/// queries select the revision whose interval holds T, without replaying events.
/// </summary>
public sealed class StatementRevisions
{
    public string Id { get; set; } = "";
    public string ActorId { get; set; } = "";
    public List<StatementRevision> Revisions { get; set; } = [];
}

public sealed partial class StatementRevisionsProjection : StatementKeyedProjection<StatementRevisions>
{
    private static readonly StatementViewProjection Views = new();
    private static readonly JsonSerializerOptions Copying = new(JsonSerializerDefaults.Web);

    public StatementRevisions Create(IEvent<StatementRecorded> e) => new()
    {
        Id = e.Data.StatementId,
        ActorId = e.Data.ActorId,
        Revisions = [new StatementRevision { Number = 1, RecordedFrom = Stored(e.Timestamp), View = Views.Create(e.Data) }],
    };

    public void Apply(IEvent<StatementVerified> e, StatementRevisions log) => Next(log, e.Timestamp, v => Views.Apply(e.Data, v));
    public void Apply(IEvent<StatementAmended> e, StatementRevisions log) => Next(log, e.Timestamp, v => Views.Apply(e.Data, v));
    public void Apply(IEvent<StatementDisputed> e, StatementRevisions log) => Next(log, e.Timestamp, v => Views.Apply(e.Data, v));
    public void Apply(IEvent<StatementRetracted> e, StatementRevisions log) => Next(log, e.Timestamp, v => Views.Apply(e.Data, v));
    public void Apply(IEvent<StatementLinked> e, StatementRevisions log) => Next(log, e.Timestamp, v => Views.Apply(e.Data, v));
    public void Apply(IEvent<StatementFiled> e, StatementRevisions log) => Next(log, e.Timestamp, v => Views.Apply(e.Data, v));
    public void Apply(IEvent<StatementUnfiled> e, StatementRevisions log) => Next(log, e.Timestamp, v => Views.Apply(e.Data, v));

    // PostgreSQL keeps event timestamps to the microsecond; the intervals must use the instants the store shows.
    private static DateTimeOffset Stored(DateTimeOffset at) => at.AddTicks(-(at.Ticks % 10));

    private static void Next(StatementRevisions log, DateTimeOffset at, Action<StatementView> change)
    {
        at = Stored(at);
        if (log.Revisions.Count == 0) return; // a link to a statement not recorded (cannot happen through the grains)
        var current = log.Revisions[^1];
        var view = JsonSerializer.Deserialize<StatementView>(JsonSerializer.Serialize(current.View, Copying), Copying)!;
        change(view);
        current.RecordedTo = at;
        log.Revisions.Add(new StatementRevision { Number = current.Number + 1, RecordedFrom = at, View = view });
    }
}
