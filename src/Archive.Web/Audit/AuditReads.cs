using Archive.Audit;
using Archive.Domain.Audit;
using Archive.Store.Audit;
using Archive.Store.Events;
using Npgsql;

namespace Archive.Web.Audit;

/// <summary>A seal as the audit pages show it, with whether its signature verifies under the archive's public key.</summary>
/// <param name="Signed">"verified", "does not verify", "unsigned", or "no public key to check it with".</param>
public sealed record SealRow(
    long Number, long Version, long Position, long From, long To, long Events, string MerkleRoot, string? PreviousRoot,
    string? Signature, string Signed, string SealedBy, DateTimeOffset SealedAt)
{
    public bool Covers(long position) => From <= position && position <= To;
}

/// <summary>One event of a statement as a link of its stream's hash chain.</summary>
/// <param name="Recomputed">The hash recomputed from the event as stored now and the previous event's recorded hash.</param>
public sealed record ChainLink(HistoryEntry Entry, string? PreviousHash, string Recomputed, SealRow? Seal)
{
    public bool Holds => Entry.Hash == Recomputed;
}

/// <summary>
/// What the audit pages read, all through the store's own readers (<see cref="EventRecords"/>, the chain audit):
/// the seals, and a statement's events with the hashes they chain to.
/// </summary>
public static class AuditReads
{
    public const int SealPage = 100;

    /// <summary>A page of seals in the order they were made, after the seal stream's version <paramref name="after"/>.</summary>
    public static async Task<(IReadOnlyList<SealRow> Seals, long? Next)> Seals(
        NpgsqlDataSource database, string schema, string? publicKey, long after, int limit, CancellationToken ct)
    {
        var entries = await EventRecords.OfStream(database, schema, MerkleTree.SealStream, after, limit + 1, ct);
        var rows = entries.Take(limit).Select(e => Row(e, publicKey)).OfType<SealRow>().ToList();
        return (rows, entries.Count > limit ? entries[limit - 1].Version : null);
    }

    /// <summary>Every seal, for finding the one that covers a position.</summary>
    public static async Task<IReadOnlyList<SealRow>> AllSeals(NpgsqlDataSource database, string schema, string? publicKey, CancellationToken ct)
    {
        var all = new List<SealRow>();
        long? after = 0;
        while (after is { } version)
        {
            var (page, next) = await Seals(database, schema, publicKey, version, 1000, ct);
            all.AddRange(page);
            after = next;
        }
        return all;
    }

    /// <summary>
    /// The statement's events (its speaker's, its filings, the links to it), each with the recorded hash of the event
    /// before it in its stream, its hash recomputed from both, and the seal that covers it.
    /// </summary>
    public static async Task<IReadOnlyList<ChainLink>> Links(
        NpgsqlDataSource database, string schema, string statementId, IReadOnlyList<SealRow> seals, CancellationToken ct)
    {
        var links = new List<ChainLink>();
        foreach (var entry in await EventRecords.OfStatement(database, schema, statementId, ct))
        {
            string? previous = null;
            if (entry.Version > 1)
            {
                var before = await EventRecords.OfStream(database, schema, entry.Stream, entry.Version - 2, 1, ct);
                previous = before.FirstOrDefault(b => b.Version == entry.Version - 1)?.Hash;
            }
            var recomputed = EventHash.ComputeFromJson(previous, entry.Stream, entry.Version, entry.Type, entry.Data.GetRawText());
            links.Add(new ChainLink(entry, previous, recomputed, seals.FirstOrDefault(s => s.Covers(entry.Position))));
        }
        return links;
    }

    private static SealRow? Row(HistoryEntry entry, string? publicKey)
    {
        if (EventRecords.ToEvent(entry) is not SealRecorded seal) return null;
        var signed = seal.Signature is null ? "unsigned"
            : publicKey is null ? "no public key to check it with"
            : SealKey.Verify(publicKey, SealText.Signed(seal.Number, seal.FromPosition, seal.ToPosition, seal.Events, seal.MerkleRoot, seal.PreviousSealRoot), seal.Signature)
                ? "verified" : "does not verify";
        return new SealRow(seal.Number, entry.Version, entry.Position, seal.FromPosition, seal.ToPosition, seal.Events, seal.MerkleRoot,
            seal.PreviousSealRoot, seal.Signature, signed, seal.SealedBy, seal.SealedAt);
    }
}
