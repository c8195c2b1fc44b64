using System.Diagnostics.Metrics;

namespace Archive.Grains.Storage;

/// <summary>
/// What the group committer measures, as OpenTelemetry-ready instruments (meter <c>Archive.Storage</c>): how long an
/// append waits until its transaction commits, and how many events and streams each transaction holds.
/// </summary>
public static class CommitMetrics
{
    public const string MeterName = "Archive.Storage";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> AppendLatency = Meter.CreateHistogram<double>(
        "archive.append.duration", "ms", "from a grain's append to the commit of the transaction that holds it");
    private static readonly Histogram<int> EventsPerTransaction = Meter.CreateHistogram<int>(
        "archive.transaction.events", "{event}", "events committed by one transaction");
    private static readonly Histogram<int> StreamsPerTransaction = Meter.CreateHistogram<int>(
        "archive.transaction.streams", "{stream}", "streams appended to by one transaction");

    public static void Appended(TimeSpan waited) => AppendLatency.Record(waited.TotalMilliseconds);

    public static void Transaction(int streams, int events)
    {
        EventsPerTransaction.Record(events);
        StreamsPerTransaction.Record(streams);
    }
}
