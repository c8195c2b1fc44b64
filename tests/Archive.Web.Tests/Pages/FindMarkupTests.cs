using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Archive.Web.Tests.Pages;

/// <summary>Stored markup in actor names, aliases, topic titles, quotes and source titles renders as text on the find pages, and nothing runs.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class FindMarkupTests(WorkspaceHost host, Browser browser) : IClassFixture<Browser>
{
    private static readonly string[] Battery = MarkupTests.Battery;

    [Fact]
    public async Task StoredMarkup_OnTheFindPages_RendersAsTextAndRunsNothing()
    {
        // given an actor, a topic and a subtopic named with markup, and a quote and a source title made of it
        var battery = string.Join(" | ", Battery);
        await host.RegisterActor("find-markup", $"Actor {Battery[1]}", Battery[2], Battery[0]);
        await host.OpenTopic("find-markup", $"Topic {Battery[3]}");
        await host.Post("/api/topics", new { id = "find-markup-sub", title = $"Sub {Battery[4]}", parentId = "find-markup" });
        var ids = await FindData.Record(host, $"Title {battery}",
            new Quote("find-markup", $"Xylograph {battery} ends here.", Topics: ["find-markup", "find-markup-sub"]));

        // when a reader opens every find page that shows them
        var page = await browser.SignedIn(host, WorkspaceHost.Reader);
        var pages = new (string Path, string[] Shown)[]
        {
            ("/search?q=xylograph", Battery),
            ($"/search?q=xylograph&actor=find-markup&topic=find-markup", Battery),
            ("/actors", [Battery[1], Battery[2], Battery[0]]),
            ("/actors/find-markup", Battery),
            ("/actors/find-markup?topic=find-markup", Battery),
            ("/topics", [Battery[3], Battery[4]]),
            ("/topics/find-markup", Battery),
            ("/topics/find-markup-sub", Battery),
        };
        foreach (var (path, shown) in pages)
        {
            await page.GotoAsync(path);

            // then no script ran, no element of theirs exists (the charts' own SVG aside), and their characters are there as text
            Assert.Null(await page.EvaluateAsync<string?>("() => window.__pwned ?? null"));
            await Expect(page.Locator("main img, main iframe, main script, main svg:not(.chart-svg):not(.swatch), body > script:not([src]), [onload], [onerror]")).ToHaveCountAsync(0);
            var text = await page.Locator("body").EvaluateAsync<string>("b => b.textContent + ' ' + [...b.querySelectorAll('input, option')].map(e => e.value + ' ' + e.textContent).join(' ')");
            foreach (var markup in shown)
                Assert.True(text.Contains(markup, StringComparison.Ordinal), $"{path}: '{markup}' is not shown as text");
        }
        await page.GotoAsync("/search?q=xylograph");
        await Expect(page.Locator($"[data-statement-id='{ids[0]}'] mark[data-hit]")).ToHaveTextAsync("Xylograph");
        Assert.True(browser.ErrorsOf(page).Count == 0, string.Join("\n", browser.ErrorsOf(page)));
    }
}
