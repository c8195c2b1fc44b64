using System.Text;
using System.Text.Json;
using Archive.Domain.Actors;
using Archive.Domain.Sources;
using Archive.Domain.Statements;
using Archive.Store;
using Archive.Store.Storage;
using Archive.Testing;
using Marten;
using Xunit;

namespace Archive.Grains.Tests.Storage;

/// <summary>The actor snapshot (format 4, binary; format 3, JSON, still read): everything the decisions read comes back, and nothing of another shape is read.</summary>
public sealed class ActorSnapshotFormatTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private const string Actor = "lin-jian";

    private static string SourceId(int i) => SourceText.IdFor(SourceText.Normalise($"Source text number {i}."));

    private static StatementRecorded Recorded(int i, string? occasion = "Regular press conference", IReadOnlyList<string>? coSpeakers = null)
    {
        var span = new TextSpan(i * 40, i * 40 + 37);
        var source = SourceId(i % 3);
        return new StatementRecorded(Actor, StatementIds.For(Actor, source, span), $"Quote number {i}, said with “care”.", i % 5 == 0 ? QuoteKinds.Reported : QuoteKinds.Direct,
            new DateOnly(2024, 1, 1).AddDays(i % 700), occasion, source, span, ["cpec"], i % 7 == 0 ? "zh" : "en", coSpeakers ?? [], "archivist-1", At);
    }

    /// <summary>A speaker whose statements went through every kind of event, each left in a different condition.</summary>
    private static ActorState Storied()
    {
        var events = new List<object>
        {
            new ActorRegistered(Actor, "Lin Jian", "person", "CN", ["林剑", "L. Jian"], "archivist-1", At),
            new ActorRoleAssigned(Actor, "spokesperson", "Ministry of Foreign Affairs", new DateOnly(2024, 1, 1), null, "archivist-1", At),
            new ActorRoleAssigned(Actor, "deputy director", "Information Department", null, new DateOnly(2023, 12, 31), "archivist-1", At),
            new ActorAliasAdded(Actor, "Jian \"the spokesman\" Lin", "archivist-1", At),
        };
        var recorded = Enumerable.Range(0, 8).Select(i => Recorded(i, occasion: i == 1 ? null : "Regular press conference", coSpeakers: i == 2 ? ["wang-yi"] : null)).ToArray();
        events.AddRange(recorded);
        string Id(int i) => recorded[i].StatementId;
        events.AddRange([
            new StatementVerified(Actor, Id(0), "transcript-recheck", "checked against the video", "archivist-1", At),
            new StatementAmended(Actor, Id(1), new StatementChanges(Occasion: "press conference", SaidOn: new DateOnly(2024, 12, 2)), "occasion was wrong", "archivist-1", At),
            new StatementDisputed(Actor, Id(2), "contested by the embassy", "archivist-1", At),
            new StatementLinked(Actor, Id(2), Id(0), "contradicts", "archivist-1", At),
            new StatementLinked(Actor, Id(2), Id(1), "repeats", "archivist-1", At),
            new StatementUnlinked(Actor, Id(2), Id(1), "repeats", "not the same words", "archivist-1", At),
            new StatementVerified(Actor, Id(3), "audio", null, "archivist-1", At),
            new StatementDisputed(Actor, Id(3), "misheard", "archivist-1", At),
            new StatementRetracted(Actor, Id(3), "withdrawn by the ministry", "archivist-1", At),
            new StatementRetracted(Actor, Id(4), "duplicate", "archivist-1", At),
            new StatementReinstated(Actor, Id(4), "not a duplicate after all", StatementStatus.Recorded, null, "archivist-1", At),
            new StatementVerified(Actor, Id(5), "transcript-recheck", "n", "archivist-1", At),
            new StatementRetracted(Actor, Id(5), "wrong speaker", "archivist-1", At),
            new StatementReinstated(Actor, Id(5), "right speaker", StatementStatus.Verified, null, "archivist-1", At),
            new StatementLinked(Actor, Id(5), Id(6), "supersedes", "archivist-1", At),
        ]);
        return ActorState.Replay(events);
    }

    private static void AssertSame(ActorState expected, ActorState actual)
    {
        // records compare their collections by reference: compare those by content, the rest as records
        Assert.Equal(expected with { Aliases = [], Roles = [], Statements = [] }, actual with { Aliases = [], Roles = [], Statements = [] });
        Assert.Equal(expected.Aliases, actual.Aliases);
        Assert.Equal(expected.Roles, actual.Roles);
        Assert.Equal(expected.Statements.Keys.Order(), actual.Statements.Keys.Order());
        foreach (var (id, statement) in expected.Statements)
        {
            var back = actual.Statements[id];
            Assert.Equal(statement with { Links = [], RemovedLinks = [] }, back with { Links = [], RemovedLinks = [] });
            Assert.Equal(statement.Links, back.Links);
            Assert.Equal(statement.RemovedLinks, back.RemovedLinks);
        }
    }

    private const string Format3 = "ActorState/3";

    /// <summary>The bytes cut short at many lengths, and with one bit changed at many places.</summary>
    private static IEnumerable<byte[]> CutAndFlipped(byte[] bytes)
    {
        for (var length = 0; length < bytes.Length; length += 1 + length / 8) yield return bytes[..length];
        for (var at = 0; at < bytes.Length; at += 1 + at / 16)
            foreach (var bit in new[] { 1, 0x80 })
            {
                var copy = bytes.ToArray();
                copy[at] ^= (byte)bit;
                yield return copy;
            }
    }

    private static DocumentStore Store() => DocumentStore.For(o => ArchiveStore.Configure(o, TestDatabase.ConnectionString, "unused_snapshot_format"));

    private static ActorState Typical(int statements)
    {
        // statements from three sources, with occasions, a fifth reported and a tenth verified
        var events = new List<object> { new ActorRegistered(Actor, "Lin Jian", "person", "CN", [], "archivist-1", At) };
        events.AddRange(Enumerable.Range(0, statements).Select(i => (object)Recorded(i)));
        var state = ActorState.Replay(events);
        return state.Statements.Keys.Where((_, i) => i % 10 == 0).Aggregate(state,
            (s, id) => s.Apply(new StatementVerified(Actor, id, "transcript-recheck", null, "archivist-1", At)));
    }

    [Fact]
    public void Read_WrittenStateOfEveryCondition_IsTheSameStateAndWritesTheSameBytes()
    {
        // given a speaker with verified, amended, disputed, linked and unlinked, retracted and reinstated statements,
        // one without an occasion and one retracted from a status that had no reason
        var storied = Storied();
        var state = storied.Apply(Recorded(8, occasion: null)).Apply(new StatementRetracted(Actor, Recorded(7).StatementId, "mistaken", "archivist-1", At));
        Assert.Contains(state.Statements.Values, s => s.BeforeRetraction is { Reason: null });
        Assert.Contains(state.Statements.Values, s => s.ReinstatedBecause is not null && s.Links.Count > 0);
        Assert.Contains(state.Statements.Values, s => s.RemovedLinks.Count > 0 && s.StatusReason is not null);
        Assert.Contains(state.Statements.Values, s => s.Occasion is null);
        Assert.Contains(state.Statements.Values, s => s.Joint);
        Assert.Contains(state.Roles, r => r.From is null && r.To is not null);

        // when it is written and read back
        var bytes = ActorSnapshotFormat.Write(state);
        var back = ActorSnapshotFormat.Read(bytes);

        // then it is the same state, and written again the same bytes
        AssertSame(state, back);
        Assert.Equal(bytes, ActorSnapshotFormat.Write(back));
    }

    [Fact]
    public void Read_EmptyAndUnregisteredStates_AreTheSameState()
    {
        AssertSame(ActorState.Empty, ActorSnapshotFormat.Read(ActorSnapshotFormat.Write(ActorState.Empty)));
        var registered = ActorState.Replay([new ActorRegistered("x", "X", "organisation", null, [], "archivist-1", At)]);
        AssertSame(registered, ActorSnapshotFormat.Read(ActorSnapshotFormat.Write(registered)));
    }

    [Fact]
    public void Read_RestoredState_DecidesLikeTheReplayedOne()
    {
        // given the storied speaker restored from its snapshot
        var state = Storied();
        var restored = ActorSnapshotFormat.Read(ActorSnapshotFormat.Write(state));
        var retracted = state.Statements.Single(s => s.Value.BeforeRetraction is not null).Key;

        // when the same events follow on both, then they stay the same state
        object[] next = [
            new StatementReinstated(Actor, retracted, "confirmed after all", StatementStatus.Disputed, "misheard", "archivist-1", At),
            Recorded(9),
        ];
        AssertSame(next.Aggregate(state, (s, e) => s.Apply(e)), next.Aggregate(restored, (s, e) => s.Apply(e)));
    }

    [Fact]
    public void Write_TypicalStatements_TakeAtMost150BytesEach()
    {
        // given 1,000 typical statements, when they are written, then the snapshot takes at most 150 bytes per statement
        var bytes = ActorSnapshotFormat.Write(Typical(1000)).Length;
        Assert.InRange(bytes / 1000.0, 1, 150);
    }

    [Fact]
    public void Read_DamagedOrTruncatedSnapshots_AreRefusedWithTheReason()
    {
        // given a snapshot cut short at many lengths, with a byte changed at many places, with bytes added, and other texts
        using var store = Store();
        var bytes = ActorSnapshotFormat.Write(Storied());
        List<byte[]> damaged = [[], [.. bytes, 0], [.. bytes, .. bytes], Encoding.UTF8.GetBytes(ActorSnapshotJson.Write(Storied()))];
        damaged.AddRange(CutAndFlipped(bytes));

        // when each is read as an actor state, then none is, and the reason says why
        foreach (var other in damaged)
        {
            Assert.Null(Snapshots.Read<ActorState>(store, other, out var reason));
            Assert.False(string.IsNullOrWhiteSpace(reason));
        }
        Assert.Throws<FormatException>(() => ActorSnapshotFormat.Read(bytes[..^1]));
        Assert.NotNull(Snapshots.Read<ActorState>(store, bytes, out _));
    }

    [Fact]
    public void Of_ActorState_IsStoredCompressedAndReadsBackTheSameState()
    {
        // given 1,000 typical statements
        using var store = Store();
        var state = Typical(1000);
        var plain = ActorSnapshotFormat.Write(state);

        // when a snapshot of them is taken
        var snapshot = Snapshots.Of(store, "actor:" + Actor, 1001, "head", state, At);

        // then its bytes are compressed to under 70 % of the binary format's (56 % for these statements), under the same
        // type, and read back to the same state, which writes the same binary bytes
        Assert.True(snapshot.State.Length < plain.Length * 0.7, $"{snapshot.State.Length} bytes stored for {plain.Length}");
        Assert.Equal("ActorState/4", snapshot.StateType);
        var back = Snapshots.Read<ActorState>(store, snapshot.StateType, snapshot.State, out var reason) ?? throw new Xunit.Sdk.XunitException(reason);
        AssertSame(state, back);
        Assert.Equal(plain, ActorSnapshotFormat.Write(back));
    }

    [Fact]
    public void Read_DamagedCompressedSnapshots_AreRefusedWithTheReason()
    {
        // given a stored (compressed) snapshot cut short at many lengths, with a byte changed at many places, with bytes
        // added, with its stated length changed, and a compressed stream that inflates to something that is not a state
        using var store = Store();
        var bytes = Snapshots.Of(store, "actor:" + Actor, 30, "head", Storied(), At).State;
        var marker = bytes[..4];
        List<byte[]> damaged = [[.. bytes, 0], [.. bytes, .. bytes], [.. marker], [.. marker, 0x80], [.. marker, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, .. bytes[5..]],
            ActorSnapshotFormat.Compress(System.Text.Encoding.UTF8.GetBytes(ActorSnapshotJson.Write(Storied())))];
        damaged.AddRange(CutAndFlipped(bytes));
        var length0 = bytes[4];
        damaged.Add([.. marker, (byte)(length0 + 1), .. bytes[5..]]);
        damaged.Add([.. marker, (byte)(length0 - 1), .. bytes[5..]]);

        // when each is read as an actor state, then none is, and the reason says why; the undamaged one is
        foreach (var other in damaged)
        {
            Assert.Null(Snapshots.Read<ActorState>(store, other, out var reason));
            Assert.False(string.IsNullOrWhiteSpace(reason));
        }
        AssertSame(Storied(), Snapshots.Read<ActorState>(store, bytes, out var why) ?? throw new Xunit.Sdk.XunitException(why));
    }

    [Fact]
    public void Read_DamageUnderAValidChecksum_IsRefused()
    {
        // given snapshots whose structure is broken but whose checksum was recomputed (a writer's bug, not the disk's)
        using var store = Store();
        var bytes = ActorSnapshotFormat.Write(Storied());
        static byte[] Sealed(byte[] body)
        {
            var sealedBytes = new byte[body.Length + 8];
            body.CopyTo(sealedBytes, 0);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(sealedBytes.AsSpan(body.Length), System.IO.Hashing.XxHash3.HashToUInt64(body));
            return sealedBytes;
        }
        var body = bytes[..^8];
        List<byte[]> broken = [Sealed(body[..^1]), Sealed([.. body, 0]), Sealed([.. body[..4], 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F])];
        for (var length = 4; length < body.Length; length += 1 + length / 4) broken.Add(Sealed(body[..length]));

        // when each is read, then it is refused as not of the format, never half read
        foreach (var other in broken) Assert.ThrowsAny<Exception>(() => ActorSnapshotFormat.Read(other));
        foreach (var other in broken) Assert.Null(Snapshots.Read<ActorState>(store, other, out _));
    }

    [Fact]
    public void Read_Format3Snapshot_IsTheSameStateAsFormat4()
    {
        // given the same state written in the JSON format used before and in today's binary one
        using var store = Store();
        var state = Storied();
        var json = Encoding.UTF8.GetBytes(ActorSnapshotJson.Write(state));

        // when each is read by its type, then both are the state; a type that is neither is refused
        AssertSame(state, Snapshots.Read<ActorState>(store, Format3, json, out var reason) ?? throw new Xunit.Sdk.XunitException(reason));
        AssertSame(state, Snapshots.Read<ActorState>(store, Snapshots.TypeName<ActorState>(), ActorSnapshotFormat.Write(state), out reason)
            ?? throw new Xunit.Sdk.XunitException(reason));
        Assert.Equal("ActorState/4", Snapshots.TypeName<ActorState>());
        Assert.Null(Snapshots.Read<ActorState>(store, "ActorState/2", json, out reason));
        Assert.Contains("ActorState/2", reason);
        Assert.Null(Snapshots.Read<ActorState>(store, Format3, ActorSnapshotFormat.Write(state), out reason));
    }

    [Fact]
    public void Json_WrittenStateOfEveryCondition_IsTheSameStateAndWritesTheSameText()
    {
        // given a speaker with verified, amended, disputed, linked and unlinked, retracted and reinstated statements
        var state = Storied();
        Assert.Contains(state.Statements.Values, s => s.BeforeRetraction is not null);
        Assert.Contains(state.Statements.Values, s => s.ReinstatedBecause is not null && s.Links.Count > 0);
        Assert.Contains(state.Statements.Values, s => s.RemovedLinks.Count > 0 && s.StatusReason is not null);

        // when it is written and read back
        var text = ActorSnapshotJson.Write(state);
        var back = ActorSnapshotJson.Read(Encoding.UTF8.GetBytes(text));

        // then it is the same state, and written again the same text
        AssertSame(state, back);
        Assert.Equal(text, ActorSnapshotJson.Write(back));
    }

    [Fact]
    public void Json_EmptyAndUnregisteredStates_AreTheSameState()
    {
        AssertSame(ActorState.Empty, ActorSnapshotJson.Read(Encoding.UTF8.GetBytes(ActorSnapshotJson.Write(ActorState.Empty))));
        var registered = ActorState.Replay([new ActorRegistered("x", "X", "organisation", null, [], "archivist-1", At)]);
        AssertSame(registered, ActorSnapshotJson.Read(Encoding.UTF8.GetBytes(ActorSnapshotJson.Write(registered))));
    }

    [Fact]
    public void Json_RestoredState_DecidesLikeTheReplayedOne()
    {
        // given the storied speaker restored from its snapshot
        var state = Storied();
        var restored = ActorSnapshotJson.Read(Encoding.UTF8.GetBytes(ActorSnapshotJson.Write(state)));
        var retracted = state.Statements.Single(s => s.Value.BeforeRetraction is not null).Key;

        // when the same events follow on both, then they stay the same state
        object[] next = [
            new StatementReinstated(Actor, retracted, "confirmed after all", StatementStatus.Disputed, "misheard", "archivist-1", At),
            Recorded(9),
        ];
        var replayed = next.Aggregate(state, (s, e) => s.Apply(e));
        var fromSnapshot = next.Aggregate(restored, (s, e) => s.Apply(e));
        AssertSame(replayed, fromSnapshot);
        Assert.Equal(StatementStatus.Disputed, fromSnapshot.Statements[retracted].Status);
    }

    [Fact]
    public void Json_TypicalStatements_TakeAtMost150BytesEach()
    {
        // given 1,000 statements from three sources, with occasions, a fifth reported and a few verified
        var events = new List<object> { new ActorRegistered(Actor, "Lin Jian", "person", "CN", [], "archivist-1", At) };
        events.AddRange(Enumerable.Range(0, 1000).Select(i => (object)Recorded(i)));
        var state = ActorState.Replay(events);
        state = state.Statements.Keys.Where((_, i) => i % 10 == 0).Aggregate(state,
            (s, id) => s.Apply(new StatementVerified(Actor, id, "transcript-recheck", null, "archivist-1", At)));

        // when it is written, then the snapshot takes at most 150 bytes per statement
        var bytes = Encoding.UTF8.GetByteCount(ActorSnapshotJson.Write(state));
        Assert.InRange(bytes / 1000.0, 1, 150);
    }

    [Fact]
    public void Json_OtherShapes_AreRefusedWithTheReason()
    {
        // given the previous format's text of the same state (as the store's serializer wrote it) and damaged texts
        using var store = DocumentStore.For(o => ArchiveStore.Configure(o, TestDatabase.ConnectionString, "unused_snapshot_format"));
        var state = Storied();
        var text = ActorSnapshotJson.Write(state);
        var others = new[]
        {
            store.Options.Serializer().ToJson(state),
            text[..(text.Length / 2)],
            text.Replace("\"t\":[[", "\"t\":[[1,"),
            text + "{}",
            System.Text.RegularExpressions.Regex.Replace(text, "\"s\":\\[[^\\]]*\\]", "\"s\":[]"),
            "{\"n\":\"X\",\"k\":\"person\",\"a\":[],\"r\":[]}",
        };

        // when each is read as an actor state, then none is, and the reason says why
        foreach (var other in others)
        {
            Assert.Null(Snapshots.Read<ActorState>(store, Format3, Encoding.UTF8.GetBytes(other), out var reason));
            Assert.False(string.IsNullOrWhiteSpace(reason));
        }
        Assert.Throws<JsonException>(() => ActorSnapshotJson.Read(Encoding.UTF8.GetBytes(others[0])));
    }
}
