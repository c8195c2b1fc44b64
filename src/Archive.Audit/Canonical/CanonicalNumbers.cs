using System.Buffers.Text;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Archive.Audit.Canonical;

// Numbers in canonical form: ECMAScript's shortest round-trip form of the double (RFC 8785 section 3.2.2.3).
internal static class CanonicalNumbers
{
    private const int MaxNumberLength = 32;

    public static void Write(ref Utf8Output output, JsonElement element)
    {
        if (TryWriteShortInteger(ref output, JsonMarshal.GetRawUtf8Value(element))) return;
        output.Advance(Format(element.GetDouble(), output.Reserve(MaxNumberLength)));
    }

    /// <summary>
    /// A number token's canonical form, from its raw text as a reader gives it; false, with nothing written, when
    /// the text does not parse as a double with a finite value (the document route then throws as it always did).
    /// It parses as <see cref="JsonElement.GetDouble"/> does: <see cref="Utf8Parser"/>, the whole token consumed.
    /// </summary>
    public static bool TryWrite(ref Utf8Output output, ReadOnlySpan<byte> raw)
    {
        if (TryWriteShortInteger(ref output, raw)) return true;
        if (!Utf8Parser.TryParse(raw, out double value, out var consumed) || consumed != raw.Length || !double.IsFinite(value)) return false;
        output.Advance(Format(value, output.Reserve(MaxNumberLength)));
        return true;
    }

    /// <summary>
    /// An integer of at most 15 digits is exact as a double, and ECMAScript prints it as JSON wrote it (no leading
    /// zeros, no '+'), but for "-0". Most numbers in events are such integers: spans, counts. False, with nothing
    /// written, for any other number.
    /// </summary>
    private static bool TryWriteShortInteger(ref Utf8Output output, ReadOnlySpan<byte> raw)
    {
        var digits = raw[0] == '-' ? raw[1..] : raw;
        if (digits.Length > 15 || digits.ContainsAnyExceptInRange((byte)'0', (byte)'9')) return false;
        output.Append(raw.SequenceEqual("-0"u8) ? "0"u8 : raw);
        return true;
    }

    /// <summary>ECMAScript's Number.prototype.toString for finite doubles (RFC 8785 section 3.2.2.3).</summary>
    public static string Format(double value)
    {
        Span<byte> text = stackalloc byte[MaxNumberLength];
        return Encoding.ASCII.GetString(text[..Format(value, text)]);
    }

    private static int Format(double value, Span<byte> destination)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) throw new ArgumentException("JSON has no NaN or Infinity", nameof(value));
        if (value == 0) // also -0
        {
            destination[0] = (byte)'0';
            return 1;
        }
        // "R" gives the shortest round-trip digits; split it into digits and a decimal exponent.
        Span<byte> shortest = stackalloc byte[MaxNumberLength];
        Math.Abs(value).TryFormat(shortest, out var written, "R", CultureInfo.InvariantCulture);
        shortest = shortest[..written];
        var ePos = shortest.IndexOfAny((byte)'E', (byte)'e');
        var mantissa = ePos >= 0 ? shortest[..ePos] : shortest;
        var exp10 = ePos >= 0 ? int.Parse(shortest[(ePos + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture) : 0;
        var dot = mantissa.IndexOf((byte)'.');
        var intLength = dot >= 0 ? dot : mantissa.Length;
        Span<byte> all = stackalloc byte[MaxNumberLength]; // the integer and fraction digits, without the point
        mantissa[..intLength].CopyTo(all);
        var allLength = intLength;
        if (dot >= 0)
        {
            mantissa[(dot + 1)..].CopyTo(all[intLength..]);
            allLength += mantissa.Length - dot - 1;
        }
        var leadingZeros = all[..allLength].IndexOfAnyExcept((byte)'0'); // some digit is not 0: value is not
        ReadOnlySpan<byte> digits = all[leadingZeros..allLength].TrimEnd((byte)'0');
        var k = digits.Length;
        var n = intLength + exp10 - leadingZeros; // value = 0.digits × 10^n, as ECMAScript's n

        var at = 0;
        void Put(ReadOnlySpan<byte> bytes, Span<byte> to)
        {
            bytes.CopyTo(to[at..]);
            at += bytes.Length;
        }
        void Zeros(int count, Span<byte> to)
        {
            to.Slice(at, count).Fill((byte)'0');
            at += count;
        }
        if (value < 0) Put("-"u8, destination);
        if (k <= n && n <= 21)
        {
            Put(digits, destination);
            Zeros(n - k, destination);
        }
        else if (0 < n && n <= 21)
        {
            Put(digits[..n], destination);
            Put("."u8, destination);
            Put(digits[n..], destination);
        }
        else if (-6 < n && n <= 0)
        {
            Put("0."u8, destination);
            Zeros(-n, destination);
            Put(digits, destination);
        }
        else
        {
            var e = n - 1;
            Put(digits[..1], destination);
            if (k > 1)
            {
                Put("."u8, destination);
                Put(digits[1..], destination);
            }
            Put(e < 0 ? "e-"u8 : "e+"u8, destination);
            Math.Abs(e).TryFormat(destination[at..], out var exponentLength, default, CultureInfo.InvariantCulture);
            at += exponentLength;
        }
        return at;
    }
}
