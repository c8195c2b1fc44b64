using System.Buffers.Binary;
using System.Collections.Immutable;
using System.IO.Hashing;
using Archive.Domain.Actors;
using Archive.Domain.Statements;

namespace Archive.Store.Storage;

/// <summary>Reads <see cref="ActorSnapshotFormat"/> in one pass; per statement it allocates the statement and its own strings only.</summary>
internal ref struct ActorSnapshotBinaryReader
{
    private readonly ReadOnlySpan<byte> _bytes;
    private int _at;

    public ActorSnapshotBinaryReader(ReadOnlySpan<byte> snapshot)
    {
        if (!ActorSnapshotFormat.IsThisFormat(snapshot) || snapshot.Length < ActorSnapshotFormat.Magic.Length + 8)
            throw new FormatException($"ActorState/{ActorSnapshotFormat.Version}: not a snapshot of this format (no format marker)");
        _bytes = snapshot[..^8];
        if (XxHash3.HashToUInt64(_bytes) != BinaryPrimitives.ReadUInt64LittleEndian(snapshot[^8..]))
            throw new FormatException($"ActorState/{ActorSnapshotFormat.Version}: the checksum does not match the {snapshot.Length} bytes (damaged or truncated)");
        _at = ActorSnapshotFormat.Magic.Length;
    }

    public ActorState ReadState()
    {
        var id = OptionalString();
        var name = String();
        var kind = String();
        var country = OptionalString();
        var aliases = ImmutableList.CreateBuilder<string>();
        for (var n = Count(); n > 0; n--) aliases.Add(String());
        var roles = ImmutableList.CreateBuilder<ActorRole>();
        for (var n = Count(); n > 0; n--) roles.Add(new ActorRole(String(), String(), Date(), Date()));

        var shared = new string[Count()];
        for (var i = 0; i < shared.Length; i++) shared[i] = String();

        var statements = ImmutableDictionary.CreateBuilder<string, StatementState>();
        for (var n = Count(); n > 0; n--)
        {
            var statementId = String();
            var source = Shared(shared);
            var start = Number();
            var zigzag = (uint)Number();
            var span = new TextSpan(start, start + ((int)(zigzag >> 1) ^ -(int)(zigzag & 1)));
            var quoteKind = Shared(shared);
            var saidOn = DateOnly.FromDayNumber(Number());
            var language = Shared(shared);
            var status = Shared(shared);
            var revision = Number();
            var flags = Byte();
            var recording = String();
            var quote = String();
            var state = new StatementState(source, span, quoteKind, saidOn, language, status, revision, recording, quote,
                (flags & 2) != 0 ? String() : null, (flags & 1) != 0)
            {
                Verified = (flags & 4) != 0 ? String() : null,
                StatusReason = (flags & 8) != 0 ? String() : null,
                Links = (flags & 16) != 0 ? Links(shared) : [],
                RemovedLinks = (flags & 32) != 0 ? RemovedLinks(shared) : [],
                BeforeRetraction = (flags & 64) != 0 ? new PriorStatus(Shared(shared), OptionalString()) : null,
                ReinstatedBecause = (flags & 128) != 0 ? String() : null,
            };
            if (!statements.TryAdd(statementId, state)) throw Bad($"statement {statementId} once");
        }
        if (_at != _bytes.Length) throw Bad("the end of the snapshot");
        return new ActorState(id, name, kind, country, aliases.ToImmutable(), roles.ToImmutable(), statements.ToImmutable());
    }

    private ImmutableList<StatementLink> Links(string[] shared)
    {
        var links = ImmutableList.CreateBuilder<StatementLink>();
        for (var n = Count(); n > 0; n--) links.Add(new StatementLink(String(), Shared(shared)));
        return links.ToImmutable();
    }

    private ImmutableList<RemovedLink> RemovedLinks(string[] shared)
    {
        var links = ImmutableList.CreateBuilder<RemovedLink>();
        for (var n = Count(); n > 0; n--) links.Add(new RemovedLink(String(), Shared(shared), String()));
        return links.ToImmutable();
    }

    private string Shared(string[] shared)
    {
        var index = (uint)Number();
        return index < (uint)shared.Length ? shared[index] : throw Bad($"a shared string's number below {shared.Length}");
    }

    private string String() => OptionalString() ?? throw Bad("a string");

    private string? OptionalString()
    {
        var length = (uint)Number();
        if (length == 0) return null;
        if (--length > (uint)(_bytes.Length - _at)) throw Bad($"{length} bytes of a string");
        var value = ActorSnapshotFormat.Utf8.GetString(_bytes.Slice(_at, (int)length));
        _at += (int)length;
        return value;
    }

    private DateOnly? Date() => Number() is var day and not 0 ? DateOnly.FromDayNumber(day - 1) : null;

    private int Count()
    {
        var count = Number();
        // every element takes at least one byte: a count beyond the bytes left is damage, not a reason to allocate
        return (uint)count <= (uint)(_bytes.Length - _at) ? count : throw Bad($"a count of at most {_bytes.Length - _at}");
    }

    private byte Byte() => _at < _bytes.Length ? _bytes[_at++] : throw Bad("a byte");

    private int Number()
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (_at >= _bytes.Length) throw Bad("a number");
            var b = _bytes[_at++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) return shift == 28 && b > 0x0F ? throw Bad("a number of 32 bits") : (int)value;
        }
        throw Bad("a number of at most 5 bytes");
    }

    private readonly FormatException Bad(string expected) =>
        new($"ActorState/{ActorSnapshotFormat.Version}: expected {expected} at byte {_at}");
}
