using System.Text;
using Archive.Audit;
using Xunit;

namespace Archive.Audit.Tests.Chains;

/// <summary>The byte-based stream check must accept exactly what <see cref="ChainVerifier"/> accepts and report its breaks.</summary>
public sealed class StoredStreamTests
{
    private const string Key = "actor:lin-jian";

    /// <summary>A chain of three events whose bodies are stored as jsonb prints them (keys reordered, spaces), one with non-ASCII text.</summary>
    private static List<StoredEvent> Chain()
    {
        (string Type, string Stored)[] bodies =
        [
            ("actor_registered", """{"name": "Lin Jian", "roles": ["spokesperson"]}"""),
            ("alias_added", "{\"alias\": \"\u6797\u5251 \ud83d\ude00\", \"at\": 1.5e3}"),
            ("statement_recorded", """{"id": "s-1", "quote": "Work \"resumes\"\nin spring.", "span": [0, 28], "x": null}"""),
        ];
        var events = new List<StoredEvent>();
        string? previous = null;
        for (var i = 0; i < bodies.Length; i++)
        {
            var hash = EventHash.ComputeFromJson(previous, Key, i + 1, bodies[i].Type, bodies[i].Stored);
            events.Add(new StoredEvent(100 + i, Key, i + 1, bodies[i].Type, bodies[i].Stored, hash));
            previous = hash;
        }
        return events;
    }

    private static StoredStream Read(IEnumerable<StoredEvent> events)
    {
        var stream = new StoredStream(Key);
        foreach (var e in events)
        {
            var body = Encoding.UTF8.GetBytes(e.BodyJson);
            body.CopyTo(stream.Reserve(body.Length));
            stream.Advance(body.Length);
            var hash = e.Hash is null ? [] : Encoding.UTF8.GetBytes(e.Hash);
            hash.CopyTo(stream.Reserve(hash.Length));
            stream.Advance(hash.Length);
            stream.Add(e.Position, e.Version, e.TypeAlias, body.Length, e.Hash is null ? -1 : hash.Length);
        }
        return stream;
    }

    [Fact]
    public void ComputeFromUtf8Json_StoredBodies_GivesTheStringRoutesHash()
    {
        Span<byte> hash = stackalloc byte[EventHash.Length];
        foreach (var e in Chain())
        {
            var previous = e.Version == 1 ? null : Chain()[(int)e.Version - 2].Hash;
            EventHash.ComputeFromUtf8Json(Encoding.UTF8.GetBytes(previous ?? ""), Key, e.Version, e.TypeAlias, Encoding.UTF8.GetBytes(e.BodyJson), hash);
            Assert.Equal(e.Hash, Encoding.UTF8.GetString(hash));
        }
    }

    [Fact]
    public void Verify_IntactChain_IsIntactWithEveryEventCounted()
    {
        using var stream = Read(Chain());
        var result = stream.Verify(3);
        Assert.True(result.Intact);
        Assert.Equal(3, result.Events);
    }

    [Fact]
    public void Verify_AnyTampering_ReportsWhatChainVerifierReports()
    {
        var chain = Chain();
        List<StoredEvent>[] tampered =
        [
            [chain[0], chain[1] with { BodyJson = """{"alias": "Lin", "at": 1.5e3}""" }, chain[2]],
            [chain[0], chain[1] with { TypeAlias = "alias_removed" }, chain[2]],
            [chain[0], chain[1] with { Hash = null }, chain[2]],
            [chain[0], chain[1] with { Hash = chain[1].Hash!.ToUpperInvariant() }, chain[2]],
            [chain[0], chain[2]],
            [chain[0], chain[1], chain[1] with { Position = 200 }, chain[2]],
        ];
        foreach (var events in tampered)
        {
            using var stream = Read(events);
            var result = stream.Verify(3);
            Assert.False(result.Intact);
            Assert.Equal(ChainVerifier.Verify(Key, events, 3), result);
        }
    }

    [Fact]
    public void Verify_EventsOutOfOrder_AreSortedAsChainVerifierSortsThem()
    {
        var chain = Chain();
        using var stream = Read([chain[1], chain[0], chain[2]]);
        Assert.Equal(new StreamVerification(Key, 3, null), stream.Verify(3));
    }

    [Fact]
    public void Verify_RecordedVersionDiffers_ReportsWhatChainVerifierReports()
    {
        foreach (var recorded in new long[] { 2, 4 })
        {
            using var stream = Read(Chain());
            Assert.Equal(ChainVerifier.Verify(Key, Chain(), recorded), stream.Verify(recorded));
        }
    }

    [Fact]
    public void RemoveLast_Tombstone_LeavesTheChainAsItWas()
    {
        using var stream = Read([.. Chain(), new StoredEvent(300, Key, 4, Tombstones.Type, "{}", null)]);
        Assert.Equal("{}", stream.LastBody);
        stream.RemoveLast();
        Assert.True(stream.Verify(3).Intact);
    }
}
