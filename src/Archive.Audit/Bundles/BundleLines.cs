using System.Text.Json;

namespace Archive.Audit.Bundles;

/// <summary>
/// The lines of an export bundle (NDJSON), as records: one header, the events and tombstones of a range of global
/// positions in position order, one footer. <see cref="BundleWriter"/> writes them, <see cref="BundleReader"/> reads
/// them back and <see cref="BundleVerifier"/> checks what it read (docs/audit.md).
/// </summary>
public abstract record BundleLine
{
    public abstract string Kind { get; }
}

/// <param name="PublicKey">The Ed25519 key (base64) that verifies the seals' signatures; null when the archive signs none.</param>
public sealed record BundleHeader(
    DateTimeOffset ExportedAt, long FromPosition, long ToPosition, string? PublicKey) : BundleLine
{
    public const string Sha256 = "sha256";
    public const string Rfc8785 = "RFC 8785";

    public override string Kind => BundleFields.Header;
    public string Format => BundleVerifier.Format;
    public int FormatVersion => BundleVerifier.FormatVersion;
    public string Hash => Sha256;
    public string Canonicalization => Rfc8785;
}

/// <param name="Hash">Null only for an event the store holds without a hash, which a verifier then reports.</param>
/// <param name="PreviousHash">The hash of the stream's previous event (in the bundle or not), so a bundle that starts mid-stream still chains.</param>
public sealed record BundleEvent(
    long Position, string Stream, long Version, string Type, DateTimeOffset Timestamp, JsonElement Data, string? Hash, string? PreviousHash) : BundleLine
{
    public override string Kind => BundleFields.Event;
}

/// <summary>A failed append's position (<see cref="Tombstones"/>): only the position travels, so seals over it still recompute.</summary>
public sealed record BundleTombstone(long Position) : BundleLine
{
    public override string Kind => BundleFields.Tombstone;
}

/// <summary>The reserved kind "seal": counted and otherwise ignored, since seals travel as events of <see cref="MerkleTree.SealStream"/>.</summary>
public sealed record BundleReservedSeal : BundleLine
{
    public override string Kind => BundleFields.Seal;
}

public sealed record BundleFooter(long Events, long Streams, long Tombstones) : BundleLine
{
    public override string Kind => BundleFields.Footer;
}

// The names on the wire, for the writer and the reader alike; the writer puts them in the order docs/audit.md shows.
internal static class BundleFields
{
    public const string Kind = "kind";
    public const string Header = "header", Event = "event", Tombstone = "tombstone", Seal = "seal", Footer = "footer";

    public const string Format = "format", FormatVersion = "formatVersion", ExportedAt = "exportedAt";
    public const string FromPosition = "fromPosition", ToPosition = "toPosition";
    public const string Hash = "hash", Canonicalization = "canonicalization", PublicKey = "publicKey";

    public const string Position = "position", Stream = "stream", Version = "version", Type = "type";
    public const string Timestamp = "timestamp", Data = "data", PreviousHash = "previousHash";

    public const string Events = "events", Streams = "streams", Tombstones = "tombstones";
}
