using System.Text.Json;
using System.Text.Json.Serialization;

namespace Archive.Audit.Bundles;

/// <summary>
/// The lines of an export bundle (NDJSON), as records: one header, the events and tombstones of a range of global
/// positions in position order, one footer. <see cref="BundleWriter"/> writes them; <see cref="BundleVerifier"/> reads
/// and checks them (docs/audit.md).
/// </summary>
public abstract record BundleLine
{
    [JsonPropertyOrder(-1)]
    public abstract string Kind { get; }
}

/// <param name="PublicKey">The Ed25519 key (base64) that verifies the seals' signatures; null when the archive signs none.</param>
public sealed record BundleHeader(
    DateTimeOffset ExportedAt, long FromPosition, long ToPosition, string? PublicKey) : BundleLine
{
    public override string Kind => "header";
    [JsonPropertyOrder(0)] public string Format => BundleVerifier.Format;
    [JsonPropertyOrder(0)] public int FormatVersion => BundleVerifier.FormatVersion;
    [JsonPropertyOrder(1)] public string Hash => "sha256";
    [JsonPropertyOrder(1)] public string Canonicalization => "RFC 8785";
}

/// <param name="PreviousHash">The hash of the stream's previous event (in the bundle or not), so a bundle that starts mid-stream still chains.</param>
public sealed record BundleEvent(
    long Position, string Stream, long Version, string Type, DateTimeOffset Timestamp, JsonElement Data, string? Hash, string? PreviousHash) : BundleLine
{
    public override string Kind => "event";
}

/// <summary>A failed append's position (<see cref="Tombstones"/>): only the position travels, so seals over it still recompute.</summary>
public sealed record BundleTombstone(long Position) : BundleLine
{
    public override string Kind => "tombstone";
}

public sealed record BundleFooter(long Events, int Streams, long Tombstones) : BundleLine
{
    public override string Kind => "footer";
}

/// <summary>Writes bundle lines: one JSON object per line, camelCase, each ended by a line feed.</summary>
public static class BundleWriter
{
    public const string ContentType = "application/x-ndjson";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Line(BundleLine line) => JsonSerializer.Serialize(line, line.GetType(), Json);

    /// <summary>Writes every line of <paramref name="lines"/>, counting the footer from what passed through.</summary>
    public static async Task Write(TextWriter output, BundleHeader header, IAsyncEnumerable<BundleLine> body, CancellationToken ct)
    {
        await output.WriteAsync(Line(header) + "\n");
        long events = 0, tombstones = 0;
        var streams = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var line in body.WithCancellation(ct))
        {
            if (line is BundleEvent e) { events++; streams.Add(e.Stream); }
            else if (line is BundleTombstone) tombstones++;
            await output.WriteAsync(Line(line) + "\n");
        }
        await output.WriteAsync(Line(new BundleFooter(events, streams.Count, tombstones)) + "\n");
        await output.FlushAsync(ct);
    }
}
