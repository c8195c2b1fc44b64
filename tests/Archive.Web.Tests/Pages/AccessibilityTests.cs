using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Archive.Web.Tests.Pages;

/// <summary>axe-core on every page of the workspace, in each state a person meets: no serious or critical violation.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class AccessibilityTests(WorkspaceHost host, Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task EveryPage_Axe_NoSeriousOrCriticalViolation()
    {
        // given a source with statements (one nested in another), an amended and disputed one with history
        await host.RegisterActor("ada-lee", "Ada Lee");
        await host.OpenTopic("access", "Access");
        const string text = "A short note. Ada Lee said: “Every page must work with a keyboard – always.” Then she left.";
        var source = await host.RegisterSource("Accessibility note", text);
        var outer = text.IndexOf("Every", StringComparison.Ordinal);
        var id = await host.RecordStatement("ada-lee", source, "Every page must work with a keyboard – always.", outer, outer + 46);
        await host.RecordStatement("ada-lee", source, "with a keyboard", outer + 21, outer + 36);
        await host.Post($"/api/statements/{id}/dispute", new { reason = "checked against the recording" });

        var failures = new List<string>();
        async Task Check(IPage page, string state, string heading)
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
            var result = await page.RunAxe();
            failures.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{state} ({page.Url}): {v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}"));
        }

        // when each page is checked, signed out and as an archivist
        var anonymous = await browser.Open(host);
        await anonymous.GotoAsync("/sign-in");
        await Check(anonymous, "sign-in", "Sign in");
        await anonymous.GetByLabel("API key", new() { Exact = true }).FillAsync("wrong-key-wrong-key-1");
        await anonymous.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(anonymous.Locator("#key-error")).ToBeVisibleAsync();
        await Check(anonymous, "sign-in refused", "Sign in");

        var page = await browser.SignedIn(host, WorkspaceHost.Archivist);
        await Check(page, "sources", "Sources");
        await page.GotoAsync("/sources/new");
        await Check(page, "register a source", "Register a source");
        await page.GotoAsync($"/sources/{source}");
        await Check(page, "source with marks", "Accessibility note");
        await page.GotoAsync($"/sources/{source}/record?start={outer}&end={outer + 10}");
        await Check(page, "record form", "Record a statement");
        await page.GetByLabel("Speaker", new() { Exact = true }).FillAsync("nobody-known");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();
        await Expect(page.Locator("#speaker-error")).ToBeVisibleAsync();
        await Check(page, "record form refused", "Record a statement");
        await page.GotoAsync($"/statements/{id}");
        foreach (var summary in await page.Locator("details > summary").AllAsync()) await summary.ClickAsync();
        await Check(page, "statement with actions and history", "Statement by Ada Lee");
        await page.GotoAsync("/statements/st-00000000000000000000");
        await Check(page, "statement not found", "Statement not found");

        // then axe found nothing serious
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task AuditCorrectionCandidateAndAmendPages_Axe_NoSeriousOrCriticalViolation()
    {
        // given a source with a candidate and a statement
        await host.RegisterActor("ada-lee", "Ada Lee");
        const string text = "LUNDE, May 4 – Ada Lee, the chair of the board, said on Monday that every page would be checked.\n\n\"No page will ship without a keyboard test,\" Lee told staff.";
        var source = await host.RegisterSource("Keyboard pledge", text, publishedOn: "2026-05-04");
        var id = await host.RecordStatement("ada-lee", source, "every page would be checked", text.IndexOf("every page", StringComparison.Ordinal),
            text.IndexOf("every page", StringComparison.Ordinal) + 27);

        var failures = new List<string>();
        var page = await browser.SignedIn(host, WorkspaceHost.Archivist);
        async Task Check(string path, string heading, Func<Task>? then = null)
        {
            await page.GotoAsync(path);
            if (then is not null) await then();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
            var result = await page.RunAxe();
            failures.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{path}: {v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}"));
        }

        // when each new page is checked as an archivist, forms open and one refused
        await Check($"/sources/{source}", "Keyboard pledge", async () =>
        {
            var form = page.Locator("details[data-action='correct']");
            await form.Locator("summary").ClickAsync();
            await form.GetByLabel("Reason for the correction", new() { Exact = true }).FillAsync("checking");
            await form.GetByRole(AriaRole.Button, new() { Name = "Correct" }).ClickAsync();
            await Expect(form.Locator("[data-error-for='correct-form']")).ToBeVisibleAsync();
        });
        await Check($"/sources/{source}/record?candidate=0", "Record a statement");
        await Check($"/statements/{id}/amend-quote", "Amend the quote");
        await Check($"/statements/{id}/amend-quote?start=0&end=5", "Amend the quote");
        await Check("/audit", "Audit");
        await Check($"/statements/{id}/verify", "Verify the statement by Ada Lee");

        // then axe found nothing serious
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
