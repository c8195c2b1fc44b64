using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Archive.Web.Tests.Pages;

/// <summary>Registering a source by pasting or uploading its text, and the list of sources.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class SourceTests(WorkspaceHost host, Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task Register_UploadedTxt_TheSourcePageShowsTheNormalisedText()
    {
        // given a UTF-8 .txt file with a byte order mark, Windows line ends, CJK and an emoji
        var page = await browser.SignedIn(host, WorkspaceHost.Archivist);
        await page.GetByRole(AriaRole.Link, new() { Name = "Register a source" }).First.ClickAsync();
        const string text = "  声明：合作共赢。\r\n😀 “Quoted” – dashed.\r\n  ";
        var file = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        // when it is uploaded with a title and a date
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Uploaded statement");
        await page.GetByLabel("Published on", new() { Exact = true }).FillAsync("2026-02-01");
        await page.GetByLabel("File (.txt or .html, UTF-8)", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "statement.txt", MimeType = "text/plain", Buffer = file });
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        // then its page shows the stored text exactly: trimmed, \n line ends, no byte order mark
        await Expect(page).ToHaveURLAsync(new Regex("/sources/src-[0-9a-f]{20}\\?minPosition=\\d+$"));
        Assert.Equal("声明：合作共赢。\n😀 “Quoted” – dashed.", await page.Locator("[data-source-text]").EvaluateAsync<string>("e => e.textContent"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Uploaded statement" })).ToBeVisibleAsync();

        // and the list shows it with its date and no statements yet
        await page.GetByRole(AriaRole.Link, new() { Name = "Sources", Exact = true }).ClickAsync();
        var row = page.Locator("tr", new() { HasText = "Uploaded statement" });
        await Expect(row.Locator("td")).ToHaveTextAsync(["Uploaded statement", "—", "2026-02-01", "0"]);
    }

    [Fact]
    public async Task Register_PastedTextAndAFile_RefusedBesideTheText()
    {
        // given the registration form with both a pasted text and a file
        var page = await browser.SignedIn(host, WorkspaceHost.Archivist);
        await page.GotoAsync("/sources/new");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Both at once");
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync("Pasted words.");
        await page.GetByLabel("File (.txt or .html, UTF-8)", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "a.txt", MimeType = "text/plain", Buffer = "Uploaded words."u8.ToArray() });

        // when it is sent
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        // then the reason is beside the text, and what was typed is kept
        await Expect(page.Locator("#text-error")).ToHaveTextAsync("paste the text or upload a file, not both");
        await Expect(page.GetByLabel("Text", new() { Exact = true })).ToHaveValueAsync("Pasted words.");
        await Expect(page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync("Both at once");
    }
}
