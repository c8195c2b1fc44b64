using System.Text.Json;

namespace Archive.Audit.Bundles;

// Seal events (stream archive:seals) carry a Merkle root over the hashes of the events in their position range and,
// when the archive has a key, a signature: both are rechecked from the bundle's own lines.
internal sealed class SealChecks(SignatureCheck? signatures)
{
    public const string Type = "seal_recorded";

    private readonly List<(long Position, string Hash)> _leaves = []; // every non-seal position, in order

    // the key the header names: seals are checked against it when the caller can check signatures
    public string? PublicKey { get; set; }

    public static bool IsSeal(BundleEvent e) => e.Stream == MerkleTree.SealStream && e.Type == Type;

    public void Leaf(long position, string hash) => _leaves.Add((position, hash));

    // bundleFrom is the header's first position: the root of a seal that covers earlier ones cannot be recomputed here
    public BundleLineProblem? Check(BundleEvent seal, long bundleFrom)
    {
        var data = seal.Data;
        if (data.ValueKind != JsonValueKind.Object
            || BundleReader.Whole(data, "fromPosition") is not { } from || BundleReader.Whole(data, "toPosition") is not { } to
            || BundleReader.Text(data, "merkleRoot") is not { } root)
            return Problem("the seal has no range or root", "fromPosition, toPosition and merkleRoot", data.ToString());
        if (PublicKey is not null && signatures is not null)
        {
            var signed = SealText.Signed(BundleReader.Whole(data, "number") ?? 0, from, to, BundleReader.Whole(data, "events") ?? 0, root,
                BundleReader.Text(data, "previousSealRoot"));
            if (BundleReader.Text(data, "signature") is not { } signature)
                return Problem("the seal is not signed, though the bundle names the archive's public key", "an Ed25519 signature", "none");
            if (!signatures(PublicKey, signed, signature))
                return Problem("the seal's signature does not verify with the bundle's public key", PublicKey, signature);
        }
        if (from < bundleFrom) return null;
        var leaves = _leaves.Where(e => e.Position >= from && e.Position <= to).Select(e => e.Hash).ToArray();
        var computed = leaves.Length == 0 ? "(no events)" : MerkleTree.Root(leaves);
        if (!string.Equals(computed, root, StringComparison.Ordinal))
            return Problem($"the seal over positions {from}-{to} does not match the bundle's events", root, computed);
        // the root already fixes the leaves; a count that disagrees with it is a seal the archive wrote wrongly
        var events = BundleReader.Whole(data, "events") ?? 0;
        return events == leaves.Length
            ? null
            : Problem($"the seal over positions {from}-{to} counts another number of events than the bundle holds",
                $"{events} events, as the seal says", $"{leaves.Length} events in the bundle");

        BundleLineProblem Problem(string problem, string expected, string found) => new(problem, expected, found, seal.Stream, seal.Version);
    }
}
