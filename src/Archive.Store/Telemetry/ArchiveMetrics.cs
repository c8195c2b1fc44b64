using System.Diagnostics;
using System.Diagnostics.Metrics;
using Archive.Domain.Statements;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Store.Telemetry;

/// <summary>
/// The archive's own instruments, on the meter <see cref="MeterName"/>. Names are dotted OpenTelemetry names with
/// UCUM units; the Prometheus exporter turns them into <c>archive_…_total</c>, <c>archive_…_seconds</c> and so on.
/// </summary>
public sealed class ArchiveMetrics
{
    public const string MeterName = "Archive";
    public const string StreamKindTag = "archive.stream.kind";

    // An append is one PostgreSQL transaction: milliseconds when healthy, seconds when the database struggles.
    private static readonly double[] SecondsBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    // Group commit puts the events of concurrent calls into one transaction: powers of two show how well it batches.
    private static readonly long[] EventBuckets = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];

    private readonly Counter<long> _statements;
    private readonly Counter<long> _events;
    private readonly Counter<long> _conflicts;
    private readonly Histogram<double> _appendDuration;
    private readonly Histogram<long> _eventsPerTransaction;
    private readonly Histogram<long> _streamsPerTransaction;

    public ArchiveMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _statements = meter.CreateCounter<long>("archive.statements.recorded", "{statement}",
            "Statements recorded (first recordings only; idempotent repeats append nothing)");
        _events = meter.CreateCounter<long>("archive.events.appended", "{event}", "Events committed to the event store");
        _conflicts = meter.CreateCounter<long>("archive.append.conflicts", "{transaction}",
            "Appends refused because another writer had changed the stream");
        _appendDuration = meter.CreateHistogram("archive.append.duration", "s",
            "From a grain's append to the commit of the shared transaction that holds it (queueing, locks, events, inline projections)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _eventsPerTransaction = meter.CreateHistogram("archive.transaction.events", "{event}",
            "Events committed per Marten transaction (group commit puts many grains' appends in one)",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = EventBuckets });
        _streamsPerTransaction = meter.CreateHistogram("archive.transaction.streams", "{stream}",
            "Streams appended to per Marten transaction",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = EventBuckets });
    }

    /// <summary>The instruments of a host that registered them, or null (hosts without telemetry record nothing).</summary>
    public static ArchiveMetrics? Of(IServiceProvider services) => services.GetService<ArchiveMetrics>();

    /// <summary>Records one grain's committed append of <paramref name="events"/> to <paramref name="streamKey"/>.</summary>
    public void Committed(string streamKey, IEnumerable<object> events, long startedTimestamp)
    {
        var kind = new KeyValuePair<string, object?>(StreamKindTag, KindOf(streamKey));
        long count = 0, statements = 0;
        foreach (var e in events)
        {
            count++;
            if (e is StatementRecorded) statements++;
        }
        _appendDuration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, kind);
        _events.Add(count, kind);
        if (statements > 0) _statements.Add(statements);
    }

    /// <summary>Records one committed transaction of the group committer.</summary>
    public void Transaction(int streams, int events)
    {
        _eventsPerTransaction.Record(events);
        _streamsPerTransaction.Record(streams);
    }

    public void Conflicted(string streamKey) => _conflicts.Add(1, new KeyValuePair<string, object?>(StreamKindTag, KindOf(streamKey)));

    // The stream key's prefix (actor, topic, source, archive): a handful of values, never the id itself.
    private static string KindOf(string streamKey) => streamKey.IndexOf(':') is > 0 and var colon ? streamKey[..colon] : "other";
}
