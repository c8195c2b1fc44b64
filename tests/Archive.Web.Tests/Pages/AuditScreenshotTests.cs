using Archive.Web.Tests.Audit;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Archive.Web.Tests.Pages;

/// <summary>
/// The pictures of the audit page and a statement's verification in docs/screenshots, taken as <see cref="ScreenshotTests"/>
/// takes the others, on a host of their own that signs its seals (the shared host has no seal key).
/// </summary>
public sealed class AuditScreenshotTests(SealingHost host, Browser browser) : IClassFixture<SealingHost>, IClassFixture<Browser>
{
    [Fact]
    public async Task AuditPages_Screenshots_AreTakenAsPngs()
    {
        // given a verified statement from a briefing, sealed, and a later statement not sealed yet
        await host.RegisterActor("noor-haddad", "Noor Haddad", "Spokesperson Haddad");
        await host.AssignRole("noor-haddad", "spokesperson", "Ministry of Water", new DateOnly(2024, 6, 1));
        await host.OpenTopic("water-rationing", "Water rationing");
        const string text = "Ministry of Water briefing, 9 July 2026.\n\nSpokesperson Noor Haddad said the reservoirs stood at 41 per cent. “Rationing in the capital ends on the first of August, not before,” she said. She added that the southern districts would keep their night-time cuts “until the new pipeline is tested”.";
        var source = await host.RegisterSource("Water ministry briefing on the reservoirs", text, "2026-07-09", "Meridian Times");
        const string quote = "Rationing in the capital ends on the first of August, not before,";
        var start = text.IndexOf(quote, StringComparison.Ordinal);
        var id = await host.RecordStatement("noor-haddad", source, quote, start, start + quote.Length, "2026-07-09");
        await host.Post("/api/topics/water-rationing/statements", new { statementId = id });
        await host.Post($"/api/statements/{id}/verify", new { method = "briefing recording", note = "checked against the ministry's video, 00:04:12" });
        await host.Seal();
        const string later = "until the new pipeline is tested";
        var laterAt = text.IndexOf(later, StringComparison.Ordinal);
        await host.RecordStatement("noor-haddad", source, later, laterAt, laterAt + later.Length, "2026-07-09");

        var shots = new Screenshots("screenshots-audit");

        // when an auditor opens the audit page and the statement's verification and they are photographed
        var page = await browser.SignedIn(host, WorkspaceHost.Auditor);
        await page.GotoAsync("/audit");
        await Expect(page.Locator("[data-audit-result]")).ToHaveAttributeAsync("data-audit-result", "intact");
        await Expect(page.Locator("[data-seal='1'] [data-signature]")).ToHaveAttributeAsync("data-signature", "verified");
        await shots.Take(page, "audit");
        await page.GotoAsync($"/statements/{id}/verify");
        await Expect(page.Locator("[data-stream-check='actor:noor-haddad']")).ToHaveAttributeAsync("data-intact", "true");
        await shots.Take(page, "verify");

        // then each is a picture of its page
        Assert.Equal(2, Directory.GetFiles(shots.Folder, "*.png").Length);
    }
}
