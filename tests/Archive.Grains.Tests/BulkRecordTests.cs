using Archive.Domain;
using Archive.Domain.Actors;
using Archive.Domain.Common;
using Archive.Domain.Topics;
using Archive.Testing;
using Xunit;
using Archive.Grains.Interfaces;

namespace Archive.Grains.Tests;

public sealed class BulkRecordTests : IAsyncLifetime
{
    private static readonly WriteContext Archivist = new("archivist-ana", "corr-bulk");
    private ArchiveCluster _cluster = null!;

    public async ValueTask InitializeAsync() => _cluster = await ArchiveCluster.Start();

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task RecordStatements_MixedGoodAndBad_EachAnsweredAndTheGoodOnesAppendedInOneTransaction()
    {
        // given an actor, a topic and a source
        var source = new SampleSource(5, "bulk");
        var actor = _cluster.Grains.GetGrain<IActorGrain>("wang-yi");
        Assert.True((await actor.Register(new RegisterActor("wang-yi", "Wang Yi", "person", "CN"), Archivist)).Appended);
        Assert.True((await _cluster.Grains.GetGrain<ITopicGrain>("cpec").Open(new OpenTopic("cpec", "CPEC"), Archivist)).Appended);
        Assert.True((await _cluster.Grains.GetGrain<ISourceGrain>(source.Id).Register(source.Register(), Archivist)).Succeeded);

        // when one call records good statements, one whose quote is not in the source, a repeat and one on an unknown topic
        var commands = new[]
        {
            source.Statement("wang-yi", 0, ["cpec"]),
            source.Statement("wang-yi", 1) with { Quote = "Words never said." },
            source.Statement("wang-yi", 2, ["cpec"]),
            source.Statement("wang-yi", 0, ["cpec"]),
            source.Statement("wang-yi", 3, ["no-such-topic"]),
            source.Statement("wang-yi", 4),
        };
        var results = await actor.RecordStatements(commands, Archivist);

        // then each is answered on its own
        Assert.Equal(6, results.Count);
        Assert.True(results[0].Appended);
        Assert.Contains(results[1].Errors, e => e is { Kind: ErrorKind.Validation, Field: "quote" });
        Assert.True(results[2].Appended);
        Assert.True(results[3].Succeeded && !results[3].Appended);
        Assert.Equal(results[0].Id, results[3].Id);
        Assert.Contains(results[4].Errors, e => e is { Kind: ErrorKind.NotFound, Field: "topics" });
        Assert.True(results[5].Appended);
        // and the three recorded statements are one append in one transaction, the filings one append to the topic
        var recorded = await TestDatabase.Column<string>(
            $"select xmin::text from {_cluster.Schema}.mt_events where stream_id = @s and type = 'statement_recorded'", ("s", StreamKeys.Actor("wang-yi")));
        Assert.Equal(3, recorded.Count);
        Assert.Single(recorded.Distinct());
        var filed = await TestDatabase.Column<string>(
            $"select data ->> 'statementId' from {_cluster.Schema}.mt_events where stream_id = @s and type = 'statement_filed' order by version", ("s", StreamKeys.Topic("cpec")));
        Assert.Equal([results[0].Id!, results[2].Id!], filed);
        Assert.All(results.Where(r => r.Appended), r => Assert.True(r.Position > 0));

        // when the same call is repeated, nothing more is appended
        var events = await TestDatabase.EventCount(_cluster.Schema);
        var again = await actor.RecordStatements(commands, Archivist);
        Assert.DoesNotContain(again, r => r.Appended);
        Assert.Equal(events, await TestDatabase.EventCount(_cluster.Schema));
    }
}
