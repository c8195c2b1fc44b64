using Archive.Api.Seeds;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Archive.Api.Tests;

public sealed class SeedTests
{
    private static async Task<List<Item>> AllStatements(HttpClient client)
    {
        var items = new List<Item>();
        string? cursor = null;
        do
        {
            var page = await client.Get<Page>("/api/statements?limit=7" + (cursor is null ? "" : $"&cursor={cursor}"));
            Assert.Equal(200, page.Status);
            items.AddRange(page.Body!.Items);
            cursor = page.Body.Next;
        } while (cursor is not null);
        return items;
    }

    [Fact]
    public async Task Seeds_ImportedOnStartThenAgainThenAfterRestart_ArchiveHoldsThemOnceAndNothingIsAppendedTwice()
    {
        // given a fresh archive started with the repository's seeds
        string schema;
        long events;
        List<Item> statements;
        await using (var factory = await ArchiveApiFactory.Start(seeds: ArchiveApiFactory.RepositorySeeds))
        {
            schema = factory.Schema;
            var first = await factory.SeedImport();
            Assert.NotNull(first);
            Assert.Empty(first.Failures);
            Assert.True(first.Appended > 0);

            using var client = factory.CreateClient();
            statements = await AllStatements(client);
            Assert.True(statements.Count >= 40, $"{statements.Count} seed statements");
            Assert.True(statements.Select(s => s.ActorId).Distinct().Count() >= 8);
            Assert.Equal(statements.Count, statements.Select(s => s.Id).Distinct().Count());
            Assert.All(statements, s => Assert.Equal("verified", s.Status));
            Assert.Equal(statements.OrderBy(s => s.SaidOn, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal).Select(s => s.Id),
                statements.Select(s => s.Id));

            // when the seeds are imported a second time
            events = await factory.EventCount();
            var second = await factory.Services.GetRequiredService<SeedImportService>().Import(ArchiveApiFactory.RepositorySeeds, TestContext.Current.CancellationToken);

            // then nothing is appended
            Assert.Equal(0, second.Appended);
            Assert.Empty(second.Failures);
            Assert.Equal(events, await factory.EventCount());
        }

        // when the host restarts on the same store (and imports the seeds again on start)
        await using var restarted = await ArchiveApiFactory.Start(schema, ArchiveApiFactory.RepositorySeeds);
        var third = await restarted.SeedImport();
        using var again = restarted.CreateClient();

        // then the archive is intact and unchanged
        Assert.Equal(0, third!.Appended);
        Assert.Equal(events, await restarted.EventCount());
        Assert.Equal(statements.Select(s => s.Id), (await AllStatements(again)).Select(s => s.Id));
    }
}
