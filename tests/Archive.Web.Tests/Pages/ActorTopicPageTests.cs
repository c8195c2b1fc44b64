using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Archive.Web.Tests.Pages;

/// <summary>An actor's page and a topic's page: profile, roles, counts, timelines, related topics and their charts with text alternatives.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class ActorTopicPageTests(WorkspaceHost host, Browser browser) : IClassFixture<Browser>
{
    private static ILocator Timeline(IPage page) => page.Locator("[data-results] > li");

    [Fact]
    public async Task ActorPage_StatementsOnTwoTopics_ProfileRolesTimelineAndChartWithItsNumbers()
    {
        // given an actor with an alias and a role, and three statements in two months on two topics
        await host.RegisterActor("find-eva", "Eva Brandt", "Minister Brandt");
        await host.AssignRole("find-eva", "minister", "Ministry of Energy", new DateOnly(2024, 5, 1));
        await host.OpenTopic("find-energy", "Energy");
        await host.OpenTopic("find-grid", "Power grid");
        var ids = await FindData.Record(host, "Energy statements",
            new Quote("find-eva", "Coal will be gone by the end of the decade.", "2025-11-03", Topics: ["find-energy"]),
            new Quote("find-eva", "The grid gets a second northern line.", "2025-11-20", Topics: ["find-energy", "find-grid"]),
            new Quote("find-eva", "No price rise this winter.", "2026-01-05"));

        // when a reader finds the actor in the list and opens the page
        var page = await browser.SignedIn(host, WorkspaceHost.Reader);
        await page.GetByRole(AriaRole.Link, new() { Name = "Actors", Exact = true }).ClickAsync();
        await page.Locator("tr[data-actor-id='find-eva']").GetByRole(AriaRole.Link, new() { Name = "Eva Brandt" }).ClickAsync();

        // then the profile, the role and the counts show
        await Expect(page).ToHaveURLAsync(new Regex("/actors/find-eva$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Eva Brandt");
        await Expect(page.Locator("[data-aliases]")).ToHaveTextAsync("Minister Brandt");
        await Expect(page.Locator("[data-roles] tbody tr td")).ToHaveTextAsync(["minister", "Ministry of Energy", "2024-05-01", "still held"]);
        await Expect(page.Locator("[data-total]")).ToHaveTextAsync("3 (3 recorded)");

        // and the chart is an image named by its title and described in words, with its numbers as a table
        var chart = page.GetByRole(AriaRole.Img, new() { Name = "Statements by Eva Brandt per month, by topic" });
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart).ToHaveAttributeAsync("aria-describedby", "actor-chart-summary");
        await Expect(page.Locator("#actor-chart-summary")).ToHaveTextAsync(
            "3 statements from Nov 2025 to Jan 2026; the most in Nov 2025 (2). By topic: Energy: 2; No topic: 1; Power grid: 1.");
        await Expect(chart.Locator("rect")).ToHaveCountAsync(3);
        await page.GetByText("The chart's numbers as a table").ClickAsync();
        await Expect(page.Locator("[data-chart-table] tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-chart-table] tr[data-month='2025-11'] td")).ToHaveTextAsync(["2", "0", "1", "2"]);

        // and the timeline lists all three in the order they were said, and by topic only that topic's
        Assert.Equal(ids, await Timeline(page).EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.statementId)"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Power grid (1)" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/actors/find-eva\\?topic=find-grid$"));
        await Expect(Timeline(page)).ToHaveCountAsync(1);
        await Expect(Timeline(page).First).ToHaveAttributeAsync("data-statement-id", ids[1]);
        Assert.True(browser.ErrorsOf(page).Count == 0, string.Join("\n", browser.ErrorsOf(page)));
    }

    [Fact]
    public async Task TopicPage_WithSubtopic_TimelineActorsSubtopicsAndChart()
    {
        // given a topic with a subtopic, and statements of two actors filed under each
        await host.RegisterActor("find-gus", "Gus Achebe");
        await host.RegisterActor("find-hal", "Hal Ruiz");
        await host.OpenTopic("find-trade", "Trade");
        await host.Post("/api/topics", new { id = "find-steel", title = "Steel", parentId = "find-trade" });
        var ids = await FindData.Record(host, "Trade statements",
            new Quote("find-gus", "Tariffs on bicycles end in March.", "2025-09-01", Topics: ["find-trade"]),
            new Quote("find-hal", "Steel quotas stay as they are.", "2025-10-02", Topics: ["find-steel"]),
            new Quote("find-gus", "Steel mills will get no subsidy.", "2025-10-09", Topics: ["find-steel"]));

        // when a reader opens the topic from the list
        var page = await browser.SignedIn(host, WorkspaceHost.Reader);
        await page.GetByRole(AriaRole.Link, new() { Name = "Topics", Exact = true }).ClickAsync();
        await page.Locator("tr[data-topic-id='find-trade']").GetByRole(AriaRole.Link, new() { Name = "Trade" }).ClickAsync();

        // then its subtopic, the actors who spoke on it (with the subtopic's statements) and the whole timeline show
        await Expect(page).ToHaveURLAsync(new Regex("/topics/find-trade$"));
        await Expect(page.Locator("[data-topic-links='subtopic'] li")).ToHaveTextAsync(["Steel (2 filed)"]);
        await Expect(page.Locator("[data-topic-actors] > li")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-topic-actors] > li[data-actor='find-gus']")).ToContainTextAsync("Gus Achebe: 2");
        Assert.Equal(ids, await Timeline(page).EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.statementId)"));

        // and the chart by actor has its text alternative and a legend entry for each actor
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Statements on Trade per month, by actor" })).ToBeVisibleAsync();
        await Expect(page.Locator("#topic-chart-summary")).ToHaveTextAsync(
            "3 statements from Sep 2025 to Oct 2025; the most in Oct 2025 (2). By actor: Gus Achebe: 2; Hal Ruiz: 1.");
        await Expect(page.Locator(".chart-legend li")).ToHaveTextAsync(["Gus Achebe (2)", "Hal Ruiz (1)"]);

        // and one actor's statements on it are a page of their own
        await page.Locator("[data-topic-actors] > li[data-actor='find-hal']").GetByRole(AriaRole.Link, new() { Name = "their statements on it" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/topics/find-trade\\?actor=find-hal$"));
        await Expect(Timeline(page)).ToHaveCountAsync(1);
        await page.GotoAsync("/topics/find-steel");
        await Expect(page.Locator("[data-parent]")).ToHaveTextAsync("Trade");
    }

    [Fact]
    public async Task MergedTopic_Page_SaysWhereItWentAndTheOtherShowsItsStatements()
    {
        // given a topic with a statement, merged into another
        await host.RegisterActor("find-ivo", "Ivo Novak");
        await host.OpenTopic("find-tolls", "Road tolls");
        await host.OpenTopic("find-roads", "Roads");
        var ids = await FindData.Record(host, "Toll statements",
            new Quote("find-ivo", "Tolls on the ring road end next year.", "2025-06-01", Topics: ["find-tolls"]));
        await host.Post("/api/topics/find-tolls/merge", new { into = "find-roads", reason = "the same subject under two names" });

        // when the merged topic is opened
        var page = await browser.SignedIn(host, WorkspaceHost.Reader);
        await page.GotoAsync("/topics/find-tolls");

        // then it says where it went, and that topic lists it as merged and shows its statement
        await Expect(page.Locator("[data-merged-into='find-roads']")).ToContainTextAsync("merged into Roads");
        await page.Locator("[data-merged-into='find-roads']").GetByRole(AriaRole.Link, new() { Name = "Roads" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/topics/find-roads$"));
        await Expect(page.Locator("[data-topic-links='merged'] li")).ToHaveTextAsync(["Road tolls (1 filed)"]);
        await Expect(Timeline(page)).ToHaveCountAsync(1);
        await Expect(Timeline(page).First).ToHaveAttributeAsync("data-statement-id", ids[0]);
        await page.GotoAsync("/topics");
        await Expect(page.Locator("tr[data-topic-id='find-tolls'] [data-merged-into]")).ToHaveTextAsync("Roads");
    }

    [Fact]
    public async Task StatementPage_Speaker_LinksToTheActorPage()
    {
        // given a recorded statement
        await host.RegisterActor("find-jo", "Jo Kim");
        var ids = await FindData.Record(host, "Speaker link", new Quote("find-jo", "We open the new bridge in May."));

        // when its speaker is followed from its page
        var page = await browser.SignedIn(host, WorkspaceHost.Reader);
        await page.GotoAsync($"/statements/{ids[0]}");
        await page.Locator("[data-speaker]").ClickAsync();

        // then the actor's page lists it
        await Expect(page).ToHaveURLAsync(new Regex("/actors/find-jo$"));
        await Expect(Timeline(page).First).ToHaveAttributeAsync("data-statement-id", ids[0]);
    }

    [Fact]
    public async Task Open_UnknownActorOrTopic_NotFoundPage()
    {
        // given ids nobody registered; when their pages are opened; then each says so with 404
        var page = await browser.SignedIn(host, WorkspaceHost.Reader);
        Assert.Equal(404, (await page.GotoAsync("/actors/nobody-here"))!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Actor not found");
        Assert.Equal(404, (await page.GotoAsync("/topics/no-such-topic"))!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Topic not found");
    }
}
