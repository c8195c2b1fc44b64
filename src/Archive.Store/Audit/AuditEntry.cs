using Archive.Store;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Archive.Store.Audit;

/// <summary>One row per event, flattened for auditors' queries: where, when, who, what, why.</summary>
public sealed class AuditEntry
{
    /// <summary>The event's global position.</summary>
    public long Id { get; set; }
    public string StreamKey { get; set; } = "";
    public long Version { get; set; }
    public string EventType { get; set; } = "";
    public DateTimeOffset Timestamp { get; set; }
    public string? StatementId { get; set; }
    public string? Principal { get; set; }
    public string? CorrelationId { get; set; }
    public string? Reason { get; set; }
}

public sealed partial class AuditEntryProjection : EventProjection
{
    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        var data = e.Data;
        operations.Store(new AuditEntry
        {
            Id = e.Sequence,
            StreamKey = e.StreamKey ?? "",
            Version = e.Version,
            EventType = e.EventTypeName,
            Timestamp = e.Timestamp,
            StatementId = data.GetType().GetProperty("StatementId")?.GetValue(data) as string,
            Principal = e.GetHeader(ArchiveStore.PrincipalHeader)?.ToString(),
            CorrelationId = e.CorrelationId,
            Reason = data.GetType().GetProperty("Reason")?.GetValue(data) as string,
        });
        return ValueTask.CompletedTask;
    }
}
