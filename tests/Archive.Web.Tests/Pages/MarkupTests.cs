using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Archive.Web.Tests.Pages;

/// <summary>Stored strings that are markup or script render as their own characters on every page, and nothing runs.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class MarkupTests(WorkspaceHost host, Browser browser) : IClassFixture<Browser>
{
    /// <summary>Each would run a script or add an element if it were written into a page unescaped.</summary>
    public static readonly string[] Battery =
    [
        "<script>window.__pwned='script'</script>",
        "<img src=x onerror=\"window.__pwned='img'\">",
        "\"><svg onload=\"window.__pwned='svg'\">",
        "</textarea><script>window.__pwned='textarea'</script>",
        "'><iframe srcdoc=\"<script>parent.__pwned='frame'</script>\">",
        "&lt;b&gt; &amp; {{7*7}} @(1+1) ${1+1}",
    ];

    [Fact]
    public async Task StoredMarkup_OnEveryPage_RendersAsTextAndRunsNothing()
    {
        // given titles, outlets, names, aliases, topic titles, quotes, occasions, notes and reasons made of markup
        var battery = string.Join(" | ", Battery);
        await host.RegisterActor("mark-up", $"Actor {Battery[1]}", Battery[2], Battery[0]);
        await host.OpenTopic("markup", $"Topic {Battery[3]}");
        var text = $"Opening line. The actor said: {battery} Closing line.";
        var source = await host.RegisterSource($"Title {battery}", text, outlet: $"Outlet {Battery[4]}");
        var start = text.IndexOf(Battery[0], StringComparison.Ordinal);
        var id = await host.RecordStatement("mark-up", source, battery, start, start + battery.Length);
        await host.Post($"/api/statements/{id}/verify", new { method = Battery[3], note = Battery[4] });
        await host.Post($"/api/statements/{id}/dispute", new { reason = battery });
        await host.Post("/api/topics/markup/statements", new { statementId = id });

        // when an archivist opens every page that shows them
        var page = await browser.SignedIn(host, WorkspaceHost.Archivist);
        foreach (var path in new[] { "/sources", $"/sources/{source}", $"/sources/{source}/record?start={start}&end={start + 5}", $"/statements/{id}" })
        {
            await page.GotoAsync(path);

            // then no script ran, no element of theirs exists, and their characters are on the page as text
            Assert.Null(await page.EvaluateAsync<string?>("() => window.__pwned ?? null"));
            await Expect(page.Locator("main img, main svg, main iframe, main script, body > script:not([src])")).ToHaveCountAsync(0);
            var shown = await page.Locator("body").EvaluateAsync<string>("b => b.textContent + ' ' + [...b.querySelectorAll('input, textarea, option')].map(e => e.value + ' ' + e.textContent).join(' ')");
            foreach (var markup in Battery)
                Assert.Contains(markup, shown);
        }
        Assert.Equal(text, await (await GotoSource(page, source)).EvaluateAsync<string>("e => e.textContent"));
        Assert.True(browser.ErrorsOf(page).Count == 0, string.Join("\n", browser.ErrorsOf(page)));
    }

    [Fact]
    public async Task StoredMarkup_OnTheAuditCorrectionCandidateAndAmendPages_RendersAsTextAndRunsNothing()
    {
        // given a speaker, a source and its correction's reason, a quote made of markup, and a candidate in the same text
        var battery = string.Join(" | ", Battery);
        await host.RegisterActor("mark-two", $"Marker {Battery[1]}");
        var text = $"OSTBY, May 4 – Marker, the clerk, said on Monday: \"{battery}\" The session closed.";
        var source = await host.RegisterSource($"Second title {battery}", text, outlet: $"Outlet {Battery[2]}");
        await host.Post($"/api/sources/{source}/corrections", new { outlet = $"Corrected {Battery[4]}", reason = battery });
        var start = text.IndexOf(Battery[0], StringComparison.Ordinal);
        var id = await host.RecordStatement("mark-two", source, battery, start, start + battery.Length);

        // when an archivist opens each new page that shows them
        var page = await browser.SignedIn(host, WorkspaceHost.Archivist);
        var paths = new Dictionary<string, string[]>
        {
            [$"/sources/{source}"] = Battery,
            [$"/sources/{source}/record?candidate=0"] = [],
            [$"/statements/{id}/amend-quote"] = Battery,
            [$"/statements/{id}/amend-quote?start={start}&end={start + 5}"] = Battery,
            [$"/statements/{id}/verify"] = [Battery[1]],
            ["/audit"] = [],
        };
        foreach (var (path, shown) in paths)
        {
            await page.GotoAsync(path);

            // then no script ran, no element of theirs exists, and their characters are on the page as text
            Assert.Null(await page.EvaluateAsync<string?>("() => window.__pwned ?? null"));
            await Expect(page.Locator("main img, main svg, main iframe, main script, body > script:not([src])")).ToHaveCountAsync(0);
            var content = await page.Locator("body").EvaluateAsync<string>("b => b.textContent + ' ' + [...b.querySelectorAll('input, textarea, option')].map(e => e.value + ' ' + e.textContent).join(' ')");
            foreach (var markup in shown) Assert.Contains(markup, content);
        }
        Assert.True(browser.ErrorsOf(page).Count == 0, string.Join("\n", browser.ErrorsOf(page)));
    }

    private static async Task<ILocator> GotoSource(IPage page, string source)
    {
        await page.GotoAsync($"/sources/{source}");
        return page.Locator("[data-source-text]");
    }
}
