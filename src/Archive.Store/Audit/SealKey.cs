using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace Archive.Store.Audit;

/// <summary>
/// The archive's Ed25519 seal key, from configuration (<c>ARCHIVE_SEAL_KEY</c>: the 32-byte private key, base64).
/// Without one, seals are recorded unsigned.
/// </summary>
public sealed class SealKey
{
    private readonly Ed25519PrivateKeyParameters? _private;

    public SealKey(string? privateKeyBase64)
    {
        if (string.IsNullOrWhiteSpace(privateKeyBase64)) return;
        byte[] bytes;
        try { bytes = Convert.FromBase64String(privateKeyBase64.Trim()); }
        catch (FormatException) { throw new InvalidOperationException("ARCHIVE_SEAL_KEY is not base64: give the 32-byte Ed25519 private key in base64."); }
        if (bytes.Length != Ed25519PrivateKeyParameters.KeySize)
            throw new InvalidOperationException($"ARCHIVE_SEAL_KEY must be {Ed25519PrivateKeyParameters.KeySize} bytes, not {bytes.Length}.");
        _private = new Ed25519PrivateKeyParameters(bytes, 0);
        PublicKey = Convert.ToBase64String(_private.GeneratePublicKey().GetEncoded());
    }

    private SealKey(string? publicKey, bool _) => PublicKey = publicKey;

    /// <summary>
    /// What an API node that does not sign needs: the public key it publishes with bundles and at /api/audit/key
    /// (<c>ARCHIVE_SEAL_PUBLIC_KEY</c>), so the private key stays on the silos.
    /// </summary>
    public static SealKey PublicOnly(string? publicKeyBase64)
    {
        if (string.IsNullOrWhiteSpace(publicKeyBase64)) return new SealKey(null, false);
        byte[] bytes;
        try { bytes = Convert.FromBase64String(publicKeyBase64.Trim()); }
        catch (FormatException) { throw new InvalidOperationException("ARCHIVE_SEAL_PUBLIC_KEY is not base64: give the 32-byte Ed25519 public key in base64."); }
        if (bytes.Length != Ed25519PublicKeyParameters.KeySize)
            throw new InvalidOperationException($"ARCHIVE_SEAL_PUBLIC_KEY must be {Ed25519PublicKeyParameters.KeySize} bytes, not {bytes.Length}.");
        return new SealKey(Convert.ToBase64String(bytes), false);
    }

    /// <summary>The public key (32 bytes, base64), or null when seals are not signed.</summary>
    public string? PublicKey { get; }

    public string? Sign(string text)
    {
        if (_private is null) return null;
        var signer = new Ed25519Signer();
        signer.Init(true, _private);
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        signer.BlockUpdate(bytes, 0, bytes.Length);
        return Convert.ToBase64String(signer.GenerateSignature());
    }

    /// <summary>
    /// Whether <paramref name="signature"/> (base64) is an Ed25519 signature of <paramref name="signedText"/> under
    /// <paramref name="publicKey"/> (base64): false for anything malformed. Offline checks need only the published key.
    /// </summary>
    public static bool Verify(string publicKey, string signedText, string signature)
    {
        try
        {
            var verifier = new Ed25519Signer();
            verifier.Init(false, new Ed25519PublicKeyParameters(Convert.FromBase64String(publicKey), 0));
            var bytes = System.Text.Encoding.UTF8.GetBytes(signedText);
            verifier.BlockUpdate(bytes, 0, bytes.Length);
            return verifier.VerifySignature(Convert.FromBase64String(signature));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return false;
        }
    }
}
