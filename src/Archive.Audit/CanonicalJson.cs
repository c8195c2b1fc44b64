using System.Buffers;
using System.Text;
using System.Text.Json;
using Archive.Audit.Canonical;

namespace Archive.Audit;

/// <summary>
/// The JSON Canonicalization Scheme (RFC 8785): object members sorted by their names' UTF-16 code units, no
/// insignificant whitespace, strings with only the escapes JSON requires, numbers in ECMAScript's shortest
/// round-trip form. PostgreSQL's jsonb reorders keys and drops whitespace; hashing this form, never the bytes
/// that happened to be sent or stored, makes appending and verifying agree.
/// </summary>
/// <remarks>
/// The form is written as UTF-8 straight from the text's bytes, since UTF-8 is what the hash covers: verification
/// canonicalises every stored event, and strings, sorted copies and formatted numbers per value were most of its
/// cost, then building a document per event. A JSON text is first written token by token as it is read, with no
/// document (<see cref="CanonicalTokens"/>); what that route declines (escaped names, lone surrogate escapes,
/// invalid UTF-8 or JSON, numbers beyond a double) goes through a parsed document, whose own fast paths hand what
/// they do not handle exactly to the original, string-based route, so the output and the exceptions are the same
/// as they always were; the tests hold the original as an oracle. Objects, strings and numbers each have their own
/// writer (Canonical/).
/// </remarks>
public static class CanonicalJson
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Canonicalize(string json)
    {
        var output = new Utf8Output(json.Length + 16);
        try
        {
            Write(ref output, json);
            return Encoding.UTF8.GetString(output.Written);
        }
        finally { output.Dispose(); }
    }

    public static string Canonicalize(JsonElement element)
    {
        var output = new Utf8Output(256);
        try
        {
            Write(ref output, element);
            return Encoding.UTF8.GetString(output.Written);
        }
        finally { output.Dispose(); }
    }

    /// <summary>ECMAScript's Number.prototype.toString for finite doubles (RFC 8785 section 3.2.2.3).</summary>
    public static string Number(double value) => CanonicalNumbers.Format(value);

    /// <summary>Appends the canonical form of a JSON text, in UTF-8.</summary>
    internal static void Write(ref Utf8Output output, string json)
    {
        // encoded as JsonDocument.Parse(string) encodes it, refusing lone surrogates; it then throws for them itself
        var utf8 = ArrayPool<byte>.Shared.Rent(Strict.GetMaxByteCount(json.Length));
        try
        {
            int length;
            try { length = Strict.GetBytes(json.AsSpan(), utf8.AsSpan()); }
            catch (EncoderFallbackException) { length = -1; }
            if (length >= 0 && CanonicalTokens.TryWrite(ref output, utf8.AsSpan(0, length))) return;
        }
        finally { ArrayPool<byte>.Shared.Return(utf8); }
        using var document = JsonDocument.Parse(json, Options);
        Write(ref output, document.RootElement);
    }

    /// <summary>Appends the canonical form of a JSON text given in UTF-8.</summary>
    internal static void Write(ref Utf8Output output, ReadOnlyMemory<byte> utf8Json)
    {
        if (CanonicalTokens.TryWrite(ref output, utf8Json.Span)) return;
        using var document = JsonDocument.Parse(utf8Json, Options);
        Write(ref output, document.RootElement);
    }

    internal static void Write(ref Utf8Output output, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                CanonicalObjects.Write(ref output, element);
                break;
            case JsonValueKind.Array:
                output.Append((byte)'[');
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first) output.Append((byte)',');
                    first = false;
                    Write(ref output, item);
                }
                output.Append((byte)']');
                break;
            case JsonValueKind.String:
                CanonicalStrings.Write(ref output, element);
                break;
            case JsonValueKind.Number:
                CanonicalNumbers.Write(ref output, element);
                break;
            case JsonValueKind.True:
                output.Append("true"u8);
                break;
            case JsonValueKind.False:
                output.Append("false"u8);
                break;
            default:
                output.Append("null"u8);
                break;
        }
    }
}
