using System.Collections.Concurrent;
using System.Security.Cryptography;
using Archive.Api.Security;

namespace Archive.Web.Sessions;

/// <summary>
/// Sessions held in this process, each named by a random 256-bit id that is all the browser keeps (an HttpOnly,
/// SameSite=Strict cookie, Secure over HTTPS). The key is checked once at sign-in against the archive's own key ring;
/// the session keeps its hash so a key revoked or removed later ends the session on its next request.
/// </summary>
public sealed class WorkspaceSessions(KeyRing keys, TimeProvider time)
{
    public const string Scheme = "ArchiveWorkspace";
    public const string CookieName = "archive-session";
    public static readonly TimeSpan IdleLimit = TimeSpan.FromHours(8);
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    private const int MaxSessions = 10_000;

    private readonly ConcurrentDictionary<string, WorkspaceSession> _sessions = new(StringComparer.Ordinal);

    /// <summary>A new session for the key, or the reason it is refused (the same words the API uses).</summary>
    public (WorkspaceSession? Session, string? Refusal) SignIn(HttpContext http, string? secret)
    {
        var key = string.IsNullOrWhiteSpace(secret) ? null : keys.Find(secret.Trim());
        if (key is null) return (null, string.IsNullOrWhiteSpace(secret) ? "enter an API key" : "the key is not known to this archive");
        if (key.Revoked) return (null, $"the key '{key.Name}' was revoked");

        Forget(http); // a new id at every sign-in: an id planted before it is worth nothing after it
        Prune();
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var session = new WorkspaceSession(id, key.Hash, key.Name, key.Role, time.GetUtcNow());
        _sessions[id] = session;
        http.Response.Cookies.Append(CookieName, id, Cookie(http));
        return (session, null);
    }

    /// <summary>The request's live session, or null; an expired one, or one whose key is gone, is ended.</summary>
    public WorkspaceSession? Find(HttpContext http)
    {
        if (http.Request.Cookies[CookieName] is not { Length: > 0 } id || !_sessions.TryGetValue(id, out var session)) return null;
        var now = time.GetUtcNow();
        if (now - session.LastSeen > IdleLimit || now - session.Started > Lifetime || !KeyIsLive(session.KeyHash))
        {
            _sessions.TryRemove(id, out _);
            return null;
        }
        session.LastSeen = now;
        return session;
    }

    public void End(HttpContext http)
    {
        Forget(http);
        http.Response.Cookies.Delete(CookieName, Cookie(http));
    }

    private void Forget(HttpContext http)
    {
        if (http.Request.Cookies[CookieName] is { Length: > 0 } id) _sessions.TryRemove(id, out _);
    }

    public int Count => _sessions.Count;

    private static CookieOptions Cookie(HttpContext http) => new()
    {
        HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = "/", IsEssential = true,
    };

    // Every key is compared, in constant time, as the key ring does; a revocation entry for the hash wins.
    private bool KeyIsLive(byte[] hash)
    {
        var live = false;
        var revoked = false;
        foreach (var key in keys.Keys)
        {
            if (!CryptographicOperations.FixedTimeEquals(hash, key.Hash)) continue;
            if (key.Revoked) revoked = true;
            else live = true;
        }
        return live && !revoked;
    }

    private void Prune()
    {
        var now = time.GetUtcNow();
        foreach (var (id, session) in _sessions)
            if (now - session.LastSeen > IdleLimit || now - session.Started > Lifetime) _sessions.TryRemove(id, out _);
        // A flood of sign-ins cannot grow the table without bound: the least recently seen go first.
        if (_sessions.Count < MaxSessions) return;
        foreach (var stale in _sessions.Values.OrderBy(s => s.LastSeen).Take(_sessions.Count - MaxSessions + 1))
            _sessions.TryRemove(stale.Id, out _);
    }
}
