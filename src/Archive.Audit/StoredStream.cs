using System.Buffers;
using System.Text;

namespace Archive.Audit;

/// <summary>
/// One stream's events as a store hands them over, in UTF-8: bodies and hashes side by side in one pooled buffer,
/// so reading and verifying a stream costs no string per event. <see cref="Verify"/> accepts a stream only when
/// <see cref="ChainVerifier"/> would find it intact; anything else goes to <see cref="ChainVerifier"/> itself,
/// which then names the break exactly as it always did.
/// </summary>
/// <remarks>
/// A store's text is valid UTF-8, so its bytes are exactly what encoding the strings decoded from them gave: the
/// hash input is the same, byte for byte. Dispose the stream to return its buffer.
/// </remarks>
public sealed class StoredStream(string streamKey) : IDisposable
{
    private readonly record struct Entry(long Position, long Version, string TypeAlias, int BodyStart, int BodyLength, int HashStart, int HashLength);

    private Utf8Output bytes = new(4096);
    private Entry[] entries = ArrayPool<Entry>.Shared.Rent(16);

    public string StreamKey { get; } = streamKey;
    public int Count { get; private set; }

    /// <summary>Room for a field of <paramref name="size"/> bytes; <see cref="Add"/> takes what was written there.</summary>
    public Span<byte> Reserve(int size) => bytes.Reserve(size)[..size];

    /// <summary>
    /// Adds an event whose body (then hash) the caller has just written, in that order, through <see cref="Reserve"/>
    /// and <see cref="Advance"/>; a hash of length -1 is no hash at all.
    /// </summary>
    public void Add(long position, long version, string typeAlias, int bodyLength, int hashLength)
    {
        var end = bytes.Length;
        var hashStart = end - Math.Max(hashLength, 0);
        if (Count == entries.Length)
        {
            var larger = ArrayPool<Entry>.Shared.Rent(entries.Length * 2);
            entries.AsSpan(0, Count).CopyTo(larger);
            ArrayPool<Entry>.Shared.Return(entries, clearArray: true);
            entries = larger;
        }
        entries[Count++] = new Entry(position, version, typeAlias, hashStart - bodyLength, bodyLength, hashStart, hashLength);
    }

    /// <summary>Records that <paramref name="count"/> bytes were written into what <see cref="Reserve"/> gave.</summary>
    public void Advance(int count) => bytes.Advance(count);

    /// <summary>The body of the last event added, as text (for the rare checks that need it).</summary>
    public string LastBody => Encoding.UTF8.GetString(Body(entries[Count - 1]));

    /// <summary>Removes the last event added, with its bytes (a tombstone, which is counted, not chained).</summary>
    public void RemoveLast()
    {
        var last = entries[--Count];
        bytes.Length = last.BodyStart;
    }

    public StreamVerification Verify(long? recordedVersion = null)
    {
        if (Intact(recordedVersion)) return new StreamVerification(StreamKey, Count, null);
        return ChainVerifier.Verify(StreamKey, Events(), recordedVersion);
    }

    /// <summary>Every check of <see cref="ChainVerifier.Verify"/>, on bytes: versions 1..n in the order given, each hash recomputed and equal, the recorded version n.</summary>
    private bool Intact(long? recordedVersion)
    {
        Span<byte> computed = stackalloc byte[EventHash.Length];
        ReadOnlySpan<byte> previous = default;
        for (var i = 0; i < Count; i++)
        {
            ref readonly var e = ref entries[i];
            if (e.Version != i + 1 || e.HashLength != EventHash.Length) return false;
            EventHash.ComputeFromUtf8Json(previous, StreamKey, e.Version, e.TypeAlias, bytes.WrittenMemory.Slice(e.BodyStart, e.BodyLength), computed);
            var hash = bytes.Written.Slice(e.HashStart, e.HashLength);
            if (!computed.SequenceEqual(hash)) return false;
            previous = hash;
        }
        return recordedVersion is not { } recorded || recorded == Count;
    }

    private ReadOnlySpan<byte> Body(in Entry e) => bytes.Written.Slice(e.BodyStart, e.BodyLength);

    private List<StoredEvent> Events()
    {
        var events = new List<StoredEvent>(Count);
        for (var i = 0; i < Count; i++)
        {
            ref readonly var e = ref entries[i];
            events.Add(new StoredEvent(e.Position, StreamKey, e.Version, e.TypeAlias, Encoding.UTF8.GetString(Body(e)),
                e.HashLength < 0 ? null : Encoding.UTF8.GetString(bytes.Written.Slice(e.HashStart, e.HashLength))));
        }
        return events;
    }

    public void Dispose()
    {
        bytes.Dispose();
        if (entries.Length > 0) ArrayPool<Entry>.Shared.Return(entries, clearArray: true);
        entries = [];
        Count = 0;
    }
}
