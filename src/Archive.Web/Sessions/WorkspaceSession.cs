using System.Security.Claims;
using Archive.Api.Security;

namespace Archive.Web.Sessions;

/// <summary>
/// A signed-in browser as the server holds it: the key's name, role and hash (to see a revocation at once), never the
/// key itself; and the position of its last write, so every page it opens next shows that write.
/// </summary>
public sealed class WorkspaceSession(string id, byte[] keyHash, string name, string role, DateTimeOffset started)
{
    private long _lastWrite;
    private long _seenThrough;

    public string Id { get; } = id;
    public byte[] KeyHash { get; } = keyHash;
    public string Name { get; } = name;
    public string Role { get; } = role;
    public DateTimeOffset Started { get; } = started;
    public DateTimeOffset LastSeen { get; set; } = started;

    /// <summary>The global event position of the last write made through this session.</summary>
    public long LastWrite => Interlocked.Read(ref _lastWrite);

    /// <summary>A position the read models were seen to have processed: no page waits for what is older.</summary>
    public long SeenThrough => Interlocked.Read(ref _seenThrough);

    public void Wrote(long position) => Raise(ref _lastWrite, position);

    public void Saw(long position) => Raise(ref _seenThrough, position);

    public bool May(string policy) => Roles.Grants(Role, policy);

    public ClaimsPrincipal Principal() => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, Name), new Claim(ClaimTypes.Role, Role)], WorkspaceSessions.Scheme, ClaimTypes.Name, ClaimTypes.Role));

    private static void Raise(ref long field, long value)
    {
        for (var current = Interlocked.Read(ref field); value > current; current = Interlocked.Read(ref field))
            if (Interlocked.CompareExchange(ref field, value, current) == current) return;
    }
}
