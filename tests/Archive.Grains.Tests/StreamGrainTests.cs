using Archive.Domain;
using Archive.Domain.Actors;
using Archive.Domain.Common;
using Archive.Domain.Statements;
using Archive.Testing;
using Marten;
using Xunit;
using Archive.Grains.Interfaces;

namespace Archive.Grains.Tests;

public sealed class StreamGrainTests : IAsyncLifetime
{
    private static readonly WriteContext Archivist = new("archivist-ana", "corr-1");
    private ArchiveCluster _cluster = null!;

    public async ValueTask InitializeAsync() => _cluster = await ArchiveCluster.Start();

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    private IActorGrain Actor(string id) => _cluster.Grains.GetGrain<IActorGrain>(id);

    private async Task<SampleSource> GivenActorAndSource(string actorId, int sentences)
    {
        var source = new SampleSource(sentences, actorId);
        Assert.True((await Actor(actorId).Register(new RegisterActor(actorId, "Lin Jian", "person", "CN"), Archivist)).Succeeded);
        Assert.True((await _cluster.Grains.GetGrain<ISourceGrain>(source.Id).Register(source.Register(), Archivist)).Succeeded);
        return source;
    }

    [Fact]
    public async Task RecordStatement_SixteenConcurrentCalls_AllLandInFewTransactionsWithConsecutiveVersions()
    {
        // given
        var source = await GivenActorAndSource("lin-jian", 16);

        // when
        var results = await Task.WhenAll(Enumerable.Range(0, 16)
            .Select(i => Actor("lin-jian").RecordStatement(source.Statement("lin-jian", i), Archivist)));

        // then
        Assert.All(results, r => Assert.True(r.Succeeded && r.Appended));
        Assert.Equal(16, results.Select(r => r.Id).Distinct().Count());
        var versions = await TestDatabase.Column<long>(
            $"select version from {_cluster.Schema}.mt_events where stream_id = @s order by version", ("s", StreamKeys.Actor("lin-jian")));
        Assert.Equal(Enumerable.Range(1, 17).Select(v => (long)v), versions);
        var transactions = await TestDatabase.Scalar(
            $"select count(distinct xmin::text) from {_cluster.Schema}.mt_events where stream_id = @s and type = 'statement_recorded'",
            ("s", StreamKeys.Actor("lin-jian")));
        Assert.InRange(transactions, 1, 4);
    }

    [Fact]
    public async Task RecordStatement_SameStatementTwice_SecondIsNoOpAndAppendsNothing()
    {
        var source = await GivenActorAndSource("wang-yi", 2);
        var first = await Actor("wang-yi").RecordStatement(source.Statement("wang-yi", 0), Archivist);
        var before = await TestDatabase.EventCount(_cluster.Schema);

        var second = await Actor("wang-yi").RecordStatement(source.Statement("wang-yi", 0), Archivist);

        Assert.True(first.Appended);
        Assert.False(second.Appended);
        Assert.True(second.Succeeded);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(before, await TestDatabase.EventCount(_cluster.Schema));
    }

    [Fact]
    public async Task RecordStatement_QuoteDoesNotMatchSource_IsRefusedAndAppendsNothing()
    {
        var source = await GivenActorAndSource("ishaq-dar", 2);
        var before = await TestDatabase.EventCount(_cluster.Schema);

        var result = await Actor("ishaq-dar").RecordStatement(source.Statement("ishaq-dar", 0) with { Quote = "Something never said." }, Archivist);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e is { Kind: ErrorKind.Validation, Field: "quote" });
        Assert.Equal(before, await TestDatabase.EventCount(_cluster.Schema));
    }

    [Fact]
    public async Task Append_AnotherWriterChangedTheStream_ConflictIsDetectedAndStreamDoesNotFork()
    {
        // given a statement, and a second writer that appends to the same stream behind the grain's back
        var source = await GivenActorAndSource("jiang-zaidong", 2);
        var recorded = await Actor("jiang-zaidong").RecordStatement(source.Statement("jiang-zaidong", 0), Archivist);
        await using (var store = DocumentStore.For(o => Archive.Store.ArchiveStore.Configure(o, TestDatabase.ConnectionString, _cluster.Schema)))
        await using (var session = store.LightweightSession())
        {
            session.Events.Append(StreamKeys.Actor("jiang-zaidong"), 3L,
                new ActorAliasAdded("jiang-zaidong", "Ambassador Jiang", "other-writer", DateTimeOffset.UtcNow));
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // when the grain appends with the version it holds
        var verify = await Actor("jiang-zaidong").VerifyStatement(new VerifyStatement(recorded.Id!, "source-text-check"), Archivist);

        // then it is refused as a conflict, nothing overwrites the other writer's event, and a retry lands after it
        Assert.Contains(verify.Errors, e => e is { Kind: ErrorKind.Conflict, Field: "version" });
        var retry = await Eventually.Get(
            () => Actor("jiang-zaidong").VerifyStatement(new VerifyStatement(recorded.Id!, "source-text-check"), Archivist),
            r => r.Succeeded, what: "the grain to reload the stream");
        Assert.True(retry.Appended);
        var versions = await TestDatabase.Column<long>(
            $"select version from {_cluster.Schema}.mt_events where stream_id = @s order by seq_id", ("s", StreamKeys.Actor("jiang-zaidong")));
        Assert.Equal([1L, 2L, 3L, 4L], versions);
        var types = await TestDatabase.Column<string>(
            $"select type from {_cluster.Schema}.mt_events where stream_id = @s order by version", ("s", StreamKeys.Actor("jiang-zaidong")));
        Assert.Equal(["actor_registered", "statement_recorded", "actor_alias_added", "statement_verified"], types);
    }

    [Fact]
    public async Task Append_AnyEvent_RecordsPrincipalAndCorrelationIdInMetadata()
    {
        await GivenActorAndSource("shehbaz-sharif", 1);

        var principal = await TestDatabase.Column<string>(
            $"select headers ->> 'principal' from {_cluster.Schema}.mt_events where stream_id = @s", ("s", StreamKeys.Actor("shehbaz-sharif")));
        var correlation = await TestDatabase.Column<string>(
            $"select correlation_id from {_cluster.Schema}.mt_events where stream_id = @s", ("s", StreamKeys.Actor("shehbaz-sharif")));

        Assert.Equal(["archivist-ana"], principal);
        Assert.Equal(["corr-1"], correlation);
    }
}
