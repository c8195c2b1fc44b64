using System.Text;
using Archive.Audit.Bundles;

namespace Archive.Audit;

/// <summary>Checks an Ed25519 signature (base64) of <paramref name="signedText"/> with a public key (base64).</summary>
public delegate bool SignatureCheck(string publicKey, string signedText, string signature);

/// <summary>Where a bundle first fails verification: its 1-based line, the event's stream and version when known, what was expected and what was found.</summary>
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
/// offline: each line is read with <see cref="BundleReader"/>, the reader of what <see cref="BundleWriter"/> writes;
/// every event's hash is recomputed with <see cref="EventHash"/> over the <see cref="CanonicalJson"/> form of its
/// data and chained to the previous event of its stream in the bundle, and every seal is rechecked. Malformed input
/// is a failure with a line number, never an exception.
/// </summary>
public static class BundleVerifier
{
    public const string Format = "statement-archive-bundle";
    public const int FormatVersion = 1;

    public static BundleVerification Verify(IEnumerable<string> lines, SignatureCheck? signatures = null)
    {
        var walk = new BundleWalk(signatures);
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
        var walk = new BundleWalk(signatures);
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
        var walk = new BundleWalk(signatures);
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
}
