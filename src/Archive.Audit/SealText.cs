namespace Archive.Audit;

/// <summary>What a seal's Ed25519 signature covers, so the sealer and every verifier sign and check the same bytes.</summary>
public static class SealText
{
    /// <summary>Number, range, count, root and previous root, one per line after a fixed first line, UTF-8.</summary>
    public static string Signed(long number, long from, long to, long events, string merkleRoot, string? previousSealRoot) =>
        $"statement-archive-seal\n{number}\n{from}\n{to}\n{events}\n{merkleRoot}\n{previousSealRoot ?? ""}";
}
