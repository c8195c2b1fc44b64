using System.Net;
using System.Security.Cryptography;
using Archive.Grains.Interfaces;
using Archive.Store;
using Archive.Store.Audit;
using Archive.Store.Storage;
using Archive.Testing;
using Archive.Web.Audit;
using Archive.Web.Tests.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Archive.Web.Tests.Audit;

/// <summary>A host of its own that signs its seals, so tampering with its events touches no other test's data.</summary>
public sealed class SealingHost() : WorkspaceHost(new Dictionary<string, string> { ["ARCHIVE_SEAL_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) })
{
    /// <summary>Seals what has committed, as the seal grain does on its timer (which this host turns off), and waits until
    /// the high-water mark has passed the seal; answers the seal's number.</summary>
    public async Task<long> Seal()
    {
        var schema = Services.GetRequiredService<ArchiveSettings>().Schema;
        var last = await TestDatabase.Scalar($"select coalesce(max(seq_id), 0) from {schema}.mt_events");
        var progress = Services.GetRequiredService<ProjectionProgress>();
        await Eventually.Get(() => progress.Read(CancellationToken.None), p => p.HighWaterMark >= last, what: "the high-water mark");
        var result = await Services.GetRequiredService<IGrainFactory>().GetGrain<ISealGrain>(ISealGrain.Key).Seal(new WriteContext("web-auditor", null));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        // an export ends at the high-water mark, so the seal counts as sealed once the mark has passed it too
        var sealedTo = await TestDatabase.Scalar($"select coalesce(max(seq_id), 0) from {schema}.mt_events");
        await Eventually.Get(() => progress.Read(CancellationToken.None), p => p.HighWaterMark >= sealedTo, what: "the high-water mark past the seal");
        return result.Version;
    }
}

/// <summary>The audit page and a statement's chain links: intact, then an event changed behind the archive's back.</summary>
public sealed class AuditPageTests(SealingHost host, Browser browser) : IClassFixture<SealingHost>, IClassFixture<Browser>
{
    private string Schema => host.Services.GetRequiredService<ArchiveSettings>().Schema;

    /// <summary>Runs SQL as the table's owner with the append-only triggers off, as a tamperer with those rights would.</summary>
    private async Task Tamper(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        var table = $"{Schema}.mt_events";
        await using var command = new NpgsqlCommand(
            $"begin; alter table {table} disable trigger user; {sql.Replace("EVENTS", table)}; alter table {table} enable trigger user; commit;", connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task AuditPage_IntactThenAnEventTampered_NamesTheBrokenStreamAndVersion()
    {
        // given a statement in a sealed archive
        await host.RegisterActor("aud-one", "Audrey One");
        const string text = "A notice. Audrey One said: “The ledger is open to everyone.” Nothing else.";
        var source = await host.RegisterSource("Ledger notice", text);
        var start = text.IndexOf("The ledger", StringComparison.Ordinal);
        var id = await host.RecordStatement("aud-one", source, "The ledger is open to everyone.", start, start + 31);
        // (the class's other test may have sealed first: this seal's number is whatever the archive gave it)
        var sealNumber = await host.Seal();
        var actorHistory = await host.Get("/api/actors/aud-one/history");
        var registeredHash = actorHistory.GetProperty("items")[0].GetProperty("hash").GetString();

        // when an auditor opens the audit page and the statement's verification
        var page = await browser.SignedIn(host, WorkspaceHost.Auditor);
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit", Exact = true }).ClickAsync();

        // then the chains are intact, the seal is listed with its range and verified signature, and the public key shown
        await Expect(page.Locator("[data-audit-result]")).ToHaveAttributeAsync("data-audit-result", "intact");
        var seal = page.Locator($"[data-seal='{sealNumber}']");
        await Expect(seal.Locator("[data-signature]")).ToHaveAttributeAsync("data-signature", "verified");
        await Expect(seal.Locator("[data-seal-range]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(sealNumber == 1 ? "^1–\\d+$" : "^\\d+–\\d+$"));
        await Expect(page.Locator("[data-public-key]")).ToHaveTextAsync(host.Services.GetRequiredService<SealKey>().PublicKey!);
        await page.GotoAsync($"/statements/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Verify this statement" }).ClickAsync();
        var link = page.Locator("[data-chain] > li[data-stream='actor:aud-one'][data-version='2']");
        await Expect(link.Locator("[data-previous-hash]")).ToHaveAttributeAsync("data-previous-hash", registeredHash!);
        await Expect(link.Locator("[data-recomputed]")).ToHaveAttributeAsync("data-recomputed", "matches");
        await Expect(link.Locator("dd[data-seal]")).ToHaveAttributeAsync("data-seal", sealNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("[data-stream-check='actor:aud-one']")).ToHaveAttributeAsync("data-intact", "true");

        try
        {
            // when the recorded quote is changed in PostgreSQL behind the archive's back
            await Tamper("update EVENTS set data = jsonb_set(data, '{quote}', '\"The ledger is closed.\"') where stream_id = 'actor:aud-one' and version = 2");

            // then the audit page names the stream and the version, and the statement's link no longer holds
            await page.GotoAsync("/audit");
            await Expect(page.Locator("[data-audit-result]")).ToHaveAttributeAsync("data-audit-result", "broken");
            var broken = page.Locator("[data-broken-stream]");
            await Expect(broken).ToHaveCountAsync(1);
            await Expect(broken).ToHaveAttributeAsync("data-broken-stream", "actor:aud-one");
            await Expect(broken).ToHaveAttributeAsync("data-broken-version", "2");
            await page.GotoAsync($"/statements/{id}/verify");
            await Expect(link.Locator("[data-recomputed]")).ToHaveAttributeAsync("data-recomputed", "differs");
            await Expect(page.Locator("[data-stream-check='actor:aud-one']")).ToHaveAttributeAsync("data-intact", "false");
            await Expect(page.Locator("[data-stream-check='actor:aud-one'] [data-broken-version]")).ToHaveTextAsync("2");
        }
        finally
        {
            // the quote as recorded, so the export of this host still verifies
            await Tamper("update EVENTS set data = jsonb_set(data, '{quote}', '\"The ledger is open to everyone.\"') where stream_id = 'actor:aud-one' and version = 2");
        }
        await page.GotoAsync("/audit");
        await Expect(page.Locator("[data-audit-result]")).ToHaveAttributeAsync("data-audit-result", "intact");
    }

    [Fact]
    public async Task Export_AsAuditor_ABundleThatVerifiesOfflineWithItsSignedSeal()
    {
        // given a sealed archive and a signed-in auditor
        await host.RegisterActor("aud-two", "Audrey Two");
        await host.RegisterSource("Second notice", "Audrey Two spoke briefly.");
        await host.Seal();
        using var auditor = new FormClient(host);
        (await auditor.SignIn(WorkspaceHost.Auditor)).Dispose();

        // when the audit page's export is downloaded
        using var response = await auditor.Get("/audit/export");

        // then it is an NDJSON attachment that verifies offline, seals and their signatures included
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("attachment;", response.Content.Headers.ContentDisposition?.ToString());
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var verification = Archive.Audit.BundleVerifier.Verify(lines, Archive.Store.Audit.SealKey.Verify);
        Assert.True(verification.Verified, verification.Failure?.ToString());
        Assert.True(verification.Seals >= 1);
        Assert.Equal(host.Services.GetRequiredService<SealKey>().PublicKey,
            System.Text.Json.JsonDocument.Parse(lines[0]).RootElement.GetProperty("publicKey").GetString());
    }

    [Theory]
    [InlineData("/audit")]
    [InlineData("/audit/export")]
    [InlineData("/statements/st-0123456789abcdef0123/verify")]
    public async Task AuditPages_AsReader_403(string path)
    {
        // given a signed-in reader
        using var reader = new FormClient(host);
        (await reader.SignIn(WorkspaceHost.Reader)).Dispose();

        // when it asks for an auditor's page
        using var response = await reader.Get(path);

        // then the server refuses it, naming the role it needs
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("auditor", await response.Content.ReadAsStringAsync());
    }
}
