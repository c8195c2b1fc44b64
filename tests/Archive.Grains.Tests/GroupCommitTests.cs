using Archive.Domain;
using Archive.Domain.Actors;
using Archive.Audit;
using Archive.Store.Storage;
using Archive.Testing;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Xunit;
using Archive.Grains.Interfaces;

namespace Archive.Grains.Tests;

public sealed class GroupCommitTests : IAsyncLifetime
{
    private static readonly WriteContext Archivist = new("archivist-ana", "corr-group");
    private ArchiveCluster _cluster = null!;

    public async ValueTask InitializeAsync() => _cluster = await ArchiveCluster.Start();

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task RecordStatement_SixtyFourActorsConcurrently_ShareTransactionsAndEveryChainVerifies()
    {
        // given 64 registered actors and a source
        var actors = Enumerable.Range(0, 64).Select(i => $"actor-{i:00}").ToArray();
        var source = new SampleSource(4, "group");
        Assert.True((await _cluster.Grains.GetGrain<ISourceGrain>(source.Id).Register(source.Register(), Archivist)).Succeeded);
        Assert.All(await Task.WhenAll(actors.Select(a => _cluster.Grains.GetGrain<IActorGrain>(a)
            .Register(new RegisterActor(a, "Speaker " + a, "person"), Archivist))), r => Assert.True(r.Appended));
        var committer = _cluster.SiloService<GroupCommitter>();
        var (transactionsBefore, appendsBefore) = (committer.Transactions, committer.Appends);

        // when every actor records four statements, all at once
        var results = await Task.WhenAll(actors.SelectMany(a => Enumerable.Range(0, 4)
            .Select(i => _cluster.Grains.GetGrain<IActorGrain>(a).RecordStatement(source.Statement(a, i), Archivist))));

        // then all are recorded, each stream holds versions 1..5 with an intact chain
        Assert.All(results, r => Assert.True(r.Succeeded && r.Appended, string.Join("; ", r.Errors)));
        foreach (var actor in actors)
        {
            var stored = await Stored(StreamKeys.Actor(actor));
            Assert.Equal([1L, 2L, 3L, 4L, 5L], stored.Select(e => e.Version));
            var verification = ChainVerifier.Verify(StreamKeys.Actor(actor), stored, 5);
            Assert.True(verification.Intact, verification.Break?.Problem);
        }
        // and the appends were coalesced: fewer transactions than appends, some holding several streams' events
        var (transactions, appends) = (committer.Transactions - transactionsBefore, committer.Appends - appendsBefore);
        Assert.True(appends >= 64, $"{appends} appends");
        Assert.True(transactions < appends, $"{transactions} transactions for {appends} appends");
        var widest = await TestDatabase.Scalar(
            $"select max(n) from (select count(distinct stream_id) n from {_cluster.Schema}.mt_events where type = 'statement_recorded' group by xmin::text) t");
        Assert.True(widest > 1, "no transaction held more than one stream's statements");
    }

    [Fact]
    public async Task CommitTogether_OneStreamStale_OthersCommitInOneTransactionAndOnlyItIsRefused()
    {
        // given a stream at version 2
        var committer = _cluster.SiloService<GroupCommitter>();
        await using var store = Store();
        var first = Append(store, "stale-one", 0, null, Registered("stale-one"), Alias("stale-one", "S. One"));
        await committer.CommitTogether([first]);
        Assert.True((await first.Outcome).Committed);
        var staleBefore = committer.StaleAppends;

        // when a batch holds two new streams and an append to it at version 1, and one that starts it again
        var a = Append(store, "fresh-a", 0, null, Registered("fresh-a"));
        var stale = Append(store, "stale-one", 1, first.Hashes[0], Alias("stale-one", "Late"));
        var restarted = Append(store, "stale-one", 0, null, Registered("stale-one"));
        var c = Append(store, "fresh-c", 0, null, Registered("fresh-c"));
        await committer.CommitTogether([a, stale, c]);
        await committer.CommitTogether([restarted]);

        // then only the stale appends are refused; the others committed together, and the stale stream is unchanged
        Assert.False((await stale.Outcome).Committed);
        Assert.False((await restarted.Outcome).Committed);
        Assert.True((await a.Outcome).Committed);
        Assert.True((await c.Outcome).Committed);
        Assert.Equal(staleBefore + 2, committer.StaleAppends);
        Assert.Equal(1, await TestDatabase.Scalar(
            $"select count(distinct xmin::text) from {_cluster.Schema}.mt_events where stream_id in ('actor:fresh-a', 'actor:fresh-c')"));
        Assert.Equal([1L, 2L], (await Stored("actor:stale-one")).Select(e => e.Version));
        Assert.Equal((await a.Outcome).LastPosition, await TestDatabase.Scalar(
            $"select seq_id from {_cluster.Schema}.mt_events where stream_id = 'actor:fresh-a'"));

        // and the failed transactions' positions are filled by Marten with tombstones of exactly the shape the audit
        // counts instead of chaining (Archive.Audit.Tombstones)
        var tombstones = await Eventually.Get(() => TestDatabase.Column<string>(
                $"select stream_id || '|' || type || '|' || data::text || '|' || coalesce(headers ->> 'hash', '') from {_cluster.Schema}.mt_events where stream_id = '{Tombstones.Stream}'"),
            rows => rows.Count > 0, TimeSpan.FromSeconds(30), "Marten's tombstones for the failed transactions");
        Assert.All(tombstones, row =>
        {
            var parts = row.Split('|');
            Assert.True(Tombstones.Is(parts[0], parts[1], parts[2], parts[3].Length == 0 ? null : parts[3]), row);
        });
    }

    [Fact]
    public async Task Append_PostgreSqlUnreachable_EveryAppendOfTheBatchFailsWithTheError()
    {
        // given a committer whose database does not answer (nothing listens on the port)
        var unreachable = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Port = TestDatabase.FreePort(), Timeout = 2 }.ConnectionString;
        await using var store = DocumentStore.For(o => Archive.Store.ArchiveStore.Configure(o, unreachable, _cluster.Schema));
        await using var committer = new GroupCommitter(store, Options.Create(new CommitOptions { Concurrency = 1 }), NullLogger<GroupCommitter>.Instance);

        // when two appends are committed together
        var appends = new[] { Append(store, "down-a", 0, null, Registered("down-a")), Append(store, "down-b", 0, null, Registered("down-b")) };
        await committer.CommitTogether(appends);

        // then each fails with the connection error; none is acknowledged
        foreach (var append in appends)
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => append.Outcome);
            Assert.Contains(error.GetType().Name, new[] { "NpgsqlException", "SocketException", "TimeoutException" });
        }
        Assert.Equal(0, committer.Transactions);
    }

    private DocumentStore Store() => DocumentStore.For(o => Archive.Store.ArchiveStore.Configure(o, TestDatabase.ConnectionString, _cluster.Schema));

    private static ActorRegistered Registered(string id) => new(id, "Name of " + id, "person", null, [], "archivist-ana", DateTimeOffset.UtcNow);

    private static ActorAliasAdded Alias(string id, string alias) => new(id, alias, "archivist-ana", DateTimeOffset.UtcNow);

    /// <summary>An append hashed as a grain hashes it.</summary>
    private static StreamAppend Append(IDocumentStore store, string actorId, long expectedVersion, string? head, params object[] events)
    {
        var key = StreamKeys.Actor(actorId);
        var hashes = events.Select((e, i) => head = EventHash.Compute(head, key, expectedVersion + i + 1, EventAliases.ByType[e.GetType()],
            CanonicalJson.Canonicalize(store.Options.Serializer().ToJson(e)))).ToArray();
        return new StreamAppend(key, expectedVersion, events.Select(e => new NewEvent(e, "archivist-ana")).ToArray(), hashes);
    }

    private async Task<List<StoredEvent>> Stored(string streamKey)
    {
        var stored = new List<StoredEvent>();
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select seq_id, version, type, data::text, headers ->> 'hash' from {_cluster.Schema}.mt_events where stream_id = @s order by version", connection);
        command.Parameters.AddWithValue("s", streamKey);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            stored.Add(new StoredEvent(reader.GetInt64(0), streamKey, reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        return stored;
    }
}
