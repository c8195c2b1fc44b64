using System.Collections.Frozen;
using System.Security.Cryptography;

namespace Archive.Web.Shell;

/// <summary>
/// The workspace's scripts and style sheet, embedded in the assembly (so a host serves them however it is run) and
/// served under a URL that names their content hash, so a browser may keep them for a year and never keeps a stale one.
/// </summary>
public static class WebAssets
{
    public const string Htmx = "htmx.min.js";        // htmx 4.0.1, see wwwroot/htmx.LICENSE.txt
    public const string Script = "workspace.js";
    public const string Styles = "workspace.css";
    public const string Icon = "favicon.svg";

    private sealed record Asset(byte[] Content, string ContentType, string Hash);

    private static readonly FrozenDictionary<string, Asset> All = Load();

    /// <summary>The URL of an asset, with its content hash.</summary>
    public static string Url(string name) => $"/assets/{name}?v={All[name].Hash}";

    public static async Task<bool> TryServe(HttpContext http)
    {
        var name = http.Request.Path.Value?["/assets/".Length..] ?? "";
        if (!All.TryGetValue(name, out var asset)) return false;
        var response = http.Response;
        response.ContentType = asset.ContentType;
        response.Headers.CacheControl = http.Request.Query["v"] == asset.Hash ? "public, max-age=31536000, immutable" : "no-cache";
        response.Headers.ETag = $"\"{asset.Hash}\"";
        if (http.Request.Headers.IfNoneMatch == $"\"{asset.Hash}\"")
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return true;
        }
        response.ContentLength = asset.Content.Length;
        if (!HttpMethods.IsHead(http.Request.Method)) await response.Body.WriteAsync(asset.Content, http.RequestAborted);
        return true;
    }

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(WebAssets).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in new[] { Htmx, Script, Styles, Icon })
        {
            using var stream = assembly.GetManifestResourceStream("assets/" + name)
                               ?? throw new InvalidOperationException($"the workspace asset '{name}' is not embedded in {assembly.GetName().Name}");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var content = copy.ToArray();
            var type = Path.GetExtension(name) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "text/javascript; charset=utf-8",
            };
            assets[name] = new Asset(content, type, Convert.ToHexStringLower(SHA256.HashData(content))[..16]);
        }
        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
