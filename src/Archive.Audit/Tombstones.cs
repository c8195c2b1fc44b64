namespace Archive.Audit;

/// <summary>
/// Marten's fillers for the positions of a failed append. An append draws its events' positions before it commits;
/// when the transaction fails (a stale stream version, a lost connection), Marten writes one "tombstone" event per
/// drawn position into a stream of its own, so the sequence has no holes for projections to wait on. A tombstone
/// carries nothing of the archive — no data, no hash — so the audit counts it rather than chaining it; an event of
/// that stream that does not look exactly like this is not a tombstone, and is verified (and reported) as any event.
/// </summary>
public static class Tombstones
{
    public const string Stream = "mt_tombstone";
    public const string Type = "tombstone";

    /// <summary>The Merkle leaf a seal takes for a position without a hash (a tombstone's): 64 zeros.</summary>
    public static readonly string SealLeaf = new('0', 64);

    public static bool Is(string stream, string type, string bodyJson, string? hash) =>
        stream == Stream && type == Type && hash is null && bodyJson.Trim() == "{}";
}
