using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using Archive.Domain.Actors;
using Archive.Domain.Statements;

namespace Archive.Store.Storage;

/// <summary>
/// The binary snapshot of an <see cref="ActorState"/> (format 4): read in one pass over the bytes, with no tokens to
/// find, no numbers to parse from text and no property names; the strings many statements share (source ids, kinds,
/// languages, statuses, relations) are written once and numbered.
/// </summary>
/// <remarks>
/// <code>
/// magic 00 'A' 'S' 04
/// id?, name, kind, country?                        strings: varint (UTF-8 length + 1), 0 for null, then the bytes
/// aliases: count, string…   roles: count, (role, organisation, from date?, to date?)…   dates: varint (day number + 1), 0 for null
/// shared strings: count, string…
/// statements: count, then each: id, source#, start, end − start (zigzag), kind#, said-on day number, language#, status#,
///   revision, flags, recording, quote, [occasion], [verified], [status reason], [links: count, (target, relation#)…],
///   [removed links: count, (target, relation#, reason)…], [before retraction: status#, reason?], [reinstated because]
///   flags: 1 joint, 2 occasion, 4 verified, 8 status reason, 16 links, 32 removed links, 64 before retraction, 128 reinstated
/// XxHash3 (64 bits, little-endian) of every byte before it
/// </code>
/// Counts, numbers (#: an index into the shared strings) are unsigned LEB128 varints of the value as 32 bits. The
/// checksum is verified before anything is read, and every length and index is checked against what is there, so a
/// damaged or truncated snapshot is refused (<see cref="FormatException"/>), never half read.
/// <para>
/// Stored, these bytes are compressed (<see cref="WriteCompressed"/>): marker <c>00 'A' 'Z' 04</c>, the length of the
/// bytes above as a varint, then their Brotli stream (quality 4). A cold activation's cost is mostly PostgreSQL
/// assembling the value from its TOAST chunks, and the compressed value has fewer than half of them; decompressing
/// costs about 2 ms for 10,000 statements (measured in docs/performance.md, "snapshots stored compressed").
/// <see cref="Read"/> takes either form, so snapshots stored uncompressed before are still read as they are.
/// </para>
/// </remarks>
public static class ActorSnapshotFormat
{
    public const int Version = 4;

    internal static ReadOnlySpan<byte> Magic => [0, (byte)'A', (byte)'S', Version];

    internal static ReadOnlySpan<byte> CompressedMagic => [0, (byte)'A', (byte)'Z', Version];

    // Brotli quality 4 (what CompressionLevel.Optimal means for Brotli in .NET): 0.46 of a 10k-statement snapshot's
    // bytes, against 0.51 at quality 1 and 0.56 for Deflate at its best; decoding is as fast at every quality.
    private const int CompressionQuality = 4;

    // A stored snapshot never says it inflates to more than this many times its compressed size (plus a little): a
    // damaged length is refused before anything is allocated for it. The writer keeps a state that would (none
    // compresses that well: statement ids and fingerprints are mostly entropy) uncompressed instead.
    private const int MaxInflation = 64;

    private const byte Joint = 1, HasOccasion = 2, HasVerified = 4, HasStatusReason = 8, HasLinks = 16, HasRemovedLinks = 32, HasPrior = 64, HasReinstated = 128;

    internal static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[] Write(ActorState state)
    {
        var w = new Writer(64 + state.Statements.Count * 96);
        w.Bytes(Magic);
        w.String(state.Id);
        w.String(state.Name);
        w.String(state.Kind);
        w.String(state.Country);
        w.Count(state.Aliases.Count);
        foreach (var alias in state.Aliases) w.String(alias);
        w.Count(state.Roles.Count);
        foreach (var role in state.Roles)
        {
            w.String(role.Role);
            w.String(role.Organisation);
            w.Date(role.From);
            w.Date(role.To);
        }

        var shared = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in state.Statements.Values)
        {
            shared.TryAdd(s.SourceId, shared.Count);
            shared.TryAdd(s.QuoteKind, shared.Count);
            shared.TryAdd(s.Language, shared.Count);
            shared.TryAdd(s.Status, shared.Count);
            foreach (var link in s.Links) shared.TryAdd(link.Relation, shared.Count);
            foreach (var link in s.RemovedLinks) shared.TryAdd(link.Relation, shared.Count);
            if (s.BeforeRetraction is { } prior) shared.TryAdd(prior.Status, shared.Count);
        }
        w.Count(shared.Count);
        foreach (var value in shared.Keys) w.String(value);

        w.Count(state.Statements.Count);
        foreach (var (id, s) in state.Statements)
        {
            w.String(id);
            w.Number(shared[s.SourceId]);
            w.Number(s.Span.Start);
            w.Number((s.Span.End - s.Span.Start) << 1 ^ (s.Span.End - s.Span.Start) >> 31);
            w.Number(shared[s.QuoteKind]);
            w.Number(s.SaidOn.DayNumber);
            w.Number(shared[s.Language]);
            w.Number(shared[s.Status]);
            w.Number(s.Revision);
            var flags = (s.Joint ? Joint : 0) | (s.Occasion is not null ? HasOccasion : 0) | (s.Verified is not null ? HasVerified : 0)
                | (s.StatusReason is not null ? HasStatusReason : 0) | (s.Links.Count > 0 ? HasLinks : 0) | (s.RemovedLinks.Count > 0 ? HasRemovedLinks : 0)
                | (s.BeforeRetraction is not null ? HasPrior : 0) | (s.ReinstatedBecause is not null ? HasReinstated : 0);
            w.Byte((byte)flags);
            w.String(s.Recording);
            w.String(s.Quote);
            if (s.Occasion is not null) w.String(s.Occasion);
            if (s.Verified is not null) w.String(s.Verified);
            if (s.StatusReason is not null) w.String(s.StatusReason);
            if (s.Links.Count > 0)
            {
                w.Count(s.Links.Count);
                foreach (var link in s.Links)
                {
                    w.String(link.TargetId);
                    w.Number(shared[link.Relation]);
                }
            }
            if (s.RemovedLinks.Count > 0)
            {
                w.Count(s.RemovedLinks.Count);
                foreach (var link in s.RemovedLinks)
                {
                    w.String(link.TargetId);
                    w.Number(shared[link.Relation]);
                    w.String(link.Reason);
                }
            }
            if (s.BeforeRetraction is { } before)
            {
                w.Number(shared[before.Status]);
                w.String(before.Reason);
            }
            if (s.ReinstatedBecause is not null) w.String(s.ReinstatedBecause);
        }
        return w.Finish();
    }

    /// <summary>The state as it is stored: <see cref="Write"/>'s bytes compressed (see the remarks).</summary>
    public static byte[] WriteCompressed(ActorState state) => Compress(Write(state));

    /// <summary><paramref name="snapshot"/> (bytes of this format) compressed as a snapshot is stored; read back by <see cref="Read"/>.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> snapshot)
    {
        var window = Math.Clamp(32 - System.Numerics.BitOperations.LeadingZeroCount((uint)Math.Max(1, snapshot.Length - 1)), 10, 22);
        var buffer = ArrayPool<byte>.Shared.Rent(CompressedMagic.Length + 5 + BrotliEncoder.GetMaxCompressedLength(snapshot.Length));
        try
        {
            CompressedMagic.CopyTo(buffer);
            var at = CompressedMagic.Length;
            for (var v = (uint)snapshot.Length; ; v >>= 7)
            {
                if (v < 0x80)
                {
                    buffer[at++] = (byte)v;
                    break;
                }
                buffer[at++] = (byte)(v | 0x80);
            }
            if (!BrotliEncoder.TryCompress(snapshot, buffer.AsSpan(at), out var written, CompressionQuality, window))
                throw new InvalidOperationException($"ActorState/{Version}: {snapshot.Length} bytes did not compress into {buffer.Length - at}");
            var compressed = at + written;
            return InflationAllowed(snapshot.Length, compressed) ? buffer.AsSpan(0, compressed).ToArray() : snapshot.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool InflationAllowed(long length, long compressed) => length <= compressed * MaxInflation + 1024;

    /// <summary>
    /// The state, from a snapshot stored compressed or not, or a <see cref="FormatException"/> naming what is not of
    /// this format (a compressed stream that does not inflate to exactly its stated length is refused too).
    /// </summary>
    public static ActorState Read(ReadOnlySpan<byte> snapshot)
    {
        if (!snapshot.StartsWith(CompressedMagic)) return new ActorSnapshotBinaryReader(snapshot).ReadState();
        var at = CompressedMagic.Length;
        uint length = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (shift == 35 || at >= snapshot.Length) throw new FormatException($"ActorState/{Version}: expected the compressed snapshot's length at byte {at}");
            var b = snapshot[at++];
            length |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) break;
        }
        var compressed = snapshot[at..];
        if (length > Array.MaxLength || !InflationAllowed(length, compressed.Length))
            throw new FormatException($"ActorState/{Version}: a compressed snapshot of {compressed.Length} bytes cannot hold {length}");
        var buffer = ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            using var decoder = new BrotliDecoder();
            var status = decoder.Decompress(compressed, buffer.AsSpan(0, (int)length), out var consumed, out var written);
            if (status != OperationStatus.Done || consumed != compressed.Length || written != length)
                throw new FormatException($"ActorState/{Version}: the compressed snapshot does not inflate to its {length} bytes ({status}, {consumed} of {compressed.Length} bytes read, {written} written)");
            return new ActorSnapshotBinaryReader(buffer.AsSpan(0, (int)length)).ReadState();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Whether <paramref name="snapshot"/> starts as this format does (a JSON snapshot never starts with a zero byte).</summary>
    public static bool IsThisFormat(ReadOnlySpan<byte> snapshot) => snapshot.StartsWith(Magic);

    /// <summary>A growable buffer that the writer fills front to back; the checksum goes last.</summary>
    private struct Writer(int capacity)
    {
        private byte[] _buffer = new byte[capacity];
        private int _length;

        private Span<byte> Reserve(int bytes)
        {
            if (_length + bytes > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes));
            return _buffer.AsSpan(_length);
        }

        public void Bytes(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(Reserve(bytes.Length));
            _length += bytes.Length;
        }

        public void Byte(byte value)
        {
            Reserve(1)[0] = value;
            _length++;
        }

        public void Number(int value)
        {
            var span = Reserve(5);
            var v = (uint)value;
            var i = 0;
            for (; v >= 0x80; v >>= 7) span[i++] = (byte)(v | 0x80);
            span[i++] = (byte)v;
            _length += i;
        }

        public void Count(int count) => Number(count);

        public void String(string? value)
        {
            if (value is null)
            {
                Number(0);
                return;
            }
            var bytes = Utf8.GetByteCount(value);
            Number(bytes + 1);
            _length += Utf8.GetBytes(value, Reserve(bytes));
        }

        public void Date(DateOnly? date) => Number(date is { } d ? d.DayNumber + 1 : 0);

        public byte[] Finish()
        {
            var hash = XxHash3.HashToUInt64(_buffer.AsSpan(0, _length));
            BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), hash);
            _length += 8;
            return _buffer.AsSpan(0, _length).ToArray();
        }
    }
}
