using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Archive.Web.Tests.Pages;

/// <summary>Search: full text with the hits highlighted, each filter, pages that keep the filters, and its refusals.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class FindTests(WorkspaceHost host, Browser browser) : IClassFixture<Browser>
{
    private static ILocator Results(IPage page) => page.Locator("[data-results] > li");

    [Fact]
    public async Task Search_Term_FindsTheQuoteWithItsHitsHighlighted()
    {
        // given two statements, one with the searched word in a form of its own
        await host.RegisterActor("find-ana", "Ana Ortiz");
        var ids = await FindData.Record(host, "Zephyrine hearing",
            new Quote("find-ana", "The zephyrines will return to the northern valley next spring."),
            new Quote("find-ana", "Nothing else was said about the valley."));

        // when a reader searches for the word with the form
        var page = await browser.SignedIn(host, WorkspaceHost.Reader);
        await page.GetByRole(AriaRole.Link, new() { Name = "Search", Exact = true }).ClickAsync();
        await page.GetByLabel("Words in the quote", new() { Exact = true }).FillAsync("zephyrine");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();

        // then the address is the search without the empty fields, and the one quote shows with its hit marked
        await Expect(page).ToHaveURLAsync(new Regex("/search\\?q=zephyrine$"));
        await Expect(Results(page)).ToHaveCountAsync(1);
        await Expect(Results(page).First).ToHaveAttributeAsync("data-statement-id", ids[0]);
        await Expect(Results(page).Locator("mark[data-hit]")).ToHaveTextAsync("zephyrines");
        await Expect(Results(page).Locator("[data-result-speaker]")).ToHaveTextAsync("Ana Ortiz");
        await Expect(page.GetByLabel("Words in the quote", new() { Exact = true })).ToHaveValueAsync("zephyrine");
        Assert.True(browser.ErrorsOf(page).Count == 0, string.Join("\n", browser.ErrorsOf(page)));
    }

    [Fact]
    public async Task Search_EachFilter_NarrowsTheResults()
    {
        // given five statements with one word in common, told apart by speaker, topic, status, kind, day and recording time
        await host.RegisterActor("find-bo", "Bo Lindqvist", "Minister Lindqvist");
        await host.RegisterActor("find-cy", "Cy Moreau");
        await host.OpenTopic("find-ports", "Ports");
        var ids = await FindData.Record(host, "Quillwort briefing",
            new Quote("find-bo", "Quillwort grows in the harbour.", "2025-10-01", Topics: ["find-ports"]),
            new Quote("find-bo", "Quillwort must be protected.", "2025-11-15"),
            new Quote("find-cy", "Quillwort is a fern, she said.", "2025-12-20", "reported"),
            new Quote("find-cy", "We counted quillwort twice.", "2026-02-02"));
        await host.Post($"/api/statements/{ids[1]}/dispute", new { reason = "the ministry denies it" });
        var second = await FindData.RecordedAt(host, ids[1]);
        var third = await FindData.RecordedAt(host, ids[2]);
        var between = FindData.Instant(second + (third - second) / 2);
        var page = await browser.SignedIn(host, WorkspaceHost.Reader);
        async Task<string[]> Found(string query)
        {
            await page.GotoAsync("/search?q=quillwort" + query);
            await Expect(page.Locator("#results-heading")).ToBeVisibleAsync();
            // a search lists the best matches first: which statements, not their order, is what a filter decides
            return [.. (await Results(page).EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.statementId)")).Order()];
        }
        string[] These(params string[] wanted) => [.. wanted.Order()];

        // when each filter is applied (speaker by alias and topic through the form's fields, the rest by address)
        Assert.Equal(4, (await Found("")).Length);
        await page.GetByLabel("Speaker", new() { Exact = true }).FillAsync("Minister Lindqvist");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(Results(page)).ToHaveCountAsync(2);
        await page.GetByLabel("Topic", new() { Exact = true }).SelectOptionAsync("find-ports");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply the filters" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("actor=Minister%20Lindqvist&topic=find-ports$|actor=Minister\\+Lindqvist&topic=find-ports$"));

        // then each narrows the results to the statements it names
        Assert.Equal([ids[0]], await Results(page).EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.statementId)"));
        Assert.Equal(These(ids[1]), await Found("&status=disputed"));
        Assert.Equal(These(ids[2]), await Found("&quoteKind=reported"));
        Assert.Equal(These(ids[1], ids[2]), await Found("&saidFrom=2025-11-01&saidTo=2025-12-31"));
        Assert.Equal(These(ids[2], ids[3]), await Found($"&recordedFrom={between}"));
        Assert.Equal(These(ids[0], ids[1]), await Found($"&recordedTo={between}"));
    }

    [Fact]
    public async Task Search_AsOf_AnAuditorSeesTheStatusOfThenAReaderIsRefused()
    {
        // given a statement disputed after it was recorded
        await host.RegisterActor("find-dag", "Dag Hale");
        var ids = await FindData.Record(host, "Samphire note", new Quote("find-dag", "Samphire prices will double."));
        await host.Post($"/api/statements/{ids[0]}/dispute", new { reason = "no source for the figure" });
        var recorded = await FindData.RecordedAt(host, ids[0]);
        var disputed = (await host.Get($"/api/statements/{ids[0]}")).GetProperty("updatedAt").GetDateTimeOffset();
        var before = FindData.Instant(recorded + (disputed - recorded) / 2);

        // when an auditor searches for disputed ones now and as of the time between
        var auditor = await browser.SignedIn(host, WorkspaceHost.Auditor);
        await auditor.GotoAsync("/search?q=samphire&status=disputed");
        await Expect(Results(auditor)).ToHaveCountAsync(1);
        await auditor.GotoAsync($"/search?q=samphire&status=disputed&asOf={before}");

        // then it was not disputed then, and the field shows the instant
        await Expect(auditor.Locator("[data-no-results]")).ToBeVisibleAsync();
        await Expect(auditor.GetByLabel("As of (UTC)", new() { Exact = true })).Not.ToHaveValueAsync("");
        await auditor.GotoAsync($"/search?q=samphire&status=recorded&asOf={before}");
        await Expect(Results(auditor)).ToHaveCountAsync(1);

        // and a reader is offered no such field and refused the address
        var reader = await browser.SignedIn(host, WorkspaceHost.Reader);
        await reader.GotoAsync("/search?q=samphire");
        await Expect(reader.GetByLabel("As of (UTC)", new() { Exact = true })).ToHaveCountAsync(0);
        var refused = await reader.GotoAsync($"/search?q=samphire&asOf={before}");
        Assert.Equal(403, refused!.Status);
    }

    [Fact]
    public async Task Search_Paging_TheNextPageKeepsTheFilters()
    {
        // given three statements of one speaker with a word, and one of another speaker with it
        await host.RegisterActor("find-eli", "Eli Park");
        await host.RegisterActor("find-fay", "Fay Stone");
        var ids = await FindData.Record(host, "Marrowfat digest",
            new Quote("find-eli", "Marrowfat peas first.", "2025-01-10"),
            new Quote("find-fay", "Marrowfat peas for all.", "2025-02-10"),
            new Quote("find-eli", "Marrowfat peas again.", "2025-03-10"),
            new Quote("find-eli", "Marrowfat peas at last.", "2025-04-10"));

        // when the first page of two is followed by its link
        var page = await browser.SignedIn(host, WorkspaceHost.Reader);
        await page.GotoAsync("/search?q=marrowfat&actor=find-eli&limit=2");
        await Expect(Results(page)).ToHaveCountAsync(2);
        var firstPage = await Results(page).EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.statementId)");
        await page.GetByRole(AriaRole.Link, new() { Name = "More results" }).ClickAsync();

        // then the second page has the rest, of the same speaker, and its address carries every filter
        await Expect(page).ToHaveURLAsync(new Regex("/search\\?q=marrowfat&actor=find-eli&limit=2&cursor=[A-Za-z0-9_-]+$"));
        await Expect(Results(page)).ToHaveCountAsync(1);
        var secondPage = await Results(page).EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.statementId)");
        Assert.Equal(new[] { ids[0], ids[2], ids[3] }.Order(), firstPage.Concat(secondPage).Order());
        await Expect(page.GetByLabel("Speaker", new() { Exact = true })).ToHaveValueAsync("find-eli");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "More results" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "First page" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/search\\?q=marrowfat&actor=find-eli&limit=2$"));
    }

    [Fact]
    public async Task Search_BadDatesAndUnknownSpeaker_RefusedBesideEachField()
    {
        // given a reader's search with a date that does not exist, a time that is no time and a speaker nobody has
        var page = await browser.SignedIn(host, WorkspaceHost.Reader);

        // when it is opened
        var response = await page.GotoAsync("/search?q=anything&saidFrom=2026-13-01&recordedTo=yesterday&actor=nobody-at-all");

        // then it is refused with each reason beside its field, what was typed is kept, and no result is shown
        Assert.Equal(400, response!.Status);
        await Expect(page.Locator("#saidFrom-error")).ToContainTextAsync("2026-13-01");
        await Expect(page.Locator("#recordedTo-error")).ToContainTextAsync("yesterday");
        await Expect(page.Locator("#actor-error")).ToContainTextAsync("nobody-at-all");
        await Expect(page.GetByLabel("Speaker", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator(".error-summary li")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-results]")).ToHaveCountAsync(0);
    }
}
