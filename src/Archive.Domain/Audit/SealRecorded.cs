namespace Archive.Domain.Audit;

/// <summary>
/// A seal over every event with a position in (<see cref="FromPosition"/> - 1, <see cref="ToPosition"/>], except the
/// seals themselves (which chain in their own stream): the Merkle root of their hashes in position order.
/// <see cref="Signature"/> is an Ed25519 signature (base64) of the seal text the audit library defines, when the archive has a key.
/// </summary>
public sealed record SealRecorded(
    long Number, long FromPosition, long ToPosition, long Events, string MerkleRoot, string? PreviousSealRoot,
    string? Signature, string SealedBy, DateTimeOffset SealedAt);
