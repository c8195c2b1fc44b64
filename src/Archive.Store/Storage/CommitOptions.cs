using Microsoft.Extensions.Configuration;

namespace Archive.Store.Storage;

/// <summary>How the silo's group committer batches appends, how often grains snapshot their state, and how long appends wait out an unreachable database.</summary>
public sealed class CommitOptions
{
    /// <summary>A transaction holds at most this many events (a single larger append still commits alone).</summary>
    public int MaxEvents { get; set; } = 2000;

    /// <summary>A transaction holds appends to at most this many streams.</summary>
    public int MaxStreams { get; set; } = 256;

    /// <summary>
    /// Transactions in flight at once. While they commit, the next appends queue and form the next batch, so the
    /// batch grows with the load and an idle archive commits at once.
    /// </summary>
    public int Concurrency { get; set; } = 2;

    /// <summary>Actor and topic grains store a snapshot of their state every this many events; 0 turns snapshots off.</summary>
    public int SnapshotEvery { get; set; } = 500;

    /// <summary>How long a grain keeps retrying an append while PostgreSQL is unreachable before its caller gets the error.</summary>
    public TimeSpan DatabaseRetryWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Reads ARCHIVE_COMMIT_MAX_EVENTS, ARCHIVE_COMMIT_MAX_STREAMS, ARCHIVE_COMMIT_CONCURRENCY and ARCHIVE_SNAPSHOT_EVERY.</summary>
    public static CommitOptions From(IConfiguration configuration)
    {
        var options = new CommitOptions();
        options.MaxEvents = Positive(configuration, "ARCHIVE_COMMIT_MAX_EVENTS", options.MaxEvents);
        options.MaxStreams = Positive(configuration, "ARCHIVE_COMMIT_MAX_STREAMS", options.MaxStreams);
        options.Concurrency = Positive(configuration, "ARCHIVE_COMMIT_CONCURRENCY", options.Concurrency);
        options.SnapshotEvery = configuration.GetValue("ARCHIVE_SNAPSHOT_EVERY", options.SnapshotEvery);
        if (options.SnapshotEvery < 0) throw new InvalidOperationException("ARCHIVE_SNAPSHOT_EVERY must be 0 (off) or a positive number of events");
        return options;
    }

    /// <summary>Takes every value of <paramref name="other"/> (the options pattern fills an instance of its own).</summary>
    public void CopyFrom(CommitOptions other)
    {
        (MaxEvents, MaxStreams, Concurrency, SnapshotEvery, DatabaseRetryWindow) =
            (other.MaxEvents, other.MaxStreams, other.Concurrency, other.SnapshotEvery, other.DatabaseRetryWindow);
    }

    private static int Positive(IConfiguration configuration, string key, int fallback)
    {
        var value = configuration.GetValue(key, fallback);
        return value > 0 ? value : throw new InvalidOperationException($"{key} must be a positive number");
    }
}
