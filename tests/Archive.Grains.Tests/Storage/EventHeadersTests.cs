using Archive.Domain;
using Archive.Domain.Actors;
using Archive.Grains.Interfaces;
using Archive.Testing;
using Xunit;

namespace Archive.Grains.Tests.Storage;

/// <summary>A write's metadata headers (e.g. what proposed a statement) on its events, and the names the archive keeps for itself.</summary>
public sealed class EventHeadersTests : IAsyncLifetime
{
    private ArchiveCluster _cluster = null!;

    public async ValueTask InitializeAsync() => _cluster = await ArchiveCluster.Start();

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    private IActorGrain Actor(string id) => _cluster.Grains.GetGrain<IActorGrain>(id);

    private Task<List<string>> Header(string actorId, string name) => TestDatabase.Column<string>(
        $"select coalesce(headers ->> '{name}', '-') from {_cluster.Schema}.mt_events where stream_id = @s order by version", ("s", StreamKeys.Actor(actorId)));

    [Fact]
    public async Task RecordStatement_WithHeaders_EachEventCarriesThemBesidePrincipalAndHash()
    {
        // given an actor and a source, registered without headers
        var source = new SampleSource(2, "ana-kovac");
        var plain = new WriteContext("archivist-ana", "corr-1");
        Assert.True((await Actor("ana-kovac").Register(new RegisterActor("ana-kovac", "Ana Kovac", "person", "XM"), plain)).Succeeded);
        Assert.True((await _cluster.Grains.GetGrain<ISourceGrain>(source.Id).Register(source.Register(), plain)).Succeeded);

        // when a statement is recorded with headers
        var context = plain with { Headers = new Dictionary<string, string> { ["candidate-rule"] = "news:news.quote.attributed", ["extractor-version"] = "rules-1" } };
        Assert.True((await Actor("ana-kovac").RecordStatement(source.Statement("ana-kovac", 1), context)).Succeeded);

        // then only its event carries them, and the archive's own headers are intact
        Assert.Equal(["-", "news:news.quote.attributed"], await Header("ana-kovac", "candidate-rule"));
        Assert.Equal(["-", "rules-1"], await Header("ana-kovac", "extractor-version"));
        Assert.Equal(["archivist-ana", "archivist-ana"], await Header("ana-kovac", "principal"));
        Assert.DoesNotContain("-", await Header("ana-kovac", "hash"));
    }

    [Theory]
    [InlineData("principal", "mallory")]
    [InlineData("hash", "0000")]
    [InlineData("Principal", "mallory")]
    [InlineData("candidate rule", "x")]
    public async Task Write_HeaderTheArchiveOwnsOrMalformed_IsRefusedAndAppendsNothing(string name, string value)
    {
        var context = new WriteContext("archivist-ana", "corr-1", new Dictionary<string, string> { [name] = value });

        var result = await Actor("ines-calder").Register(new RegisterActor("ines-calder", "Ines Calder", "person", "XV"), context);

        Assert.Contains(result.Errors, e => e.Field == "headers");
        Assert.Empty(await Header("ines-calder", "principal"));
    }
}
