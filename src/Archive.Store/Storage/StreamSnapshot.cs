namespace Archive.Store.Storage;

/// <summary>
/// A grain's state as of a stream version, so activation reads the snapshot and the events after it instead of
/// the whole stream. A row of <see cref="SnapshotTable"/>, written in the transaction that appends the event at
/// <see cref="Version"/>, never ahead of it.
/// </summary>
public sealed class StreamSnapshot
{
    /// <summary>The stream key, e.g. <c>actor:lin-jian</c>.</summary>
    public string Id { get; set; } = "";

    public long Version { get; set; }

    /// <summary>The hash of the event at <see cref="Version"/>: a snapshot is used only when the stream still holds that event.</summary>
    public string? Head { get; set; }

    /// <summary>The state type's name, so a snapshot of another shape is recognised and ignored.</summary>
    public string StateType { get; set; } = "";

    /// <summary>
    /// The state's bytes (<see cref="ActorSnapshotFormat"/> for actors, compressed; the UTF-8 of the store's serializer's JSON
    /// otherwise), as <see cref="SnapshotTable"/> stores them; reading them back is checked (not assumed) before the
    /// snapshot is trusted.
    /// </summary>
    public byte[] State { get; set; } = [];

    public DateTimeOffset TakenAt { get; set; }
}
