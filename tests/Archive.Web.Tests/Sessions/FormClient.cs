using System.Net;
using System.Text.RegularExpressions;

namespace Archive.Web.Tests.Sessions;

/// <summary>A browser without a browser: keeps cookies, never follows redirects, reads the antiforgery token a page carries.</summary>
public sealed partial class FormClient : IDisposable
{
    private readonly HttpClient _client;

    public FormClient(WorkspaceHost host)
    {
        Cookies = new CookieContainer();
        _client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = host.Address };
    }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> Get(string path) => _client.GetAsync(path);

    public Task<HttpResponseMessage> Post(string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        _client.PostAsync(path, new FormUrlEncodedContent(fields));

    /// <summary>The antiforgery token of the first form on the page at <paramref name="path"/>.</summary>
    public async Task<string> TokenFrom(string path)
    {
        using var response = await Get(path);
        var html = await response.Content.ReadAsStringAsync();
        return Token().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException($"no token on {path}: {html}");
    }

    /// <summary>Signs in through the form, as a person would; answers the sign-in's response.</summary>
    public async Task<HttpResponseMessage> SignIn(string key) =>
        await Post("/sign-in", [new("__RequestVerificationToken", await TokenFrom("/sign-in")), new("key", key), new("returnUrl", "/sources")]);

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
