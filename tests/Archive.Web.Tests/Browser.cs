using Microsoft.Playwright;
using Xunit;

namespace Archive.Web.Tests;

/// <summary>
/// Debian's chromium driven by Playwright (its own browser download is not reachable here): one browser for a test
/// class, a fresh context (cookies, storage) for each signed-in user.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public static string ExecutablePath => Environment.GetEnvironmentVariable("ARCHIVE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright _playwright = null!;

    public IBrowser Chromium { get; private set; } = null!;

    private readonly Dictionary<IPage, List<string>> _errors = [];

    /// <summary>The console errors (CSP violations, failed loads, script errors) of a page opened here, in order.</summary>
    public IReadOnlyList<string> ErrorsOf(IPage page)
    {
        lock (_errors) return _errors.TryGetValue(page, out var errors) ? [.. errors] : [];
    }

    public async ValueTask InitializeAsync()
    {
        Assert.True(File.Exists(ExecutablePath), $"no chromium at {ExecutablePath}: deploy/test.sh installs Debian's package (apt-get install chromium)");
        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }

    /// <summary>A new context and page on the host, not signed in.</summary>
    public async Task<IPage> Open(WorkspaceHost host)
    {
        var context = await Chromium.NewContextAsync(new() { BaseURL = host.Address.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        lock (_errors) _errors[page] = errors;
        page.Console += (_, message) =>
        {
            if (message.Type == "error") lock (_errors) errors.Add($"{page.Url}: {message.Text}");
        };
        page.PageError += (_, error) => { lock (_errors) errors.Add($"{page.Url}: {error}"); };
        return page;
    }

    /// <summary>A new page signed in with <paramref name="key"/> through the sign-in form, on the sources list.</summary>
    public async Task<IPage> SignedIn(WorkspaceHost host, string key)
    {
        var page = await Open(host);
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("API key", new() { Exact = true }).FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sources$"));
        return page;
    }
}
