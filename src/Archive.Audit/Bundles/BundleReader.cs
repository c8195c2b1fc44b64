using System.Globalization;
using System.Text.Json;
using F = Archive.Audit.Bundles.BundleFields;

namespace Archive.Audit.Bundles;

/// <summary>
/// Reads one line of a bundle into its record, checking all that the line says on its own: that it is a JSON object
/// with a known kind, and that each field is there with its type. How lines relate (order, range, chains, seals,
/// counts) is <see cref="BundleVerifier"/>'s to check. Malformed input is a problem, never an exception.
/// </summary>
public static class BundleReader
{
    /// <summary>How deeply a line may nest; <see cref="BundleWriter"/> writes no deeper.</summary>
    public const int MaxDepth = 256;

    // Bodies come from jsonb, which never holds a name twice; a repeated name is an edit, and top-level
    // repeats would make it ambiguous which hash or data was meant.
    private static readonly JsonDocumentOptions Parsing = new() { MaxDepth = MaxDepth, AllowDuplicateProperties = false };

    public static BundleRead Read(string line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, Parsing);
        }
        catch (JsonException e)
        {
            return Unread(null, new("the line is not valid JSON", "a JSON object", $"invalid JSON at byte {e.BytePositionInLine + 1}: {Excerpt(line)}"));
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, F.Kind) is not { } kind)
                return Unread(null, new("the line has no kind", "a JSON object with a string \"kind\"", Excerpt(line)));
            return kind switch
            {
                F.Header => Header(root),
                F.Event => Event(root),
                F.Tombstone => Tombstone(root),
                F.Seal => BundleRead.Of(new BundleReservedSeal()),
                F.Footer => Footer(root),
                _ => Unread(kind, new("the line is of an unknown kind", "header, event, tombstone, seal or footer", $"\"{kind}\"")),
            };
        }
    }

    private static BundleRead Header(JsonElement root)
    {
        if (Text(root, F.Format) is not BundleVerifier.Format and var format)
            return Problem("not a Statement Archive bundle", $"format \"{BundleVerifier.Format}\"", Shown(format));
        if (Whole(root, F.FormatVersion) is not BundleVerifier.FormatVersion and var version)
            return Problem("an unsupported bundle format version (a newer archive tool may read it)", $"formatVersion {BundleVerifier.FormatVersion}", Shown(version));
        if (Text(root, F.Hash) is not BundleHeader.Sha256 and var hash)
            return Problem("an unsupported hash algorithm", $"hash \"{BundleHeader.Sha256}\"", Shown(hash));
        if (Text(root, F.Canonicalization) is not BundleHeader.Rfc8785 and var canonicalization)
            return Problem("an unsupported canonicalization", $"canonicalization \"{BundleHeader.Rfc8785}\"", Shown(canonicalization));
        if (Time(root, F.ExportedAt) is not { } exportedAt)
            return Problem("the header has no export time", "exportedAt as an ISO-8601 time", Found(root, F.ExportedAt));
        if (Whole(root, F.FromPosition) is not { } from || from < 0)
            return Problem("the header has no start position", "fromPosition as a whole number from 0", Found(root, F.FromPosition));
        if (Whole(root, F.ToPosition) is not { } to || to < 0)
            return Problem("the header has no end position", "toPosition as a whole number from 0", Found(root, F.ToPosition));
        return BundleRead.Of(new BundleHeader(exportedAt, from, to, Text(root, F.PublicKey)));

        static BundleRead Problem(string problem, string expected, string found) => Unread(F.Header, new(problem, expected, found));
    }

    private static BundleRead Event(JsonElement root)
    {
        var stream = Text(root, F.Stream);
        var version = Whole(root, F.Version);
        if (Whole(root, F.Position) is not { } position || position < 0)
            return Unread(F.Event, new("the event has no position", "position as a whole number", Found(root, F.Position), stream, version));
        if (string.IsNullOrEmpty(stream))
            return Problem("the event has no stream", "stream as a non-empty string", Found(root, F.Stream), null, version);
        if (version is not { } v || v < 1)
            return Problem("the event has no version", "version as a whole number from 1", Found(root, F.Version), stream, null);
        if (Text(root, F.Type) is not { Length: > 0 } type)
            return Problem("the event has no type", "type as a non-empty string", Found(root, F.Type), stream, v);
        if (Time(root, F.Timestamp) is not { } timestamp)
            return Problem("the event has no timestamp", "timestamp as an ISO-8601 time", Found(root, F.Timestamp), stream, v);
        if (!root.TryGetProperty(F.Data, out var data))
            return Problem("the event has no data", "a data property", "none", stream, v);
        if (Text(root, F.Hash) is not { } hash || !IsHash(hash))
            return Problem("the event has no hash", "hash as 64 lowercase hex digits", Found(root, F.Hash), stream, v);
        if (!root.TryGetProperty(F.PreviousHash, out var previous)
            || (previous.ValueKind != JsonValueKind.Null && !(previous.ValueKind == JsonValueKind.String && IsHash(previous.GetString()!))))
            return Problem("the event has no previous hash", "previousHash as 64 lowercase hex digits or null", Found(root, F.PreviousHash), stream, v);
        // the data outlives the line's document, which is returned to the pool when this method ends
        return BundleRead.Of(new BundleEvent(position, stream, v, type, timestamp, data.Clone(), hash,
            previous.ValueKind == JsonValueKind.Null ? null : previous.GetString()));

        BundleRead Problem(string problem, string expected, string found, string? named, long? numbered) =>
            Unread(F.Event, new(problem, expected, found, named, numbered, position));
    }

    private static BundleRead Tombstone(JsonElement root) =>
        Whole(root, F.Position) is { } position && position >= 0
            ? BundleRead.Of(new BundleTombstone(position))
            : Unread(F.Tombstone, new("the tombstone has no position", "position as a whole number", Found(root, F.Position), Tombstones.Stream));

    private static BundleRead Footer(JsonElement root)
    {
        if (Whole(root, F.Events) is not { } events)
            return Unread(F.Footer, new("the footer has no event count", "events as a whole number", Found(root, F.Events)));
        if (Whole(root, F.Streams) is not { } streams)
            return Unread(F.Footer, new("the footer has no stream count", "streams as a whole number", Found(root, F.Streams)));
        // bundles of archives that wrote no tombstone line may leave the count out
        return BundleRead.Of(new BundleFooter(events, streams, Whole(root, F.Tombstones) ?? 0));
    }

    private static BundleRead Unread(string? kind, BundleLineProblem problem) => new(kind, null, problem);

    internal static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal static long? Whole(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;

    private static DateTimeOffset? Time(JsonElement root, string name) =>
        Text(root, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            ? time
            : null;

    private static bool IsHash(string value) => value.Length == EventHash.Length && value.All(char.IsAsciiHexDigitLower);

    private static string Found(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? Excerpt(value.GetRawText()) : "none";

    private static string Shown<T>(T? value) => value is null ? "none" : $"{value}";

    private static string Excerpt(string text) =>
        text.Length <= 80 ? text : text[..(char.IsHighSurrogate(text[79]) ? 79 : 80)] + "…";
}
