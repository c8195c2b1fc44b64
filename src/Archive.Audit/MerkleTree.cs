using System.Security.Cryptography;

namespace Archive.Audit;

/// <summary>
/// Merkle root over hex hashes: leaves are the hashes' bytes; each level hashes SHA-256(left ‖ right) pairwise,
/// carrying an odd last node up unchanged; the root is lowercase hex. One leaf is its own root.
/// </summary>
public static class MerkleTree
{
    public const string SealStream = "archive:seals";

    public static string Root(IReadOnlyList<string> leafHashes)
    {
        if (leafHashes.Count == 0) throw new ArgumentException("a seal covers at least one event", nameof(leafHashes));
        var level = leafHashes.Select(Convert.FromHexString).ToList();
        while (level.Count > 1)
        {
            var next = new List<byte[]>((level.Count + 1) / 2);
            for (var i = 0; i < level.Count; i += 2)
                next.Add(i + 1 < level.Count ? SHA256.HashData([.. level[i], .. level[i + 1]]) : level[i]);
            level = next;
        }
        return Convert.ToHexStringLower(level[0]);
    }
}
