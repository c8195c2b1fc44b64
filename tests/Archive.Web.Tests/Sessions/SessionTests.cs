using System.Net;
using Archive.Testing;
using Archive.Web.Shell;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Archive.Web.Tests.Sessions;

/// <summary>Sign-in, the session cookie, roles on form posts and antiforgery tokens, over plain HTTP.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class SessionTests(WorkspaceHost host)
{
    [Fact]
    public async Task SignIn_KnownKey_SetsAStrictHttpOnlySessionCookieThatIsNotTheKey()
    {
        // given the sign-in form
        using var browser = new FormClient(host);

        // when an archivist's key is sent
        using var response = await browser.SignIn(WorkspaceHost.Archivist);

        // then the answer goes on to the sources and sets a session cookie: HttpOnly, SameSite=Strict, neither key nor hash
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/sources", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("archive-session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase); // plain HTTP here; Secure over HTTPS
        var hash = Api.Security.ApiKey.HashOf(WorkspaceHost.Archivist);
        foreach (var secretForm in new[] { WorkspaceHost.Archivist, Convert.ToHexStringLower(hash), Convert.ToBase64String(hash) })
            Assert.DoesNotContain(secretForm, cookie, StringComparison.OrdinalIgnoreCase);
        using var sources = await browser.Get("/sources");
        Assert.Equal(HttpStatusCode.OK, sources.StatusCode);
        Assert.Contains(WorkspaceHost.ArchivistName, await sources.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("not-a-key-of-this-archive-0005", "the key is not known to this archive")]
    [InlineData(WorkspaceHost.Revoked, "the key &#x27;web-retired&#x27; was revoked")]
    public async Task SignIn_UnknownOrRevokedKey_RefusedBesideTheField(string key, string reason)
    {
        // given the sign-in form
        using var browser = new FormClient(host);

        // when a key the archive does not accept is sent
        using var response = await browser.SignIn(key);

        // then the form comes back with the reason next to the key field, and no session
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"id=\"key-error\" data-error-for=\"key\">{reason}", html);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith("archive-session=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Page_NotSignedIn_RedirectsToSignInAndBack()
    {
        // given no session
        using var browser = new FormClient(host);

        // when a statement page is asked for
        using var response = await browser.Get("/statements/st-0123456789abcdef0123?x=1");

        // then the answer is the sign-in page, which will come back here
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/sign-in?returnUrl=%2Fstatements%2Fst-0123456789abcdef0123%3Fx%3D1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task FormPost_WithoutAntiforgeryToken_RefusedAndNothingRecorded()
    {
        // given a signed-in archivist
        using var browser = new FormClient(host);
        (await browser.SignIn(WorkspaceHost.Archivist)).Dispose();
        var before = await EventCount();

        // when a form is posted without the page's token (as another site's page would)
        using var response = await browser.Post("/sources", [new("title", "Forged"), new("text", "A forged registration.")]);

        // then it is refused and nothing is appended
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("antiforgery token", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await EventCount());
    }

    [Fact]
    public async Task FormPost_AsReader_403WhateverThePageShowed()
    {
        // given a signed-in reader holding a valid token from a page
        using var browser = new FormClient(host);
        (await browser.SignIn(WorkspaceHost.Reader)).Dispose();
        var token = await browser.TokenFrom("/sources");
        var before = await EventCount();

        // when it posts the archivist's form anyway
        using var response = await browser.Post("/sources", [new("__RequestVerificationToken", token), new("title", "Not mine"), new("text", "A reader's try.")]);

        // then the server refuses it with 403 and nothing is appended
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("reader role", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await EventCount());
    }

    [Fact]
    public async Task SignOut_ThenAPage_TheSessionIsGone()
    {
        // given a signed-in auditor
        using var browser = new FormClient(host);
        (await browser.SignIn(WorkspaceHost.Auditor)).Dispose();
        var token = await browser.TokenFrom("/sources");

        // when it signs out
        using var signOut = await browser.Post("/sign-out", [new("__RequestVerificationToken", token)]);

        // then the next page asks to sign in again
        Assert.Equal(HttpStatusCode.SeeOther, signOut.StatusCode);
        using var after = await browser.Get("/sources");
        Assert.Equal(HttpStatusCode.SeeOther, after.StatusCode);
        Assert.StartsWith("/sign-in", after.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Pages_CarryTheContentSecurityPolicy_AndTheApiIsUnchanged()
    {
        // given the sign-in page and an API route
        using var browser = new FormClient(host);
        using var page = await browser.Get("/sign-in");
        using var api = await browser.Get("/api/sources/src-00000000000000000000");

        // then the page forbids inline script and style and has neither; the API still answers with its own 401
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, page.Headers.GetValues("Content-Security-Policy").Single());
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)", html);
        Assert.DoesNotContain(" style=", html);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.False(api.Headers.Contains("Content-Security-Policy"));
    }

    private Task<long> EventCount() =>
        TestDatabase.EventCount(host.Services.GetRequiredService<Archive.Store.ArchiveSettings>().Schema);
}
