namespace Archive.Domain.Audit;

/// <summary>
/// A seal over every event with a position in (<see cref="FromPosition"/> - 1, <see cref="ToPosition"/>], except the
/// seals themselves (which chain in their own stream): the Merkle root of their hashes in position order.
/// <see cref="Signature"/> is an Ed25519 signature (base64) of <see cref="SignedText"/> when the archive has a key.
/// </summary>
public sealed record SealRecorded(
    long Number, long FromPosition, long ToPosition, long Events, string MerkleRoot, string? PreviousSealRoot,
    string? Signature, string SealedBy, DateTimeOffset SealedAt)
{
    /// <summary>What a seal's signature covers: number, range, count, root and previous root, one per line, UTF-8.</summary>
    public static string SignedText(long number, long from, long to, long events, string merkleRoot, string? previousSealRoot) =>
        $"statement-archive-seal\n{number}\n{from}\n{to}\n{events}\n{merkleRoot}\n{previousSealRoot ?? ""}";
}
