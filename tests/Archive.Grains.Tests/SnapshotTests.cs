using System.Diagnostics;
using Archive.Domain;
using Archive.Domain.Actors;
using Archive.Audit;
using Archive.Domain.Statements;
using Archive.Store;
using Archive.Store.Storage;
using Archive.Store.Telemetry;
using Archive.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Archive.Grains.Interfaces;

namespace Archive.Grains.Tests;

/// <summary>Snapshots every 5 events, so short streams cross the interval several times.</summary>
public sealed class SnapshotTests
{
    private const int Every = 5;
    private static readonly WriteContext Archivist = new("archivist-ana", null);
    private static readonly SampleSource Source = new(24, "snapshots");

    private static Task<ArchiveCluster> Start(string? schema = null) =>
        ArchiveCluster.Start(schema, configure: silo => silo.Services.Configure<CommitOptions>(o => o.SnapshotEvery = Every));

    private static DocumentStore Store(string schema) => DocumentStore.For(o => ArchiveStore.Configure(o, TestDatabase.ConnectionString, schema));

    /// <summary>Registers the actor and writes <paramref name="events"/> events in all, one call at a time or several per append.</summary>
    private static async Task Write(ArchiveCluster cluster, string actorId, int events, bool bulk)
    {
        var actor = cluster.Grains.GetGrain<IActorGrain>(actorId);
        Assert.True((await actor.Register(new RegisterActor(actorId, "Name " + actorId, "person"), Archivist)).Appended);
        var next = 0;
        for (var written = 1; written < events;)
        {
            if (bulk && events - written >= 3)
            {
                var results = await actor.RecordStatements([.. Enumerable.Range(next, 3).Select(i => Source.Statement(actorId, i))], Archivist);
                Assert.All(results, r => Assert.True(r.Appended));
                (next, written) = (next + 3, written + 3);
            }
            else if (next > 0 && written % 4 == 0)
            {
                // other event types than recordings: the snapshot must carry their effect too
                var statement = StatementIds.For(actorId, Source.Id, Source.Span(next - 1));
                Assert.True((await actor.VerifyStatement(new VerifyStatement(statement, "transcript-recheck", "n"), Archivist)).Appended);
                written++;
            }
            else
            {
                Assert.True((await actor.RecordStatement(Source.Statement(actorId, next++), Archivist)).Appended);
                written++;
            }
        }
    }

    [Fact]
    public async Task Snapshot_StreamsOfManyLengths_SnapshotPlusTailEqualsFullReplayAndGrainsContinueAfterRestart()
    {
        // given actors with streams of several lengths, written one event or three events per append
        var cases = new[] { (3, false), (5, false), (6, true), (9, true), (11, false), (17, true), (22, false) }
            .Select((c, i) => (Actor: $"snap-{i}", Events: c.Item1, Bulk: c.Item2)).ToArray();
        string schema;
        await using (var first = await Start())
        {
            schema = first.Schema;
            Assert.True((await first.Grains.GetGrain<ISourceGrain>(Source.Id).Register(Source.Register(), Archivist)).Succeeded);
            foreach (var c in cases) await Write(first, c.Actor, c.Events, c.Bulk);
        }

        // then each stream that reached the interval has a snapshot no older than one interval, and it plus the tail is the replay
        await using (var store = Store(schema))
        await using (var session = store.QuerySession())
        {
            foreach (var c in cases)
            {
                var key = StreamKeys.Actor(c.Actor);
                var snapshot = await SnapshotTable.Load(store, key, TestContext.Current.CancellationToken);
                var events = await session.Events.FetchStreamAsync(key, token: TestContext.Current.CancellationToken);
                Assert.Equal(c.Events, events.Count);
                if (c.Events < Every) { Assert.Null(snapshot); continue; }
                Assert.NotNull(snapshot);
                Assert.InRange(snapshot.Version, c.Events - Every - 2, c.Events);
                Assert.Equal(events[(int)snapshot.Version - 1].GetHeader(EventHash.Header)?.ToString(), snapshot.Head);
                var restored = Snapshots.Read<ActorState>(store, snapshot.State, out var reason) ?? throw new Xunit.Sdk.XunitException(reason);
                var tail = events.Skip((int)snapshot.Version).Aggregate(restored, (s, e) => s.Apply(e.Data));
                var replay = ActorState.Replay(events.Select(e => e.Data));
                Assert.Equal(store.Options.Serializer().ToJson(replay), store.Options.Serializer().ToJson(tail));
            }
        }

        // when a new cluster activates the grains from their snapshots
        await using var second = await Start(schema);
        foreach (var c in cases)
        {
            var actor = second.Grains.GetGrain<IActorGrain>(c.Actor);
            var repeat = await actor.RecordStatement(Source.Statement(c.Actor, 0), Archivist);
            var added = await actor.AddAlias(new AddAlias(c.Actor, "Alias of " + c.Actor), Archivist);

            // then they know every statement, continue the version and the chain
            Assert.True(repeat.Succeeded && !repeat.Appended, string.Join("; ", repeat.Errors));
            Assert.Equal(c.Events + 1, added.Version);
        }
        await using var verifyStore = Store(schema);
        await using var check = verifyStore.QuerySession();
        foreach (var c in cases)
        {
            var key = StreamKeys.Actor(c.Actor);
            var stored = (await check.Events.FetchStreamAsync(key, token: TestContext.Current.CancellationToken)).Select(e => new StoredEvent(e.Sequence, key, e.Version, e.EventTypeName,
                verifyStore.Options.Serializer().ToJson(e.Data), e.GetHeader(EventHash.Header)?.ToString()));
            var verification = ChainVerifier.Verify(key, stored);
            Assert.True(verification.Intact, $"{key}: {verification.Break?.Problem}");
        }
    }

    [Fact]
    public async Task Activation_SnapshotMatchesTheStream_StateIsReadFromTheSnapshot()
    {
        // given an actor with a snapshot at version 5, rewritten to forget its last statement (same version and head)
        string schema;
        await using (var first = await Start())
        {
            schema = first.Schema;
            await first.Grains.GetGrain<ISourceGrain>(Source.Id).Register(Source.Register(), Archivist);
            await Write(first, "trusted", 5, bulk: false);
        }
        var forgotten = StatementIds.For("trusted", Source.Id, Source.Span(2));
        await Rewrite(schema, StreamKeys.Actor("trusted"), (store, s) =>
            s.State = Snapshots.Read<ActorState>(store, s.State, out _)! is var state
                ? Snapshots.Of(store, s.Id, s.Version, s.Head, state with { Statements = state.Statements.Remove(forgotten) }, s.TakenAt).State : null!);

        // when a new cluster activates it and the statement is recorded again
        await using var second = await Start(schema);
        var again = await second.Grains.GetGrain<IActorGrain>("trusted").RecordStatement(Source.Statement("trusted", 2), Archivist);

        // then the grain decided on the snapshot's state (a replay would have answered "already recorded")
        Assert.True(again.Appended);
    }

    [Fact]
    public async Task Activation_StreamWithASnapshot_IsLoadedOnce()
    {
        // given an actor with a snapshot at version 5 and two events after it
        string schema;
        await using (var first = await Start())
        {
            schema = first.Schema;
            await first.Grains.GetGrain<ISourceGrain>(Source.Id).Register(Source.Register(), Archivist);
            await Write(first, "loaded-once", 7, bulk: false);
        }
        var key = StreamKeys.Actor("loaded-once");
        var loads = new System.Collections.Concurrent.ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ArchiveTelemetry.LoadSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { if (activity.GetTagItem("archive.stream") as string == key) loads.Enqueue(activity); },
        };
        ActivitySource.AddActivityListener(listener);

        // when a new cluster activates it and it answers
        await using var second = await Start(schema);
        Assert.True(await second.Grains.GetGrain<IActorGrain>("loaded-once").Exists());

        // then its stream was read once, from the snapshot and the events after it (the span ends before the answer)
        var load = Assert.Single(loads);
        Assert.Equal("snapshot", load.GetTagItem("archive.load.from"));
        Assert.Equal(5L, Convert.ToInt64(load.GetTagItem("archive.snapshot.version")));
        Assert.Equal(2L, Convert.ToInt64(load.GetTagItem("archive.load.events")));
        Assert.Equal(7L, Convert.ToInt64(load.GetTagItem("archive.stream.version")));
    }

    [Fact]
    public async Task Activation_Format3Snapshot_IsReadAsTheState()
    {
        // given an actor whose snapshot is in the JSON format written before the binary one, rewritten to forget its
        // last statement (same version and head)
        string schema;
        await using (var first = await Start())
        {
            schema = first.Schema;
            await first.Grains.GetGrain<ISourceGrain>(Source.Id).Register(Source.Register(), Archivist);
            await Write(first, "older", 5, bulk: false);
        }
        var forgotten = StatementIds.For("older", Source.Id, Source.Span(2));
        await Rewrite(schema, StreamKeys.Actor("older"), (store, s) =>
        {
            var state = Snapshots.Read<ActorState>(store, s.State, out _)!;
            s.StateType = nameof(ActorState) + "/3";
            s.State = System.Text.Encoding.UTF8.GetBytes(ActorSnapshotJson.Write(state with { Statements = state.Statements.Remove(forgotten) }));
        });

        // when a new cluster activates it and the statement is recorded again
        await using var second = await Start(schema);
        var again = await second.Grains.GetGrain<IActorGrain>("older").RecordStatement(Source.Statement("older", 2), Archivist);

        // then the grain decided on that snapshot's state (a replay would have answered "already recorded")
        Assert.True(again.Appended);
    }

    [Fact]
    public async Task Activation_SnapshotStoredUncompressed_IsReadAsTheState()
    {
        // given an actor whose grain stored its snapshot compressed, rewritten as the uncompressed binary bytes stored
        // before, forgetting its last statement (same type, version and head)
        string schema;
        await using (var first = await Start())
        {
            schema = first.Schema;
            await first.Grains.GetGrain<ISourceGrain>(Source.Id).Register(Source.Register(), Archivist);
            await Write(first, "uncompressed", 5, bulk: false);
        }
        var forgotten = StatementIds.For("uncompressed", Source.Id, Source.Span(2));
        await Rewrite(schema, StreamKeys.Actor("uncompressed"), (store, s) =>
        {
            Assert.Equal([0, (byte)'A', (byte)'Z', 4], s.State[..4]);
            var state = Snapshots.Read<ActorState>(store, s.State, out _)!;
            s.State = ActorSnapshotFormat.Write(state with { Statements = state.Statements.Remove(forgotten) });
            Assert.Equal([0, (byte)'A', (byte)'S', 4], s.State[..4]);
        });

        // when a new cluster activates it and the statement is recorded again
        await using var second = await Start(schema);
        var again = await second.Grains.GetGrain<IActorGrain>("uncompressed").RecordStatement(Source.Statement("uncompressed", 2), Archivist);

        // then the grain decided on that snapshot's state (a replay would have answered "already recorded")
        Assert.True(again.Appended);
    }

    [Fact]
    public async Task Activation_SnapshotDoesNotMatch_IsIgnoredAndTheStreamReplayed()
    {
        // given actors whose snapshots are beyond the stream, unreadable, of another chain, or of another state type
        var corruptions = new (string Actor, Action<IDocumentStore, StreamSnapshot> Corrupt)[]
        {
            ("beyond", (_, s) => s.Version = 999),
            ("unreadable", (_, s) => s.State = "{\"id\": 12, \"statements\": [1, 2"u8.ToArray()),
            // cut short, and one byte changed: the checksum refuses both
            ("truncated", (_, s) => s.State = s.State[..^9]),
            ("damaged", (_, s) => s.State[s.State.Length / 2] ^= 0x20),
            ("other-chain", (_, s) => s.Head = new string('0', 64)),
            ("other-type", (_, s) => s.StateType = nameof(Domain.Topics.TopicState)),
            // the format before statements kept fingerprints (its state would read back with fields missing), here
            // holding no statements, so trusting it would record them again
            ("old-format", (store, s) =>
            {
                s.StateType = nameof(ActorState);
                s.State = System.Text.Encoding.UTF8.GetBytes(store.Options.Serializer().ToJson(Snapshots.Read<ActorState>(store, s.State, out _)! with { Statements = [] }));
            }),
            // the format before the compact one: the same state as the store's serializer writes it, no statements
            ("format-2", (store, s) =>
            {
                s.StateType = nameof(ActorState) + "/2";
                s.State = System.Text.Encoding.UTF8.GetBytes(store.Options.Serializer().ToJson(Snapshots.Read<ActorState>(store, s.State, out _)! with { Statements = [] }));
            }),
        };
        string schema;
        await using (var first = await Start())
        {
            schema = first.Schema;
            await first.Grains.GetGrain<ISourceGrain>(Source.Id).Register(Source.Register(), Archivist);
            foreach (var (actor, _) in corruptions) await Write(first, actor, 7, bulk: false);
        }
        foreach (var (actor, corrupt) in corruptions) await Rewrite(schema, StreamKeys.Actor(actor), corrupt);

        // when a new cluster activates them
        await using var second = await Start(schema);
        foreach (var (actor, _) in corruptions)
        {
            var grain = second.Grains.GetGrain<IActorGrain>(actor);
            var repeats = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => grain.RecordStatement(Source.Statement(actor, i), Archivist)));
            var added = await grain.AddAlias(new AddAlias(actor, "Alias"), Archivist);

            // then they replayed the stream: every statement is known and the version continues
            Assert.All(repeats, r => Assert.True(r.Succeeded && !r.Appended, $"{actor}: {string.Join("; ", r.Errors)}"));
            Assert.Equal(8, added.Version);
        }
    }

    [Fact]
    public async Task Save_LargeActorState_StoredUncompressedAndReadBackByteForByte()
    {
        // given an actor state with 300 statements (its snapshot is well over PostgreSQL's 2 kB TOAST threshold)
        var schema = TestDatabase.NewSchema("snap");
        await TestDatabase.Prepare(schema);
        await using var store = Store(schema);
        var events = new List<object> { new ActorRegistered("big", "Big", "person", null, [], "archivist-ana", DateTimeOffset.UnixEpoch) };
        events.AddRange(Enumerable.Range(0, 300).Select(i => (object)new StatementRecorded("big", StatementIds.For("big", Source.Id, new(i * 40, i * 40 + 37)),
            $"Quote number {i}, with “care”.", QuoteKinds.Direct, new DateOnly(2024, 1, 1).AddDays(i), "Briefing", Source.Id, new(i * 40, i * 40 + 37),
            [], "en", [], "archivist-ana", DateTimeOffset.UnixEpoch)));
        var state = ActorState.Replay(events);
        var snapshot = Snapshots.Of(store, StreamKeys.Actor("big"), 301, "head", state, DateTimeOffset.UnixEpoch);

        // when it is saved and read back as activation reads it
        await SnapshotTable.Save(store, snapshot);
        using var raw = await SnapshotTable.ReadRaw(store, snapshot.Id, TestContext.Current.CancellationToken)
            ?? throw new Xunit.Sdk.XunitException("no snapshot");

        // then the bytes are the state's, out of line and not compressed, and they read back to the same state
        Assert.Equal((301L, "head", Snapshots.TypeName<ActorState>()), (raw.Version, raw.Head, raw.StateType));
        Assert.Equal(snapshot.State, raw.State.ToArray());
        var (stored, length) = (await TestDatabase.Scalar($"select pg_column_size(state) from {schema}.{SnapshotTable.Name}"),
            await TestDatabase.Scalar($"select octet_length(state) from {schema}.{SnapshotTable.Name}"));
        Assert.True(length > 2048 && stored >= length, $"{stored} bytes stored for {length}");
        Assert.Equal((long)'e', await TestDatabase.Scalar(
            $"select ascii(attstorage) from pg_attribute where attrelid = '{schema}.{SnapshotTable.Name}'::regclass and attname = 'state'"));
        var back = Snapshots.Read<ActorState>(store, raw.State, out var reason) ?? throw new Xunit.Sdk.XunitException(reason);
        Assert.Equal(snapshot.State, Snapshots.Of(store, snapshot.Id, 301, "head", back, DateTimeOffset.UnixEpoch).State);

        // and migrating again finds the table as declared and keeps its rows
        await TestDatabase.Prepare(schema);
        await using var connection = new Npgsql.NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var delta = await new SnapshotTable(schema).FindDeltaAsync(connection, TestContext.Current.CancellationToken);
        Assert.Equal(Weasel.Core.SchemaPatchDifference.None, delta.Difference);
        Assert.NotNull(await SnapshotTable.Load(store, snapshot.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Activation_SnapshotOnlyInTheOldDocumentTable_IsIgnoredAndTheStreamReplayed()
    {
        // given an actor whose only snapshot is a document of the table used before, at the right version and head,
        // rewritten to forget its statements (as a snapshot of the old store would be, were it read)
        string schema;
        await using (var first = await Start())
        {
            schema = first.Schema;
            await first.Grains.GetGrain<ISourceGrain>(Source.Id).Register(Source.Register(), Archivist);
            await Write(first, "legacy", 5, bulk: false);
        }
        var key = StreamKeys.Actor("legacy");
        await using (var store = Store(schema))
        {
            var snapshot = await SnapshotTable.Load(store, key, TestContext.Current.CancellationToken) ?? throw new Xunit.Sdk.XunitException("no snapshot");
            snapshot.State = Snapshots.Of(store, key, snapshot.Version, snapshot.Head, ActorState.Empty, snapshot.TakenAt).State;
            await TestDatabase.Scalar($"""
                create table {schema}.mt_doc_streamsnapshot (id varchar primary key, data jsonb not null);
                insert into {schema}.mt_doc_streamsnapshot values (@id, @data::jsonb);
                delete from {schema}.{SnapshotTable.Name};
                select 1
                """, ("id", key), ("data", store.Options.Serializer().ToJson(snapshot)));
        }

        // when a new cluster activates it and a recorded statement is recorded again
        await using var second = await Start(schema);
        var again = await second.Grains.GetGrain<IActorGrain>("legacy").RecordStatement(Source.Statement("legacy", 2), Archivist);

        // then the grain replayed the stream: the statement is known, nothing is appended
        Assert.True(again.Succeeded && !again.Appended, string.Join("; ", again.Errors));
    }

    private static async Task Rewrite(string schema, string streamKey, Action<IDocumentStore, StreamSnapshot> change)
    {
        await using var store = Store(schema);
        var snapshot = await SnapshotTable.Load(store, streamKey) ?? throw new Xunit.Sdk.XunitException($"{streamKey} has no snapshot");
        change(store, snapshot);
        await SnapshotTable.Save(store, snapshot);
    }
}
