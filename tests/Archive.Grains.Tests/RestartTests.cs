using Archive.Domain.Actors;
using Archive.Domain.Statements;
using Archive.Testing;
using Xunit;
using Archive.Grains.Interfaces;

namespace Archive.Grains.Tests;

public sealed class RestartTests
{
    private static readonly WriteContext Archivist = new("archivist-ana", null);

    [Fact]
    public async Task Restart_ClusterStoppedAndStarted_GrainsReloadTheirStreamsAndContinueTheirVersions()
    {
        // given an archive written by one cluster
        var source = new SampleSource(3, "restart");
        string schema, statementId;
        long eventsBefore;
        await using (var first = await ArchiveCluster.Start())
        {
            schema = first.Schema;
            var actor = first.Grains.GetGrain<IActorGrain>("xi-jinping");
            await actor.Register(new RegisterActor("xi-jinping", "Xi Jinping", "person", "CN"), Archivist);
            await first.Grains.GetGrain<ISourceGrain>(source.Id).Register(source.Register(), Archivist);
            statementId = (await actor.RecordStatement(source.Statement("xi-jinping", 0), Archivist)).Id!;
            eventsBefore = await TestDatabase.EventCount(schema);
        }

        // when a new cluster starts on the same store
        await using var second = await ArchiveCluster.Start(schema);
        var reactivated = second.Grains.GetGrain<IActorGrain>("xi-jinping");
        var repeat = await reactivated.RecordStatement(source.Statement("xi-jinping", 0), Archivist);
        var sourceState = await second.Grains.GetGrain<ISourceGrain>(source.Id).Get();
        var verified = await reactivated.VerifyStatement(new VerifyStatement(statementId, "source-text-check"), Archivist);

        // then the state was loaded: the repeat is a no-op and the next event follows the stored version
        Assert.False(repeat.Appended);
        Assert.True(sourceState.Exists);
        Assert.Equal(source.Text, sourceState.Text);
        Assert.True(verified.Appended);
        Assert.Equal(3, verified.Version);
        Assert.Equal(eventsBefore + 1, await TestDatabase.EventCount(schema));
    }
}
