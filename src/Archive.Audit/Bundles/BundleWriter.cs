using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Archive.Audit.Bundles;

/// <summary>
/// Writes bundle lines: one JSON object per line, each ended by a line feed, its kind first and its other fields in
/// the order docs/audit.md shows. Strings are escaped as System.Text.Json does by default (non-ASCII and HTML-sensitive
/// characters such as <c>+</c> as <c>\uXXXX</c>); a verifier hashes the canonical form of the data, never these bytes.
/// </summary>
public static class BundleWriter
{
    public const string ContentType = "application/x-ndjson";

    // as deep as the reader parses, so that whatever is written can be read back
    private static readonly JsonWriterOptions Options = new() { MaxDepth = BundleReader.MaxDepth };

    public static string Line(BundleLine line)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString(BundleFields.Kind, line.Kind);
            Fields(json, line);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the header, every line of <paramref name="body"/> and a footer counted from what passed through.</summary>
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

    private static void Fields(Utf8JsonWriter json, BundleLine line)
    {
        switch (line)
        {
            case BundleHeader h:
                json.WriteString(BundleFields.Format, h.Format);
                json.WriteNumber(BundleFields.FormatVersion, h.FormatVersion);
                json.WriteString(BundleFields.ExportedAt, h.ExportedAt);
                json.WriteNumber(BundleFields.FromPosition, h.FromPosition);
                json.WriteNumber(BundleFields.ToPosition, h.ToPosition);
                json.WriteString(BundleFields.Hash, h.Hash);
                json.WriteString(BundleFields.Canonicalization, h.Canonicalization);
                json.WriteString(BundleFields.PublicKey, h.PublicKey);
                break;
            case BundleEvent e:
                json.WriteNumber(BundleFields.Position, e.Position);
                json.WriteString(BundleFields.Stream, e.Stream);
                json.WriteNumber(BundleFields.Version, e.Version);
                json.WriteString(BundleFields.Type, e.Type);
                json.WriteString(BundleFields.Timestamp, e.Timestamp);
                json.WritePropertyName(BundleFields.Data);
                e.Data.WriteTo(json);
                json.WriteString(BundleFields.Hash, e.Hash);
                json.WriteString(BundleFields.PreviousHash, e.PreviousHash);
                break;
            case BundleTombstone t:
                json.WriteNumber(BundleFields.Position, t.Position);
                break;
            case BundleFooter f:
                json.WriteNumber(BundleFields.Events, f.Events);
                json.WriteNumber(BundleFields.Streams, f.Streams);
                json.WriteNumber(BundleFields.Tombstones, f.Tombstones);
                break;
        }
    }
}
