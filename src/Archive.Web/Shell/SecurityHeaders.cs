namespace Archive.Web.Shell;

/// <summary>
/// Headers on every workspace answer. The policy admits scripts and styles from this origin only: no inline script,
/// no style attribute, no eval, no plugin, no framing, and forms post only here.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; " +
        "frame-ancestors 'none'; form-action 'self'";

    public static void Apply(HttpResponse response, bool cacheable)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        // Pages carry a session's data and its antiforgery token: never kept by a shared cache or the back button's store.
        if (cacheable) return;
        headers.CacheControl = "no-cache, no-store";
        headers.Pragma = "no-cache";
    }
}
