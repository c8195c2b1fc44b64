using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Archive.Web.Tests.Pages;

/// <summary>Select a passage, press “Record statement”, fill the form, press “Record”: the recorded span is the selection.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class RecordTests(WorkspaceHost host, Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    // An emoji before the quote (two UTF-16 units, one code point), curly quotes, an en dash, CJK, runs of spaces.
    private const string Text =
        "Briefing of 5 January.\n😀 Lin Jian said: “We will not accept unilateral tariffs – never.”   He added   that 合作 is 共赢。\nQuestions followed.";

    private string _source = "";

    public async ValueTask InitializeAsync()
    {
        await host.RegisterActor("lin-jian", "Lin Jian", "林剑", "Spokesperson Lin");
        await host.RegisterActor("mao-ning", "Mao Ning");
        await host.AssignRole("lin-jian", "spokesperson", "Ministry of Foreign Affairs", new DateOnly(2020, 1, 1));
        await host.OpenTopic("trade", "Trade");
        _source = await host.RegisterSource("Regular press briefing", Text);
        // a statement already marked inside the quote: selections start and end in other elements than the text's own
        var marked = Text[..Text.IndexOf("unilateral tariffs", StringComparison.Ordinal)].EnumerateRunes().Count();
        await host.RecordStatement("mao-ning", _source, "unilateral tariffs", marked, marked + "unilateral tariffs".Length);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("“We will not accept unilateral tariffs – never.”", true)]
    [InlineData("合作 is 共赢", false)]
    [InlineData("He added   that", false)]
    [InlineData("not accept unilateral", false)]
    public async Task SelectAndRecord_TrickyCharacters_TheSpanIsTheSelection(string quote, bool drag)
    {
        // given an archivist on the source's page
        var page = await browser.SignedIn(host, WorkspaceHost.Archivist);
        await page.GotoAsync($"/sources/{_source}");

        // when the passage is selected and recorded
        if (drag) await Selection.Drag(page, quote);
        else await Selection.Select(page, quote);
        Assert.Equal(quote, await Selection.Text(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record statement" }).ClickAsync();
        await Expect(page.GetByLabel("Quote", new() { Exact = true })).ToHaveValueAsync(quote);
        await Expect(page.GetByLabel("Said on", new() { Exact = true })).ToHaveValueAsync("2026-01-05");
        await page.GetByLabel("Speaker", new() { Exact = true }).FillAsync(drag ? "林剑" : "lin-jian"); // an alias is enough
        await page.GetByLabel("Quote kind", new() { Exact = true }).SelectOptionAsync("direct");
        await page.GetByLabel("Topics", new() { Exact = true }).SelectOptionAsync("trade");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();

        // then the page is the new statement's, whose span is the selection's code points
        await Expect(page).ToHaveURLAsync(new Regex("/statements/st-[0-9a-f]{20}\\?minPosition=\\d+$"));
        var id = Regex.Match(page.Url, "st-[0-9a-f]{20}").Value;
        var start = Text[..Text.IndexOf(quote, StringComparison.Ordinal)].EnumerateRunes().Count();
        var end = start + quote.EnumerateRunes().Count();
        var mark = page.Locator("[data-quote-context] mark");
        await Expect(mark).ToHaveTextAsync(quote);
        await Expect(mark).ToHaveAttributeAsync("data-span-start", start.ToString());
        await Expect(mark).ToHaveAttributeAsync("data-span-end", end.ToString());
        await Expect(page.Locator("[data-speaker]")).ToHaveTextAsync("Lin Jian");
        await Expect(page.Locator(".capacity")).ToContainTextAsync("spokesperson, Ministry of Foreign Affairs");
        var stored = await host.Get($"/api/statements/{id}");
        Assert.Equal((start, end), (stored.GetProperty("span").GetProperty("start").GetInt32(), stored.GetProperty("span").GetProperty("end").GetInt32()));
        Assert.Equal(quote, stored.GetProperty("quote").GetString());

        // and the source's page marks it, its text still exactly the stored text
        await page.GetByRole(AriaRole.Link, new() { Name = "Regular press briefing" }).ClickAsync();
        await Expect(page.Locator($"mark[data-statement-id='{id}']")).ToHaveTextAsync(quote);
        Assert.Equal(Text, await page.Locator("[data-source-text]").EvaluateAsync<string>("e => e.textContent"));
        Assert.True(browser.ErrorsOf(page).Count == 0, string.Join("\n", browser.ErrorsOf(page)));
    }

    [Fact]
    public async Task Record_Refused_TheReasonShowsBesideItsField()
    {
        // given the record form for a passage
        var page = await browser.SignedIn(host, WorkspaceHost.Archivist);
        await page.GotoAsync($"/sources/{_source}");
        await Selection.Select(page, "Questions followed.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record statement" }).ClickAsync();

        // when a speaker the archive does not know is sent
        await page.GetByLabel("Speaker", new() { Exact = true }).FillAsync("nobody-known");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();

        // then the archive's reason is next to the Speaker field, which points at it
        var speaker = page.GetByLabel("Speaker", new() { Exact = true });
        await Expect(speaker).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(speaker).ToHaveAttributeAsync("aria-describedby", new Regex("speaker-error"));
        await Expect(page.Locator("#speaker-error")).ToContainTextAsync("'nobody-known' is not registered");
        await Expect(page.GetByLabel("Quote", new() { Exact = true })).ToHaveValueAsync("Questions followed.");

        // when the speaker is fixed but the date lies in the future
        await speaker.FillAsync("mao-ning");
        await page.GetByLabel("Said on", new() { Exact = true }).FillAsync("2999-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();

        // then that reason is next to Said on, and the speaker's error is gone
        await Expect(page.Locator("#saidOn-error")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Said on", new() { Exact = true })).ToHaveAttributeAsync("aria-describedby", "saidOn-error");
        await Expect(page.Locator("#speaker-error")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Record_NoSelection_TheTypedQuoteIsFoundInTheSource()
    {
        // given the record form opened without a selection, by keyboard alone
        var page = await browser.SignedIn(host, WorkspaceHost.Archivist);
        await page.GotoAsync($"/sources/{_source}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record statement" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex($"/sources/{_source}/record\\??$"));

        // when the quote is typed with straight quotes and a hyphen, and the form is sent with the keyboard
        await page.GetByLabel("Quote", new() { Exact = true }).FillAsync("\"We will not accept unilateral tariffs - never.\"");
        await page.GetByLabel("Speaker", new() { Exact = true }).FillAsync("Mao Ning");
        await page.GetByLabel("Occasion", new() { Exact = true }).FillAsync("regular briefing");
        await page.GetByLabel("Occasion", new() { Exact = true }).PressAsync("Enter");

        // then the statement is recorded with the source's own characters at their place
        await Expect(page).ToHaveURLAsync(new Regex("/statements/st-"));
        await Expect(page.Locator("[data-quote-context] mark")).ToHaveTextAsync("“We will not accept unilateral tariffs – never.”");
    }

    [Fact]
    public async Task SpeakerField_Typing_OffersMatchingActorsWithAliases()
    {
        // given the record form
        var page = await browser.SignedIn(host, WorkspaceHost.Archivist);
        await page.GotoAsync($"/sources/{_source}/record");

        // when part of an alias is typed (only this alias has it: other tests of the shared host register other spokespersons)
        await page.GetByLabel("Speaker", new() { Exact = true }).PressSequentiallyAsync("Spokesperson Li");

        // then the suggestions narrow to the actor it belongs to (fetched as the archivist types)
        await Expect(page.Locator("#speaker-options option")).ToHaveCountAsync(1);
        await Expect(page.Locator("#speaker-options option")).ToHaveAttributeAsync("value", "lin-jian");
        await Expect(page.Locator("#speaker-options option")).ToHaveTextAsync("Lin Jian (林剑, Spokesperson Lin)");
    }
}
