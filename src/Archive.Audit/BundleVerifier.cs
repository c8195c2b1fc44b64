using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Archive.Audit;

/// <summary>Where a bundle first fails verification: its 1-based line, the event's stream and version when known, what was expected and what was found.</summary>
/// <summary>Checks an Ed25519 signature (base64) of <paramref name="signedText"/> with a public key (base64).</summary>
public delegate bool SignatureCheck(string publicKey, string signedText, string signature);

public sealed record BundleFailure(long Line, string? Stream, long? Version, string Problem, string Expected, string Found);

/// <summary>
/// The outcome of verifying an export bundle. The counts cover every event and seal line of the bundle, also
/// those after the first failure; <see cref="Failure"/> is null when the bundle verifies.
/// </summary>
public sealed record BundleVerification(long Events, int Streams, long Seals, BundleFailure? Failure, long Tombstones = 0)
{
    public bool Verified => Failure is null;
}

/// <summary>
/// Verifies an export bundle (NDJSON: a header line, one line per event in global position order, a footer line)
/// offline: every event's hash is recomputed with <see cref="EventHash"/> over the <see cref="CanonicalJson"/> form
/// of its data and chained to the previous event of its stream in the bundle. Malformed input is a failure with a
/// line number, never an exception.
/// </summary>
public static class BundleVerifier
{
    public const string Format = "statement-archive-bundle";
    public const int FormatVersion = 1;

    public static BundleVerification Verify(IEnumerable<string> lines, SignatureCheck? signatures = null)
    {
        var walk = new Walk(signatures);
        long number = 0;
        foreach (var line in lines) walk.Line(++number, line);
        return walk.End(number + 1);
    }

    /// <summary>
    /// Reads lines until the end. A reader with a throwing decoder turns bytes that are not UTF-8 into a failure, but
    /// readers decode ahead, so its line may be earlier than the bytes: <see cref="Verify(Stream, SignatureCheck)"/> names the exact line.
    /// </summary>
    public static BundleVerification Verify(TextReader reader, SignatureCheck? signatures = null)
    {
        var walk = new Walk(signatures);
        long number = 0;
        while (true)
        {
            string? line;
            try
            {
                line = reader.ReadLine();
            }
            catch (DecoderFallbackException)
            {
                return walk.Stop(number + 1, "the bundle is not valid UTF-8", "UTF-8 text", "bytes that do not decode, on this line or a later one");
            }
            if (line is null) return walk.End(number + 1);
            walk.Line(++number, line);
        }
    }

    /// <summary>Lines longer than this are refused rather than held in memory; the API accepts far smaller bodies.</summary>
    public const int MaxLineBytes = 64 << 20;

    /// <summary>Reads UTF-8 lines (LF or CRLF, an optional byte order mark) and names the exact line of bytes that do not decode.</summary>
    public static BundleVerification Verify(Stream utf8, SignatureCheck? signatures = null)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var walk = new Walk(signatures);
        var line = new MemoryStream();
        var buffer = new byte[1 << 16];
        long number = 0;
        int read;
        while ((read = utf8.Read(buffer)) > 0)
        {
            var rest = buffer.AsSpan(0, read);
            while (!rest.IsEmpty)
            {
                var end = rest.IndexOf((byte)'\n');
                if (end < 0)
                {
                    line.Write(rest);
                    break;
                }
                line.Write(rest[..end]);
                rest = rest[(end + 1)..];
                if (!Emit()) return walk.End(number + 1);
            }
            if (line.Length > MaxLineBytes && !Emit()) return walk.End(number + 1);
        }
        if (line.Length > 0) Emit();
        return walk.End(number + 1);

        bool Emit()
        {
            number++;
            var bytes = line.GetBuffer().AsSpan(0, (int)line.Length);
            line.SetLength(0);
            if (bytes.Length > MaxLineBytes)
            {
                walk.Stop(number, "the line is too long to be an event", $"at most {MaxLineBytes} bytes", $"more than {MaxLineBytes} bytes");
                return false;
            }
            if (number == 1 && bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
            if (bytes.EndsWith((ReadOnlySpan<byte>)[(byte)'\r'])) bytes = bytes[..^1];
            string text;
            try
            {
                text = strict.GetString(bytes);
            }
            catch (DecoderFallbackException e)
            {
                walk.Stop(number, "the line is not valid UTF-8", "UTF-8 text", $"a byte that does not decode at byte {e.Index + 1}");
                return true;
            }
            walk.Line(number, text);
            return true;
        }
    }

    private sealed class Walk(SignatureCheck? signatures)
    {
        private string? _publicKey;
        // Bodies come from jsonb, which never holds a name twice; a repeated name is an edit, and top-level
        // repeats would make it ambiguous which hash or data was meant.
        private static readonly JsonDocumentOptions Parsing = new() { MaxDepth = 256, AllowDuplicateProperties = false };

        private readonly Dictionary<string, (long Version, string Hash)> _heads = new(StringComparer.Ordinal);
        private readonly HashSet<string> _streams = new(StringComparer.Ordinal);
        private readonly List<(long Position, string Hash)> _sealable = []; // every non-seal event, for the seals' roots
        private long _events, _seals, _tombstones, _from, _to, _lastPosition = -1;
        private bool _header, _footer;
        private BundleFailure? _failure;

        public BundleVerification Stop(long line, string problem, string expected, string found)
        {
            Fail(line, null, null, problem, expected, found);
            return Result();
        }

        public BundleVerification End(long lineAfterLast)
        {
            if (!_header) Fail(lineAfterLast, null, null, "the bundle is empty", "a header line", "the end of the bundle");
            else if (!_footer) Fail(lineAfterLast, null, null, "the bundle ends without a footer (truncated?)", "a footer line", "the end of the bundle");
            return Result();
        }

        public void Line(long number, string line)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line, Parsing);
            }
            catch (JsonException e)
            {
                Fail(number, null, null, "the line is not valid JSON", "a JSON object",
                    $"invalid JSON at byte {e.BytePositionInLine + 1}: {Excerpt(line)}");
                return;
            }
            using (document)
            {
                var root = document.RootElement;
                var kind = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String
                    ? k.GetString()
                    : null;
                if (_failure is not null)
                {
                    Count(kind, root);
                    return;
                }
                if (kind is null)
                {
                    Fail(number, null, null, "the line has no kind", "a JSON object with a string \"kind\"", Excerpt(line));
                    return;
                }
                if (_footer)
                {
                    Fail(number, null, null, "a line follows the footer", "the end of the bundle", $"a line of kind \"{kind}\"");
                    return;
                }
                if (!_header && kind != "header")
                {
                    Fail(number, null, null, "the bundle does not start with a header", "a line of kind \"header\"", $"a line of kind \"{kind}\"");
                    return;
                }
                switch (kind)
                {
                    case "header" when _header:
                        Fail(number, null, null, "a second header", "one header, on line 1", "another header");
                        break;
                    case "header":
                        Header(number, root);
                        break;
                    case "event":
                        Event(number, root);
                        break;
                    case "tombstone":
                        Tombstone(number, root);
                        break;
                    case "seal":
                        // Seals travel as events of the stream archive:seals; a line of this kind is reserved and only counted.
                        _seals++;
                        break;
                    case "footer":
                        Footer(number, root);
                        break;
                    default:
                        Fail(number, null, null, "the line is of an unknown kind", "header, event, tombstone, seal or footer", $"\"{kind}\"");
                        break;
                }
            }
        }

        private void Count(string? kind, JsonElement root)
        {
            if (kind == "seal") _seals++;
            if (kind == "tombstone") _tombstones++;
            if (kind != "event") return;
            _events++;
            if (root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.String) _streams.Add(s.GetString()!);
        }

        private void Header(long number, JsonElement root)
        {
            _header = true;
            if (Text(root, "format") is not Format and var format)
                Fail(number, null, null, "not a Statement Archive bundle", $"format \"{Format}\"", Shown(format));
            else if (Whole(root, "formatVersion") is not FormatVersion and var version)
                Fail(number, null, null, "an unsupported bundle format version (a newer archive tool may read it)", $"formatVersion {FormatVersion}", Shown(version));
            else if (Text(root, "hash") is not "sha256" and var hash)
                Fail(number, null, null, "an unsupported hash algorithm", "hash \"sha256\"", Shown(hash));
            else if (Text(root, "canonicalization") is not "RFC 8785" and var canonicalization)
                Fail(number, null, null, "an unsupported canonicalization", "canonicalization \"RFC 8785\"", Shown(canonicalization));
            else if (!IsTime(root, "exportedAt"))
                Fail(number, null, null, "the header has no export time", "exportedAt as an ISO-8601 time", Found(root, "exportedAt"));
            else if (Whole(root, "fromPosition") is not { } from || from < 0)
                Fail(number, null, null, "the header has no start position", "fromPosition as a whole number from 0", Found(root, "fromPosition"));
            else if (Whole(root, "toPosition") is not { } to || to < 0)
                Fail(number, null, null, "the header has no end position", "toPosition as a whole number from 0", Found(root, "toPosition"));
            else
            {
                (_from, _to) = (from, to);
                _publicKey = Text(root, "publicKey");
            }
        }

        /// <summary>
        /// The position of an append that failed, which the archive filled with a tombstone (<see cref="Tombstones"/>):
        /// no stream, no data, no hash; a seal over it takes <see cref="Tombstones.SealLeaf"/> as its leaf.
        /// </summary>
        private void Tombstone(long number, JsonElement root)
        {
            _tombstones++;
            if (Whole(root, "position") is not { } position || position < 0)
                Fail(number, Tombstones.Stream, null, "the tombstone has no position", "position as a whole number", Found(root, "position"));
            else if (position <= _lastPosition)
                Fail(number, Tombstones.Stream, null, "the events are out of position order", $"a position after {_lastPosition}", $"position {position}");
            else if (position < _from || position > _to)
                Fail(number, Tombstones.Stream, null, "the tombstone lies outside the bundle's range", $"a position from {_from} to {_to}", $"position {position}");
            else
            {
                _lastPosition = position;
                _sealable.Add((position, Tombstones.SealLeaf));
            }
        }

        private void Event(long number, JsonElement root)
        {
            _events++;
            var stream = Text(root, "stream");
            var version = Whole(root, "version");
            if (stream is not null) _streams.Add(stream);

            if (Whole(root, "position") is not { } position || position < 0)
                Fail(number, stream, version, "the event has no position", "position as a whole number", Found(root, "position"));
            else if (position <= _lastPosition)
                Fail(number, stream, version, "the events are out of position order", $"a position after {_lastPosition}", $"position {position}");
            else if (position < _from || position > _to)
                Fail(number, stream, version, "the event lies outside the bundle's range", $"a position from {_from} to {_to}", $"position {position}");
            else if (string.IsNullOrEmpty(stream))
                Fail(number, null, version, "the event has no stream", "stream as a non-empty string", Found(root, "stream"));
            else if (version is not { } v || v < 1)
                Fail(number, stream, null, "the event has no version", "version as a whole number from 1", Found(root, "version"));
            else if (Text(root, "type") is not { Length: > 0 } type)
                Fail(number, stream, v, "the event has no type", "type as a non-empty string", Found(root, "type"));
            else if (!IsTime(root, "timestamp"))
                Fail(number, stream, v, "the event has no timestamp", "timestamp as an ISO-8601 time", Found(root, "timestamp"));
            else if (!root.TryGetProperty("data", out var data))
                Fail(number, stream, v, "the event has no data", "a data property", "none");
            else if (Text(root, "hash") is not { } hash || !IsHash(hash))
                Fail(number, stream, v, "the event has no hash", "hash as 64 lowercase hex digits", Found(root, "hash"));
            else if (!root.TryGetProperty("previousHash", out var previousElement)
                     || (previousElement.ValueKind != JsonValueKind.Null && !(previousElement.ValueKind == JsonValueKind.String && IsHash(previousElement.GetString()!))))
                Fail(number, stream, v, "the event has no previous hash", "previousHash as 64 lowercase hex digits or null", Found(root, "previousHash"));
            else
            {
                _lastPosition = position;
                Chain(number, stream, v, type, data, hash, previousElement.ValueKind == JsonValueKind.Null ? null : previousElement.GetString());
                if (_failure is null) Sealable(number, position, stream, v, type, data, hash);
            }
        }

        private void Chain(long number, string stream, long version, string type, JsonElement data, string hash, string? previous)
        {
            if (!_heads.TryGetValue(stream, out var head))
            {
                // A bundle from the start of the archive holds every stream from its first event; one that starts
                // later takes the previous hash of each stream's first event as given (its link to earlier events
                // is outside the bundle).
                if (_from <= 1 && version != 1)
                {
                    Fail(number, stream, version, "the stream's earlier events are missing from a bundle that starts at the beginning", "version 1", $"version {version}");
                    return;
                }
                if (version == 1 && previous is not null)
                {
                    Fail(number, stream, version, "version 1 of a stream names a previous hash", "previousHash null", previous);
                    return;
                }
                if (version > 1 && previous is null)
                {
                    Fail(number, stream, version, "an event after version 1 names no previous hash", "the previous event's hash", "previousHash null");
                    return;
                }
            }
            else if (version != head.Version + 1)
            {
                Fail(number, stream, version, version <= head.Version
                    ? "a version of the stream appears twice or goes back"
                    : "an event of the stream is missing before this one", $"version {head.Version + 1}", $"version {version}");
                return;
            }
            else if (!string.Equals(previous, head.Hash, StringComparison.Ordinal))
            {
                Fail(number, stream, version, "the previous hash is not the hash of the stream's previous event", head.Hash, previous ?? "null");
                return;
            }

            string computed;
            try
            {
                computed = EventHash.Compute(previous, stream, version, type, CanonicalJson.Canonicalize(data));
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
            {
                // e.g. a number too large for a double: it has no canonical form, so nothing could have hashed it
                Fail(number, stream, version, "the event's data has no canonical form", "JSON that RFC 8785 can canonicalize", e.Message);
                return;
            }
            if (!string.Equals(computed, hash, StringComparison.Ordinal))
            {
                Fail(number, stream, version, "the event does not hash to its recorded hash (changed, moved or forged)", computed, hash);
                return;
            }
            _heads[stream] = (version, hash);
        }

        /// <summary>
        /// Seal events (stream archive:seals) carry a Merkle root over the hashes of the events in their position
        /// range; when the bundle holds that whole range, the root is recomputed from the bundle's own events.
        /// </summary>
        private void Sealable(long number, long position, string stream, long version, string type, JsonElement data, string hash)
        {
            if (stream != MerkleTree.SealStream)
            {
                _sealable.Add((position, hash));
                return;
            }
            if (type != "seal_recorded") return;
            _seals++;
            if (Whole(data, "fromPosition") is not { } from || Whole(data, "toPosition") is not { } to || Text(data, "merkleRoot") is not { } root)
            {
                Fail(number, stream, version, "the seal has no range or root", "fromPosition, toPosition and merkleRoot", data.ToString());
                return;
            }
            if (_publicKey is not null && signatures is not null)
            {
                var signed = SealText.Signed(Whole(data, "number") ?? 0, from, to, Whole(data, "events") ?? 0, root, Text(data, "previousSealRoot"));
                if (Text(data, "signature") is not { } signature)
                {
                    Fail(number, stream, version, "the seal is not signed, though the bundle names the archive's public key", "an Ed25519 signature", "none");
                    return;
                }
                if (!signatures(_publicKey, signed, signature))
                {
                    Fail(number, stream, version, "the seal's signature does not verify with the bundle's public key", _publicKey, signature);
                    return;
                }
            }
            if (from < _from) return; // the seal covers events before the bundle: its root cannot be recomputed here
            var leaves = _sealable.Where(e => e.Position >= from && e.Position <= to).Select(e => e.Hash).ToArray();
            var computed = leaves.Length == 0 ? "(no events)" : MerkleTree.Root(leaves);
            if (!string.Equals(computed, root, StringComparison.Ordinal))
                Fail(number, stream, version, $"the seal over positions {from}-{to} does not match the bundle's events", root, computed);
        }

        private void Footer(long number, JsonElement root)
        {
            _footer = true;
            if (Whole(root, "events") is not { } events)
                Fail(number, null, null, "the footer has no event count", "events as a whole number", Found(root, "events"));
            else if (Whole(root, "streams") is not { } streams)
                Fail(number, null, null, "the footer has no stream count", "streams as a whole number", Found(root, "streams"));
            else if (events != _events)
                Fail(number, null, null, "the footer's event count does not match the bundle (an event line was removed or added)",
                    $"{events} event lines, as the footer says", $"{_events} event lines");
            else if (streams != _streams.Count)
                Fail(number, null, null, "the footer's stream count does not match the bundle",
                    $"{streams} streams, as the footer says", $"{_streams.Count} streams");
            // bundles of archives that wrote no tombstone line may leave the count out
            else if ((Whole(root, "tombstones") ?? 0) != _tombstones)
                Fail(number, null, null, "the footer's tombstone count does not match the bundle (a tombstone line was removed or added)",
                    $"{Whole(root, "tombstones") ?? 0} tombstone lines, as the footer says", $"{_tombstones} tombstone lines");
        }

        private void Fail(long line, string? stream, long? version, string problem, string expected, string found) =>
            _failure ??= new BundleFailure(line, stream, version, problem, expected, found);

        private BundleVerification Result() => new(_events, _streams.Count, _seals, _failure, _tombstones);

        private static string? Text(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static long? Whole(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;

        private static bool IsTime(JsonElement root, string name) =>
            Text(root, name) is { } text
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);

        private static bool IsHash(string value) => value.Length == 64 && value.All(char.IsAsciiHexDigitLower);

        private static string Found(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) ? Excerpt(value.GetRawText()) : "none";

        private static string Shown<T>(T? value) => value is null ? "none" : $"{value}";

        private static string Excerpt(string text) =>
            text.Length <= 80 ? text : text[..(char.IsHighSurrogate(text[79]) ? 79 : 80)] + "…";
    }
}
