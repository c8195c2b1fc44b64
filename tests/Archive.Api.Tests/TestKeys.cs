using System.Net.Http.Headers;
using Archive.Api.Security;

namespace Archive.Api.Tests;

/// <summary>The keys every test host knows (through <c>ARCHIVE_KEYS</c>), one per role, plus a revoked one.</summary>
public static class TestKeys
{
    public const string Archivist = "test-archivist-secret-0001";
    public const string Auditor = "test-auditor-secret-0002";
    public const string Reader = "test-reader-secret-0003";
    public const string Revoked = "test-revoked-secret-0004";
    public const string Unknown = "not-a-key-of-this-archive-0005";

    public const string ArchivistName = "test-archivist";
    public const string AuditorName = "test-auditor";
    public const string ReaderName = "test-reader";
    public const string RevokedName = "test-retired";

    /// <summary>The revoked key is listed as an archivist and revoked by its hash alone, as an operator would.</summary>
    public static readonly string Setting = string.Join(';',
        $"{Roles.Archivist}:{ArchivistName}:{Archivist}",
        $"{Roles.Auditor}:{AuditorName}:{Auditor}",
        $"{Roles.Reader}:{ReaderName}:{Reader}",
        $"{Roles.Archivist}:{RevokedName}:{Revoked}",
        $"{Roles.Revoked}:{RevokedName}:sha256:{Sha256(Revoked)}");

    /// <summary>The secret a role's test key sends; null for no key at all.</summary>
    public static string? For(string? role) => role switch
    {
        null => null,
        Roles.Archivist => Archivist,
        Roles.Auditor => Auditor,
        Roles.Reader => Reader,
        Roles.Revoked => Revoked,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "no test key for this role"),
    };

    public static string Sha256(string secret) => Convert.ToHexStringLower(ApiKey.HashOf(secret));

    public static HttpClient WithKey(this HttpClient client, string? secret)
    {
        client.DefaultRequestHeaders.Authorization = secret is null ? null : new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }
}
