using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Archive.Web.Tests.Pages;

/// <summary>The statement's page: its actions by role, each asking for its reason, and its history with who, when and why.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class StatementPageTests(WorkspaceHost host, Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private const string Text = "Ministers met on Monday. Wang Wei said: “Emissions will fall by half before 2030.” The talks ended late.";
    private string _source = "";

    public async ValueTask InitializeAsync()
    {
        await host.RegisterActor("wang-wei", "Wang Wei");
        await host.OpenTopic("climate", "Climate");
        _source = await host.RegisterSource("Climate talks", Text);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Records a statement of a passage through the API; each test takes its own passage.</summary>
    private Task<string> Recorded(string quote)
    {
        var start = Text[..Text.IndexOf(quote, StringComparison.Ordinal)].EnumerateRunes().Count();
        return host.RecordStatement("wang-wei", _source, quote, start, start + quote.EnumerateRunes().Count());
    }

    private static async Task Act(IPage page, string action, params (string Label, string Value)[] fields)
    {
        var form = page.Locator($"details[data-action='{action}']");
        await form.Locator("summary").ClickAsync();
        foreach (var (label, value) in fields) await form.GetByLabel(label, new() { Exact = true }).FillAsync(value);
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("\\?minPosition=\\d+$"));
    }

    [Fact]
    public async Task Actions_EachWithItsReason_ShowAtOnceAndInTheHistory()
    {
        // given a recorded statement on an archivist's screen
        var id = await Recorded("Emissions will fall by half before 2030.");
        var page = await browser.SignedIn(host, WorkspaceHost.Archivist);
        await page.GotoAsync($"/statements/{id}");

        // when it is disputed, verified, amended, retracted and reinstated, each with its reason
        await Act(page, "dispute", ("Reason for the dispute", "The ministry denies the <b>wording</b>"));
        await Expect(page.Locator("[data-status-value]")).ToHaveTextAsync("disputed");
        await Expect(page.Locator("[data-status-reason]")).ToContainTextAsync("The ministry denies the <b>wording</b>");
        await Act(page, "verify", ("Verification method", "transcript"), ("Verification note", "page 4"));
        await Expect(page.Locator("[data-verification]")).ToContainTextAsync("transcript (page 4), by web-archivist");
        await Act(page, "amend", ("Occasion (amended)", "cabinet meeting"), ("Reason for the amendment", "the occasion was misnamed"));
        await Act(page, "retract", ("Reason for the retraction", "withdrawn by the outlet"));
        await Expect(page.Locator("[data-status-value]")).ToHaveTextAsync("retracted");
        await Expect(page.Locator("details[data-action='verify']")).ToHaveCountAsync(0);
        await Act(page, "reinstate", ("Reason for reinstating it", "the outlet restored it"));

        // then every change showed at once, and the history tells each event: what, who, when and why, in order
        await Expect(page.Locator("[data-status-value]")).ToHaveTextAsync("verified");
        var events = page.Locator("[data-history] > li");
        await Expect(events).ToHaveCountAsync(6);
        Assert.Equal(["statement_recorded", "statement_disputed", "statement_verified", "statement_amended", "statement_retracted", "statement_reinstated"],
            await events.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.eventType)"));
        await Expect(events.Locator("[data-who]")).ToHaveTextAsync(Enumerable.Repeat(WorkspaceHost.ArchivistName, 6).ToArray());
        await Expect(events.Locator("time")).ToHaveCountAsync(6);
        await Expect(events.Nth(1).Locator("[data-why]")).ToHaveTextAsync("The ministry denies the <b>wording</b>");
        await Expect(events.Nth(3).Locator("[data-why]")).ToHaveTextAsync("the occasion was misnamed");
        await Expect(events.Nth(3)).ToContainTextAsync("occasion: cabinet meeting");
        await Expect(events.Nth(5).Locator("[data-why]")).ToHaveTextAsync("the outlet restored it");
        Assert.True(browser.ErrorsOf(page).Count == 0, string.Join("\n", browser.ErrorsOf(page)));
    }

    [Fact]
    public async Task Action_Refused_TheReasonShowsBesideItsField()
    {
        // given a statement page
        var id = await Recorded("The talks ended late.");
        var page = await browser.SignedIn(host, WorkspaceHost.Archivist);
        await page.GotoAsync($"/statements/{id}");

        // when it is linked to a statement that does not exist
        var form = page.Locator("details[data-action='link']");
        await form.Locator("summary").ClickAsync();
        await form.GetByLabel("Other statement's id", new() { Exact = true }).FillAsync("st-00000000000000000000");
        await form.GetByRole(AriaRole.Button, new() { Name = "Link" }).ClickAsync();

        // then the form is open again with the archive's reason next to the id it sent
        await Expect(page.Locator("#link-target-error")).ToContainTextAsync("st-00000000000000000000");
        await Expect(form.GetByLabel("Other statement's id", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(form.GetByLabel("Other statement's id", new() { Exact = true })).ToHaveValueAsync("st-00000000000000000000");
    }

    [Fact]
    public async Task History_QuoteAmended_ShowsAWordDiffAndTheOldWordsAsOfBefore()
    {
        // given a statement whose quote was amended to a longer passage of its source
        const string before = "Emissions will fall by half";
        var id = await Recorded(before);
        var start = Text[..Text.IndexOf(before, StringComparison.Ordinal)].EnumerateRunes().Count();
        const string after = "Emissions will fall by half before 2030.";
        await host.Post($"/api/statements/{id}/amend", new { reason = "the sentence goes on", quote = after, span = new { start, end = start + after.Length } });

        // when an auditor opens it
        var page = await browser.SignedIn(host, WorkspaceHost.Auditor);
        await page.GotoAsync($"/statements/{id}");

        // then the amendment shows the words added, and "as of" the recording shows the old words
        var diff = page.Locator("[data-diff]");
        await Expect(diff.Locator("ins")).ToHaveTextAsync("before 2030.");
        await Expect(diff.Locator("del")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-quote-context] mark")).ToHaveTextAsync(after);
        await page.Locator("[data-history] > li").First.GetByRole(AriaRole.Link, new() { Name = "as of this event" }).ClickAsync();
        await Expect(page.Locator(".as-of")).ToContainTextAsync("As the archive held it at");
        await Expect(page.Locator("[data-quote-context] mark")).ToHaveTextAsync(before);
        await Expect(page.Locator("[data-history] > li")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task LinkAndFiling_MadeThenRemovedWithReasons_ShowOnBothStatements()
    {
        // given two statements of the source
        var first = await Recorded("Wang Wei said");
        var second = await Recorded("ended late");
        var page = await browser.SignedIn(host, WorkspaceHost.Archivist);
        await page.GotoAsync($"/statements/{first}");

        // when the first is linked to the second and filed under a topic
        var link = page.Locator("details[data-action='link']");
        await link.Locator("summary").ClickAsync();
        await link.GetByLabel("Other statement's id", new() { Exact = true }).FillAsync(second);
        await link.GetByLabel("Relation", new() { Exact = true }).SelectOptionAsync("clarifies");
        await link.GetByRole(AriaRole.Button, new() { Name = "Link" }).ClickAsync();
        await Expect(page.Locator("[data-link='outgoing']")).ToContainTextAsync($"this statement clarifies {second}");
        var file = page.Locator("details[data-action='file']");
        await file.Locator("summary").ClickAsync();
        await file.GetByLabel("Topic", new() { Exact = true }).SelectOptionAsync("climate");
        await file.GetByRole(AriaRole.Button, new() { Name = "File" }).ClickAsync();
        await Expect(page.Locator("dd", new() { HasText = "Climate (climate)" })).ToBeVisibleAsync();

        // then the second shows the link from the first
        await page.GotoAsync($"/statements/{second}");
        await Expect(page.Locator("[data-link='incoming']")).ToContainTextAsync($"{first} clarifies this statement");

        // when both are removed, each with its reason
        await page.GotoAsync($"/statements/{first}");
        await Act(page, "unlink-0", ("Reason for removing the link to " + second, "linked by mistake"));
        await Act(page, "unfile-0", ("Reason for unfiling it from climate", "not about the climate"));

        // then neither shows, and the history has all four events with the reasons of the removals
        await Expect(page.Locator("[data-link]")).ToHaveCountAsync(0);
        Assert.Equal(["statement_recorded", "statement_linked", "statement_filed", "statement_unlinked", "statement_unfiled"],
            await page.Locator("[data-history] > li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.eventType)"));
        await Expect(page.Locator("[data-history] [data-why]")).ToHaveTextAsync(["linked by mistake", "not about the climate"]);
    }

    [Fact]
    public async Task Roles_ReaderAndAuditor_SeeNoWriteControl()
    {
        var id = await Recorded("Ministers met on Monday.");

        // given a reader: no record button, no actions, no history, and the archivist's form refused
        var reader = await browser.SignedIn(host, WorkspaceHost.Reader);
        await reader.GotoAsync($"/sources/{_source}");
        await Expect(reader.Locator("[data-source-text]")).ToBeVisibleAsync();
        await Expect(reader.GetByRole(AriaRole.Button, new() { Name = "Record statement" })).ToHaveCountAsync(0);
        await Expect(reader.GetByRole(AriaRole.Link, new() { Name = "Register a source" })).ToHaveCountAsync(0);
        await reader.GotoAsync($"/statements/{id}");
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "Actions" })).ToHaveCountAsync(0);
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "History" })).ToHaveCountAsync(0);
        var response = await reader.GotoAsync($"/sources/{_source}/record");
        Assert.Equal(403, response!.Status);

        // given an auditor: the history, but still no actions
        var auditor = await browser.SignedIn(host, WorkspaceHost.Auditor);
        await auditor.GotoAsync($"/statements/{id}");
        await Expect(auditor.GetByRole(AriaRole.Heading, new() { Name = "History" })).ToBeVisibleAsync();
        await Expect(auditor.GetByRole(AriaRole.Heading, new() { Name = "Actions" })).ToHaveCountAsync(0);
        await Expect(auditor.GetByRole(AriaRole.Button, new() { Name = "Dispute" })).ToHaveCountAsync(0);
    }
}
