using System.Security.Cryptography;
using System.Text;

namespace Archive.Api.Security;

/// <summary>A configured key: only the SHA-256 of its secret is held.</summary>
public sealed record ApiKey(string Role, string Name, byte[] Hash)
{
    public bool Revoked => Role == Roles.Revoked;

    public static byte[] HashOf(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}

/// <summary>Every configured key, looked up by the hash of a presented secret.</summary>
public sealed class KeyRing(IReadOnlyList<ApiKey> keys)
{
    public IReadOnlyList<ApiKey> Keys { get; } = keys;

    /// <summary>
    /// Compares against every key in constant time and never stops early, so timing reveals neither which key
    /// matched nor how much of a guess was right. A revocation entry for the same hash wins over the key itself.
    /// </summary>
    public ApiKey? Find(string secret)
    {
        var hash = ApiKey.HashOf(secret);
        ApiKey? found = null;
        foreach (var key in Keys)
        {
            var match = CryptographicOperations.FixedTimeEquals(hash, key.Hash);
            if (match && (found is null || key.Revoked)) found = key;
        }
        return found;
    }
}
