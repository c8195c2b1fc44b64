using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Archive.Web.Tests.Pages;

/// <summary>
/// The pictures of the search, actor and topic pages in docs/screenshots, taken as <see cref="ScreenshotTests"/> takes
/// the others (into a folder of their own here, so each test counts only its own pictures).
/// </summary>
[Collection(WorkspaceCollection.Name)]
public sealed class FindScreenshotTests(WorkspaceHost host, Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task FindPages_Screenshots_AreTakenAsPngs()
    {
        // given a spokesperson's statements on two topics over five months
        await host.RegisterActor("find-mei-lin", "Mei Lin", "Spokesperson Mei");
        await host.AssignRole("find-mei-lin", "spokesperson", "Ministry of Foreign Affairs", new DateOnly(2024, 9, 2));
        await host.OpenTopic("find-shipping", "Shipping lanes");
        await host.OpenTopic("find-fisheries", "Fisheries");
        await FindData.Record(host, "Foreign ministry briefings, spring 2025",
            new Quote("find-mei-lin", "Shipping lanes in the strait remain open to all vessels.", "2025-02-11", Topics: ["find-shipping"]),
            new Quote("find-mei-lin", "We have asked both sides to keep the shipping lanes safe.", "2025-03-04", Topics: ["find-shipping"]),
            new Quote("find-mei-lin", "The fisheries agreement will be signed before summer.", "2025-03-18", Topics: ["find-fisheries"]),
            new Quote("find-mei-lin", "Talks on shipping and fisheries resume next week.", "2025-04-22", Topics: ["find-shipping", "find-fisheries"]),
            new Quote("find-mei-lin", "No new patrols are planned in the lanes.", "2025-06-03", Topics: ["find-shipping"]));

        var shots = new Screenshots("screenshots-find");

        // when the search, the actor's page and a topic's page are opened and photographed
        var page = await browser.SignedIn(host, WorkspaceHost.Archivist);
        await page.GotoAsync("/search?q=shipping+lanes&actor=find-mei-lin");
        await Expect(page.Locator("[data-results] > li")).ToHaveCountAsync(2);
        await shots.Take(page, "search");
        await page.GotoAsync("/actors/find-mei-lin");
        await shots.Take(page, "actor");
        await page.GotoAsync("/topics/find-shipping");
        await shots.Take(page, "topic");

        // then each is a picture of its page
        Assert.Equal(3, Directory.GetFiles(shots.Folder, "*.png").Length);
    }
}
