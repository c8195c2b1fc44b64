using System.Diagnostics;
using OpenTelemetry;

namespace Archive.Store.Telemetry;

/// <summary>
/// Keeps background chatter out of the traces: SQL commands that start a trace of their own (the projection daemon's
/// polling, progress reads, anything outside a request or grain call) and the daemon's high-water-mark polls would
/// otherwise be most of the traces stored. Such a span is marked unrecorded as it starts, so it is not exported and
/// the default parent-based sampler drops its children too. Spans inside a request's trace are untouched.
/// </summary>
public sealed class QuietRootsProcessor : BaseProcessor<Activity>
{
    public const string NpgsqlSource = "Npgsql";
    public const string HighWaterMarkSpan = "marten.daemon.highwatermark";

    public override void OnStart(Activity data)
    {
        if (data.ParentSpanId != default || data.Parent is not null) return;
        if (data.Source.Name != NpgsqlSource && data.OperationName != HighWaterMarkSpan && data.DisplayName != HighWaterMarkSpan) return;
        data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        data.IsAllDataRequested = false;
    }
}
