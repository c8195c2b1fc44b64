using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Archive.Web.Tests.Sessions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Archive.Web.Tests.Pages;

/// <summary>Correcting a source's description with a reason (never its text), and registering a source from an .html page.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class SourceCorrectionTests(WorkspaceHost host, Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task Correct_TitleAndDate_TheDetailsChangeAndTheHistoryTellsWhoWhenWhy()
    {
        // given a source registered with a wrong title and date
        const string text = "The council met and adjourned. Nothing was decided.";
        var id = await host.RegisterSource("Council meating", text, publishedOn: "2026-03-04", outlet: "Town Crier");
        var page = await browser.SignedIn(host, WorkspaceHost.Archivist);
        await page.GotoAsync($"/sources/{id}");

        // when the archivist corrects them with a reason
        var form = page.Locator("details[data-action='correct']");
        await form.Locator("summary").ClickAsync();
        await form.GetByLabel("Title (corrected)", new() { Exact = true }).FillAsync("Council meeting");
        await form.GetByLabel("Published on (corrected)", new() { Exact = true }).FillAsync("2026-03-05");
        await form.GetByLabel("Reason for the correction", new() { Exact = true }).FillAsync("the outlet's page misspelt the title and gave the wrong day");
        await form.GetByRole(AriaRole.Button, new() { Name = "Correct" }).ClickAsync();

        // then the page shows the corrected description at once, the same text, and the history names the change
        await Expect(page).ToHaveURLAsync(new Regex($"/sources/{id}\\?minPosition=\\d+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Council meeting");
        await Expect(page.Locator("dd", new() { HasText = "2026-03-05" })).ToBeVisibleAsync();
        await Expect(page.Locator("dd", new() { HasText = "Town Crier" })).ToBeVisibleAsync();
        Assert.Equal(text, await page.Locator("[data-source-text]").EvaluateAsync<string>("e => e.textContent"));
        var events = page.Locator("[data-source-history] > li");
        Assert.Equal(["source_registered", "source_corrected"], await events.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.eventType)"));
        var corrected = events.Nth(1);
        await Expect(corrected.Locator("[data-who]")).ToHaveTextAsync(WorkspaceHost.ArchivistName);
        await Expect(corrected.Locator("[data-why]")).ToHaveTextAsync("the outlet's page misspelt the title and gave the wrong day");
        await Expect(corrected.Locator(".details li")).ToHaveTextAsync(["title: Council meeting", "published on: 2026-03-05"]);
    }

    [Fact]
    public async Task Correct_NothingChanged_RefusedSayingSoAndNothingRecorded()
    {
        // given a source's correction form left as it is
        var id = await host.RegisterSource("Unchanged notice", "An unchanged notice was read out.");
        var page = await browser.SignedIn(host, WorkspaceHost.Archivist);
        await page.GotoAsync($"/sources/{id}");
        var form = page.Locator("details[data-action='correct']");
        await form.Locator("summary").ClickAsync();
        await form.GetByLabel("Reason for the correction", new() { Exact = true }).FillAsync("checking");

        // when it is sent
        await form.GetByRole(AriaRole.Button, new() { Name = "Correct" }).ClickAsync();

        // then the form is open again saying what is missing, and the history holds only the registration
        await Expect(form).ToHaveAttributeAsync("open", "");
        await Expect(form.Locator("[data-error-for='correct-form']")).ToContainTextAsync("name at least one of");
        await Expect(form.GetByLabel("Reason for the correction", new() { Exact = true })).ToHaveValueAsync("checking");
        await Expect(page.Locator("[data-source-history] > li")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Correct_AsReaderOrWithoutToken_RefusedAndNoFormShown()
    {
        var id = await host.RegisterSource("Guarded notice", "A guarded notice was posted.");

        // given a reader: no correction form on the page, and its post refused with 403
        var page = await browser.SignedIn(host, WorkspaceHost.Reader);
        await page.GotoAsync($"/sources/{id}");
        await Expect(page.Locator("[data-source-text]")).ToBeVisibleAsync();
        await Expect(page.Locator("details[data-action='correct']")).ToHaveCountAsync(0);
        using var reader = new FormClient(host);
        (await reader.SignIn(WorkspaceHost.Reader)).Dispose();
        var token = await reader.TokenFrom($"/sources/{id}");
        using var forbidden = await reader.Post($"/sources/{id}/corrections", [new("__RequestVerificationToken", token), new("title", "Taken"), new("reason", "a reader's try")]);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        // given an archivist without the page's token: refused with 400
        using var archivist = new FormClient(host);
        (await archivist.SignIn(WorkspaceHost.Archivist)).Dispose();
        using var forged = await archivist.Post($"/sources/{id}/corrections", [new("title", "Forged"), new("reason", "another site's form")]);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        // and the title is as registered
        Assert.Equal("Guarded notice", (await host.Get($"/api/sources/{id}")).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Register_UploadedHtmlPage_ItsMainTextAndDescriptionAsTheApiReadsThem()
    {
        // given an .html page with navigation, a headline, metadata and an article
        const string html = """
            <!DOCTYPE html><html lang="en"><head><title>Bridge to open in May | Valley Post</title>
            <meta property="og:site_name" content="Valley Post"><meta property="article:published_time" content="2026-04-02T09:00:00+00:00">
            <link rel="canonical" href="https://valley.example/bridge"></head>
            <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <article><h1>Bridge to open in May</h1>
            <p>The new river bridge will open to traffic in May, the mayor's office said on Thursday.</p>
            <p>"The last inspections are under way," said the city engineer, who asked for patience with the works.</p>
            <p>Cyclists will have a lane of their own on both sides of the bridge.</p></article>
            <footer>© Valley Post</footer></body></html>
            """;
        var page = await browser.SignedIn(host, WorkspaceHost.Archivist);
        await page.GotoAsync("/sources/new");

        // when it is uploaded with no title typed
        await page.GetByLabel("File (.txt or .html, UTF-8)", new() { Exact = true })
            .SetInputFilesAsync(new FilePayload { Name = "bridge.html", MimeType = "text/html", Buffer = Encoding.UTF8.GetBytes(html) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        // then the source is the page's main text with the page's title, outlet, address and date, as the API registers it
        await Expect(page).ToHaveURLAsync(new Regex("/sources/src-[0-9a-f]{20}\\?minPosition=\\d+$"));
        var expected = Archive.Store.Sources.HtmlSource.Registration(html);
        Assert.EndsWith(expected.SourceId, new Uri(page.Url).AbsolutePath);
        Assert.Equal(expected.Text, await page.Locator("[data-source-text]").EvaluateAsync<string>("e => e.textContent"));
        Assert.Contains("Cyclists will have a lane", expected.Text);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(expected.Title);
        await Expect(page.Locator("dd", new() { HasText = "Valley Post" })).ToBeVisibleAsync();
        await Expect(page.Locator("dd", new() { HasText = "2026-04-02" })).ToBeVisibleAsync();
        await Expect(page.Locator("dd a[href='https://valley.example/bridge']")).ToBeVisibleAsync();
    }
}
