using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace Archive.Cli.Audit;

/// <summary>Checks seal signatures offline, with only the public key the bundle (or the archive) published.</summary>
public static class Ed25519
{
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
