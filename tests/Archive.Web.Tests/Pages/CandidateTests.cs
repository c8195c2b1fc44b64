using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Archive.Web.Tests.Pages;

/// <summary>The extractor's candidates beside a source's text, reviewed and recorded through the candidates' accept path.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class CandidateTests(WorkspaceHost host, Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    // a news report written for this test, in the shape the extractor reads: a dateline, an attributed direct quote
    private const string Text = """
        NORDHAVN, March 3 – The transport minister of Norland, Petra Lind, said on Monday that the new ferry line would start in April.

        "The ferry will carry its first passengers on the first of April," Lind told reporters at the harbour.
        """;

    private string _source = "";

    public async ValueTask InitializeAsync()
    {
        await host.RegisterActor("petra-lind", "Petra Lind");
        _source = await host.RegisterSource("Ferry line to start in April", Text, publishedOn: "2026-03-03", outlet: "Norland Wire");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Candidate_ReviewedAndAccepted_LandsOnTheStatementAndIsMarkedRecorded()
    {
        // given the source's page: the minister's quote is a candidate, marked apart from statements and listed
        var page = await browser.SignedIn(host, WorkspaceHost.Archivist);
        await page.GotoAsync($"/sources/{_source}");
        const string quote = "The ferry will carry its first passengers on the first of April,";
        var row = page.Locator("[data-candidates] tr[data-recorded='false']", new() { HasText = "The ferry will carry" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("petra-lind");
        await Expect(row).ToContainTextAsync("direct");
        var index = await row.GetAttributeAsync("data-candidate-index");
        var mark = page.Locator($"[data-source-text] mark.candidate[data-candidate-index='{index}']");
        await Expect(mark).ToContainTextAsync("The ferry will carry its first passengers");
        await Expect(page.Locator("[data-source-text] mark[data-statement-id]")).ToHaveCountAsync(0);
        var rule = await row.Locator("code").TextContentAsync();

        // when the archivist reviews it, adds an occasion, and records it
        await row.GetByRole(AriaRole.Link, new() { Name = "Review" }).ClickAsync();
        await Expect(page.Locator("[data-reviewing]")).ToContainTextAsync(rule!);
        await Expect(page.GetByLabel("Quote", new() { Exact = true })).ToHaveValueAsync(new Regex(Regex.Escape(quote[..40])));
        await Expect(page.GetByLabel("Speaker", new() { Exact = true })).ToHaveValueAsync("petra-lind");
        await page.GetByLabel("Occasion", new() { Exact = true }).FillAsync("harbour press call");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();

        // then the page is the new statement's, and its event names the rule, the rules' version and the edited field
        await Expect(page).ToHaveURLAsync(new Regex("/statements/st-[0-9a-f]{20}\\?minPosition=\\d+$"));
        var id = Regex.Match(page.Url, "st-[0-9a-f]{20}").Value;
        await Expect(page.Locator("[data-speaker]")).ToHaveTextAsync("Petra Lind");
        var history = await host.Get($"/api/statements/{id}/history");
        var metadata = history[0].GetProperty("metadata");
        Assert.Equal(rule, metadata.GetProperty("candidate-rule").GetString());
        Assert.Equal(Archive.Extraction.Extractor.Version, metadata.GetProperty("extractor-version").GetString());
        Assert.Contains("occasion", metadata.GetProperty("candidate-edited").GetString()!.Split(','));

        // and the source's page marks it as a statement and lists the candidate as recorded
        await page.GotoAsync($"/sources/{_source}");
        await Expect(page.Locator($"[data-source-text] mark[data-statement-id='{id}']")).ToContainTextAsync("The ferry will carry");
        await Expect(page.Locator($"[data-source-text] mark.candidate[data-candidate-index='{index}']")).ToHaveCountAsync(0);
        var recorded = page.Locator($"[data-candidates] tr[data-candidate-index='{index}']");
        await Expect(recorded).ToHaveAttributeAsync("data-recorded", "true");
        await Expect(recorded.Locator($"a[data-recorded-as='{id}']")).ToBeVisibleAsync();
        Assert.True(browser.ErrorsOf(page).Count == 0, string.Join("\n", browser.ErrorsOf(page)));
    }

    [Fact]
    public async Task Candidates_Reader_SeesThemWithoutAReviewLink()
    {
        var page = await browser.SignedIn(host, WorkspaceHost.Reader);
        await page.GotoAsync($"/sources/{_source}");
        await Expect(page.Locator("[data-candidates] tr[data-candidate-index]").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-candidates] a[data-review]")).ToHaveCountAsync(0);
        var response = await page.GotoAsync($"/sources/{_source}/record?candidate=0");
        Assert.Equal(403, response!.Status);
    }
}
