using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Archive.Web.Tests.Pages;

/// <summary>
/// The pictures of the main pages in docs/screenshots: taken by this test from data of the seeds' kind, written to the
/// test's output folder, and copied to the folder named by ARCHIVE_SCREENSHOTS when it is set (docs/workspace.md says how).
/// </summary>
[Collection(WorkspaceCollection.Name)]
public sealed class ScreenshotTests(WorkspaceHost host, Browser browser) : IClassFixture<Browser>
{
    // a harbour story written for these pictures, in a wire report's shape so the extractor finds its quotes
    private const string Report = """
        PORT AVEN, May 12 – Harbour Commissioner Ines Varga said on Tuesday that the city would dredge the eastern channel before the autumn storms.

        "The channel has silted up faster than any survey predicted, and we cannot wait another year," Varga told reporters at the harbour office.

        Fishing crews have complained for months that larger boats run aground at low tide. Tomas Reyes, who chairs the Port Aven Fishers' Association, welcomed the plan but said the work must not close the harbour mouth during the herring season.

        "We support the dredging. We will not support a summer without landings," Reyes said.

        Varga said the contract would be awarded in June and that the work would take about ten weeks.
        """;

    [Fact]
    public async Task MainPages_Screenshots_AreTakenAsPngs()
    {
        // given a source with a recorded, disputed statement and a second one nested in it
        await host.RegisterActor("li-hua", "Li Hua", "Minister Li");
        await host.AssignRole("li-hua", "minister", "Ministry of Commerce", new DateOnly(2023, 3, 1));
        await host.OpenTopic("tariffs", "Tariffs");
        const string text = "Press conference, 12 March 2026.\n\nThe minister opened with figures on exports. Li Hua said: “We will answer every new tariff in kind – and at once.” Asked whether talks would resume, she said the door “remains open”.\n\nReporters then asked about shipping.";
        var source = await host.RegisterSource("Commerce ministry press conference", text, "2026-03-12", "Daily Ledger");
        var quote = "We will answer every new tariff in kind – and at once.";
        var start = text.IndexOf(quote, StringComparison.Ordinal);
        var id = await host.RecordStatement("li-hua", source, quote, start, start + quote.Length, "2026-03-12");
        await host.RecordStatement("li-hua", source, "every new tariff", start + 15, start + 31, "2026-03-12");
        await host.Post("/api/topics/tariffs/statements", new { statementId = id });
        await host.Post($"/api/statements/{id}/dispute", new { reason = "the ministry's transcript says “in due course”" });

        // and a wire report in which the extractor finds quotes, one of them already recorded
        await host.RegisterActor("ines-varga", "Ines Varga", "Commissioner Varga");
        await host.AssignRole("ines-varga", "harbour commissioner", "Port Aven Harbour Board", new DateOnly(2022, 1, 10));
        await host.RegisterActor("tomas-reyes", "Tomas Reyes");
        var report = await host.RegisterSource("Port Aven to dredge eastern channel before autumn storms", Report, "2026-05-12", "Coastal Courier");
        const string channel = "The channel has silted up faster than any survey predicted, and we cannot wait another year,";
        var channelAt = Report.IndexOf(channel, StringComparison.Ordinal);
        await host.RecordStatement("ines-varga", report, channel, channelAt, channelAt + channel.Length, "2026-05-12");
        const string support = "We support the dredging.";
        var supportAt = Report.IndexOf(support, StringComparison.Ordinal);
        var supportId = await host.RecordStatement("tomas-reyes", report, support, supportAt, supportAt + support.Length, "2026-05-12");

        var shots = new Screenshots("screenshots");

        // when the main pages are opened and photographed
        var signIn = await browser.Open(host);
        await signIn.GotoAsync("/sign-in");
        await shots.Take(signIn, "sign-in");
        var page = await browser.SignedIn(host, WorkspaceHost.Archivist);
        await shots.Take(page, "sources");
        await page.GotoAsync($"/sources/{source}");
        await Selection.Select(page, "the door “remains open”");
        await shots.Take(page, "source");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record statement" }).ClickAsync();
        await page.GetByLabel("Speaker", new() { Exact = true }).FillAsync("li-hua");
        await page.GetByLabel("Quote kind", new() { Exact = true }).SelectOptionAsync("reported");
        await shots.Take(page, "record");
        await page.GotoAsync($"/statements/{id}");
        await page.Locator("details[data-action='verify'] > summary").ClickAsync();
        await shots.Take(page, "statement");
        await Expect(page.Locator("[data-history] > li")).ToHaveCountAsync(3);
        await page.GotoAsync($"/sources/{report}");
        await Expect(page.Locator("[data-candidates] tr[data-recorded='false']").First).ToBeVisibleAsync();
        await shots.Take(page, "candidates");
        await page.GotoAsync($"/statements/{supportId}/amend-quote");
        await Selection.Select(page, "We support the dredging. We will not support a summer without landings,");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use the selected passage" }).ClickAsync();
        await page.GetByLabel("Reason for the amendment", new() { Exact = true }).FillAsync("the quote goes on to the second sentence");
        await shots.Take(page, "amend-quote");

        // then each is a picture of its page
        await Expect(page.GetByLabel("New quote", new() { Exact = true })).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^We support the dredging\\. We will not"));
        Assert.Equal(7, Directory.GetFiles(shots.Folder, "*.png").Length);
    }
}
