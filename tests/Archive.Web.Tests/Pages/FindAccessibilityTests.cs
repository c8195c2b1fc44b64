using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Archive.Web.Tests.Pages;

/// <summary>axe-core on the search, actor and topic pages, in each state a person meets: no serious or critical violation.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class FindAccessibilityTests(WorkspaceHost host, Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task FindPages_Axe_NoSeriousOrCriticalViolation()
    {
        // given an actor with a role, a topic with a subtopic and a merged one, and statements over three months
        await host.RegisterActor("find-axe", "Kit Axelsen", "Spokesperson Axelsen");
        await host.AssignRole("find-axe", "spokesperson", "Ministry of Transport", new DateOnly(2023, 1, 1));
        await host.OpenTopic("find-rail", "Rail");
        await host.Post("/api/topics", new { id = "find-rail-night", title = "Night trains", parentId = "find-rail" });
        await host.OpenTopic("find-trains", "Trains");
        await FindData.Record(host, "Rail briefing",
            new Quote("find-axe", "Night trains to the coast start in June.", "2025-04-02", Topics: ["find-rail-night"]),
            new Quote("find-axe", "Rail fares stay frozen for a year.", "2025-05-10", Topics: ["find-rail", "find-trains"]),
            new Quote("find-axe", "Rail works close the bridge in July.", "2025-07-01"));
        await host.Post("/api/topics/find-trains/merge", new { into = "find-rail", reason = "one topic for the railways" });

        var failures = new List<string>();
        async Task Check(IPage page, string state, string heading)
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
            foreach (var summary in await page.Locator("details > summary").AllAsync()) await summary.ClickAsync();
            var result = await page.RunAxe();
            failures.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{state} ({page.Url}): {v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}"));
        }

        // when each page is checked as an auditor (who also sees the as-of field)
        var page = await browser.SignedIn(host, WorkspaceHost.Auditor);
        await page.GotoAsync("/search");
        await Check(page, "search, every statement", "Search");
        await page.GotoAsync("/search?q=rail&limit=1");
        await Check(page, "search with hits and a next page", "Search");
        await page.GotoAsync("/search?q=rail&saidFrom=2025-02-30&actor=nobody-known");
        await Check(page, "search refused", "Search");
        await page.GotoAsync("/search?q=nothingmatchesthis");
        await Check(page, "search without results", "Search");
        await page.GotoAsync("/actors");
        await Check(page, "actors", "Actors");
        await page.GotoAsync("/actors/find-axe");
        await Check(page, "actor with chart", "Kit Axelsen");
        await page.GotoAsync("/actors/find-axe?topic=find-rail");
        await Check(page, "actor's timeline on a topic", "Kit Axelsen");
        await page.GotoAsync("/topics");
        await Check(page, "topics", "Topics");
        await page.GotoAsync("/topics/find-rail");
        await Check(page, "topic with subtopic, merged topic and chart", "Rail");
        await page.GotoAsync("/topics/find-trains");
        await Check(page, "merged topic", "Trains");
        await page.GotoAsync("/actors/nobody-known");
        await Check(page, "actor not found", "Actor not found");

        // then axe found nothing serious
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
