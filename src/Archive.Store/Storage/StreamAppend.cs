namespace Archive.Store.Storage;

/// <summary>
/// One grain's events for one stream, hashed by the grain (it holds the chain's head), waiting for the
/// transaction that commits them. Completed only after that transaction committed, or with why it did not.
/// </summary>
public sealed class StreamAppend(string streamKey, long expectedVersion, IReadOnlyList<NewEvent> events, IReadOnlyList<string> hashes,
    StreamSnapshot? snapshot = null)
{
    private readonly TaskCompletionSource<AppendOutcome> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string StreamKey { get; } = streamKey;
    public long ExpectedVersion { get; } = expectedVersion;
    public IReadOnlyList<NewEvent> Events { get; } = events;
    public IReadOnlyList<string> Hashes { get; } = hashes;
    public StreamSnapshot? Snapshot { get; } = snapshot;

    public Task<AppendOutcome> Outcome => _done.Task;

    internal long QueuedAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>The trace of the call that appended, so the shared transaction's commands join it.</summary>
    internal System.Diagnostics.ActivityContext Trace { get; } = System.Diagnostics.Activity.Current?.Context ?? default;

    internal void Committed(long lastPosition) => _done.TrySetResult(new AppendOutcome(true, lastPosition));

    internal void Stale() => _done.TrySetResult(new AppendOutcome(false, 0));

    internal void Failed(Exception exception) => _done.TrySetException(exception);
}

/// <param name="Committed">False when the stream was not at the expected version: another writer appended.</param>
/// <param name="LastPosition">The global position of the append's last event.</param>
public sealed record AppendOutcome(bool Committed, long LastPosition);
