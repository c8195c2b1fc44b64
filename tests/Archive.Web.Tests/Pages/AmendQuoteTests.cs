using System.Net;
using System.Text.RegularExpressions;
using Archive.Web.Tests.Sessions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Archive.Web.Tests.Pages;

/// <summary>Amending a statement's quote by selecting its passage again in the source, with a reason.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class AmendQuoteTests(WorkspaceHost host, Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    // an emoji before the passage: the span is in code points, not the browser's UTF-16 units
    private const string Text = "Harbour update. 🚢 Mira Holt said: “The pier will reopen – after the storm season.” Repairs go on.";
    private string _source = "";

    public async ValueTask InitializeAsync()
    {
        await host.RegisterActor("mira-holt", "Mira Holt");
        _source = await host.RegisterSource("Harbour update", Text);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static int CodePoints(string text, string passage) => text[..text.IndexOf(passage, StringComparison.Ordinal)].EnumerateRunes().Count();

    [Fact]
    public async Task AmendQuote_ReselectedPassage_SpanAndQuoteChangeAndTheHistoryShowsAWordDiff()
    {
        // given a statement whose quote stops short of its sentence
        const string before = "The pier will reopen";
        var start = CodePoints(Text, before);
        var id = await host.RecordStatement("mira-holt", _source, before, start, start + before.Length);
        var page = await browser.SignedIn(host, WorkspaceHost.Archivist);
        await page.GotoAsync($"/statements/{id}");

        // when the archivist opens "Amend quote", selects the whole sentence and amends with a reason
        await page.GetByRole(AriaRole.Link, new() { Name = "Amend quote" }).ClickAsync();
        await Expect(page.Locator($"[data-source-text] mark[data-statement-id='{id}']")).ToHaveTextAsync(before);
        const string after = "The pier will reopen – after the storm season.";
        await Selection.Select(page, after);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use the selected passage" }).ClickAsync();
        await Expect(page.GetByLabel("New quote", new() { Exact = true })).ToHaveValueAsync(after);
        var newStart = CodePoints(Text, after);
        await Expect(page.Locator("[data-span-start]")).ToHaveTextAsync(newStart.ToString());
        await Expect(page.Locator("[data-span-end]")).ToHaveTextAsync((newStart + after.EnumerateRunes().Count()).ToString());
        await page.GetByLabel("Reason for the amendment", new() { Exact = true }).FillAsync("the sentence goes on");
        await page.GetByRole(AriaRole.Button, new() { Name = "Amend quote" }).ClickAsync();

        // then the statement's page shows the new quote and span at once
        await Expect(page).ToHaveURLAsync(new Regex($"/statements/{id}\\?minPosition=\\d+$"));
        var mark = page.Locator("[data-quote-context] mark");
        await Expect(mark).ToHaveTextAsync(after);
        await Expect(mark).ToHaveAttributeAsync("data-span-start", newStart.ToString());
        await Expect(mark).ToHaveAttributeAsync("data-span-end", (newStart + after.EnumerateRunes().Count()).ToString());
        var stored = await host.Get($"/api/statements/{id}");
        Assert.Equal(after, stored.GetProperty("quote").GetString());
        Assert.Equal(newStart, stored.GetProperty("span").GetProperty("start").GetInt32());

        // and the history shows the amendment with its reason and the words it added
        var amended = page.Locator("[data-history] > li[data-event-type='statement_amended']");
        await Expect(amended.Locator("[data-why]")).ToHaveTextAsync("the sentence goes on");
        await Expect(amended.Locator("[data-diff] ins")).ToHaveTextAsync("– after the storm season.");
        await Expect(amended.Locator("[data-diff] del")).ToHaveCountAsync(0);
        Assert.True(browser.ErrorsOf(page).Count == 0, string.Join("\n", browser.ErrorsOf(page)));
    }

    [Fact]
    public async Task AmendQuote_WithoutAReason_RefusedBesideTheReasonAndNothingChanges()
    {
        // given the amend page with a passage selected
        const string quote = "Repairs go on.";
        var start = CodePoints(Text, quote);
        var id = await host.RecordStatement("mira-holt", _source, quote, start, start + quote.Length);
        var page = await browser.SignedIn(host, WorkspaceHost.Archivist);
        await page.GotoAsync($"/statements/{id}/amend-quote?start={start - 16}&end={start + quote.Length}");

        // when it is sent with a blank reason (past the browser's own check)
        await page.GetByLabel("Reason for the amendment", new() { Exact = true }).EvaluateAsync("e => { e.required = false; e.value = '  '; }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Amend quote" }).ClickAsync();

        // then the reason is refused beside its field and the statement keeps its quote
        await Expect(page.Locator("#reason-error")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Reason for the amendment", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(quote, (await host.Get($"/api/statements/{id}")).GetProperty("quote").GetString());
    }

    [Fact]
    public async Task AmendQuote_AsReaderOrWithoutToken_RefusedAndNoControlShown()
    {
        const string quote = "Harbour update.";
        var id = await host.RecordStatement("mira-holt", _source, quote, 0, quote.Length);

        // given a reader: no "Amend quote" on the statement, the page refused, and its post refused with 403
        var page = await browser.SignedIn(host, WorkspaceHost.Reader);
        await page.GotoAsync($"/statements/{id}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Amend quote" })).ToHaveCountAsync(0);
        Assert.Equal(403, (await page.GotoAsync($"/statements/{id}/amend-quote"))!.Status);
        using var reader = new FormClient(host);
        (await reader.SignIn(WorkspaceHost.Reader)).Dispose();
        var token = await reader.TokenFrom($"/statements/{id}");
        using var forbidden = await reader.Post($"/statements/{id}/amend-quote", [new("__RequestVerificationToken", token), new("quote", "Repairs go on."), new("reason", "a reader's try")]);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        // given an archivist without the page's token: refused with 400
        using var archivist = new FormClient(host);
        (await archivist.SignIn(WorkspaceHost.Archivist)).Dispose();
        using var forged = await archivist.Post($"/statements/{id}/amend-quote", [new("quote", "Repairs go on."), new("reason", "another site's form")]);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        // and the quote is as recorded
        Assert.Equal(quote, (await host.Get($"/api/statements/{id}")).GetProperty("quote").GetString());
    }
}
