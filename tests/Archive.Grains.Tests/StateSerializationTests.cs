using Archive.Domain;
using Archive.Domain.Actors;
using Archive.Audit;
using Archive.Domain.Audit;
using Archive.Domain.Sources;
using Archive.Domain.Statements;
using Archive.Domain.Topics;
using Archive.Store.Storage;
using Archive.Testing;
using Marten;
using Xunit;
using Archive.Grains.Interfaces;

namespace Archive.Grains.Tests;

/// <summary>Every grain state type survives a snapshot: written and read back by the store's serializer, it is the same state.</summary>
public sealed class StateSerializationTests : IAsyncLifetime
{
    private static readonly WriteContext Archivist = new("archivist-ana", null);
    private ArchiveCluster _cluster = null!;
    private DocumentStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        _cluster = await ArchiveCluster.Start();
        _store = DocumentStore.For(o => Archive.Store.ArchiveStore.Configure(o, TestDatabase.ConnectionString, _cluster.Schema));
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task Snapshot_EveryStateType_ReadsBackToTheSameState()
    {
        // given states touched by every kind of event, rebuilt from the store
        var source = new SampleSource(4, "serialization");
        var g = _cluster.Grains;
        Assert.True((await g.GetGrain<ISourceGrain>(source.Id).Register(source.Register(), Archivist)).Succeeded);
        Assert.True((await g.GetGrain<ITopicGrain>("cpec").Open(new OpenTopic("cpec", "CPEC", "the corridor"), Archivist)).Succeeded);
        var actor = g.GetGrain<IActorGrain>("lin-jian");
        await actor.Register(new RegisterActor("lin-jian", "Lin Jian", "person", "CN", ["L. Jian"]), Archivist);
        await actor.AssignRole(new AssignRole("lin-jian", "spokesperson", "Ministry of Foreign Affairs", new DateOnly(2024, 1, 1)), Archivist);
        await actor.AddAlias(new AddAlias("lin-jian", "林剑"), Archivist);
        var ids = new List<string>();
        foreach (var i in Enumerable.Range(0, 4)) ids.Add((await actor.RecordStatement(source.Statement("lin-jian", i, ["cpec"]), Archivist)).Id!);
        Assert.True((await actor.VerifyStatement(new VerifyStatement(ids[0], "transcript-recheck", "checked"), Archivist)).Appended);
        Assert.True((await actor.AmendStatement(new AmendStatement(ids[1], "occasion was wrong", new StatementChanges(Occasion: "press conference", SaidOn: new DateOnly(2024, 12, 2))), Archivist)).Appended);
        Assert.True((await actor.DisputeStatement(new DisputeStatement(ids[2], "contested"), Archivist)).Appended);
        Assert.True((await actor.LinkStatement(new LinkStatement(ids[2], ids[0], "contradicts"), "lin-jian", Archivist)).Appended);
        Assert.True((await actor.RetractStatement(new RetractStatement(ids[3], "withdrawn"), Archivist)).Appended);
        var topic = g.GetGrain<ITopicGrain>("cpec");
        Assert.True((await topic.Rename(new RenameTopic("cpec", "China–Pakistan Economic Corridor"), Archivist)).Appended);
        Assert.True((await topic.Unfile(new UnfileStatement("cpec", ids[3], "retracted"), Archivist)).Appended);

        var actorState = ActorState.Replay(await Events(StreamKeys.Actor("lin-jian")));
        var topicState = TopicState.Replay(await Events(StreamKeys.Topic("cpec")));
        var sourceState = SourceState.Replay(await Events(StreamKeys.Source(source.Id)));
        var sealState = new SealState(3, 1234, new string('a', 64), new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.FromHours(8)));

        // when each is written as a snapshot and read back, then it is the same state
        var actorBack = RoundTrip(actorState);
        Assert.Equal(actorState.Roles, actorBack.Roles);
        Assert.Equal(actorState.Aliases, actorBack.Aliases);
        Assert.Equal(4, actorBack.Statements.Count);
        foreach (var (id, statement) in actorState.Statements)
        {
            var back = actorBack.Statements[id];
            // records compare their collections by reference: compare those by content, the rest as records
            Assert.Equal(statement with { Links = [], RemovedLinks = [] }, back with { Links = [], RemovedLinks = [] });
            Assert.Equal(statement.Links, back.Links);
            Assert.Equal(statement.RemovedLinks, back.RemovedLinks);
        }
        Assert.Equal(StatementStatus.Verified, actorBack.Statements[ids[0]].Status);
        Assert.Single(actorBack.Statements[ids[2]].Links);

        var topicBack = RoundTrip(topicState);
        Assert.Equal(topicState with { Filed = [], UnfiledReasons = [] }, topicBack with { Filed = [], UnfiledReasons = [] });
        Assert.Equal(topicState.Filed.OrderBy(p => p.Key), topicBack.Filed.OrderBy(p => p.Key));
        Assert.Equal(topicState.UnfiledReasons.OrderBy(p => p.Key), topicBack.UnfiledReasons.OrderBy(p => p.Key));
        Assert.Equal(3, topicBack.Filed.Count);

        Assert.Equal(sourceState, RoundTrip(sourceState));
        Assert.Equal(sealState, RoundTrip(sealState));
        Assert.Equal(ActorState.Empty with { Aliases = [], Roles = [], Statements = [] }, RoundTrip(ActorState.Empty) with { Aliases = [], Roles = [], Statements = [] });
        Assert.Equal(TopicState.Empty.Id, RoundTrip(TopicState.Empty).Id);
    }

    private T RoundTrip<T>(T state) where T : class
    {
        var snapshot = Snapshots.Of(_store, "stream", 1, null, state, DateTimeOffset.UtcNow);
        var back = Snapshots.Read<T>(_store, snapshot.State, out var reason) ?? throw new Xunit.Sdk.XunitException($"{typeof(T).Name}: {reason}");
        // written again, it is the same text: nothing was lost or changed on the way
        Assert.Equal(snapshot.State, Snapshots.Of(_store, "stream", 1, null, back, DateTimeOffset.UtcNow).State);
        return back;
    }

    private async Task<IEnumerable<object>> Events(string streamKey)
    {
        await using var session = _store.QuerySession();
        return (await session.Events.FetchStreamAsync(streamKey, token: TestContext.Current.CancellationToken)).Select(e => e.Data).ToArray();
    }
}
