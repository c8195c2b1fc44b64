using System.Security.Cryptography;
using System.Text;

namespace Archive.Domain.Audit;

/// <summary>
/// The hash chain: each event's hash is SHA-256 over the UTF-8 bytes of
/// <c>previous + "\n" + streamKey + "\n" + version + "\n" + typeAlias + "\n" + canonicalBody</c>, where
/// <c>previous</c> is the hash of the stream's previous event (empty for version 1), the version is in decimal,
/// and the body is in <see cref="CanonicalJson"/> form. Hashes are lowercase hex.
/// </summary>
public static class EventHash
{
    public const string Header = "hash";

    public static string Compute(string? previous, string streamKey, long version, string typeAlias, string canonicalBody)
    {
        var text = $"{previous ?? ""}\n{streamKey}\n{version}\n{typeAlias}\n{canonicalBody}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
