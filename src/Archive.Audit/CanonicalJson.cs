using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Archive.Audit;

/// <summary>
/// The JSON Canonicalization Scheme (RFC 8785): object members sorted by their names' UTF-16 code units, no
/// insignificant whitespace, strings with only the escapes JSON requires, numbers in ECMAScript's shortest
/// round-trip form. PostgreSQL's jsonb reorders keys and drops whitespace; hashing this form, never the bytes
/// that happened to be sent or stored, makes appending and verifying agree.
/// </summary>
/// <remarks>
/// The form is written as UTF-8 straight from the parsed document's bytes, since UTF-8 is what the hash covers:
/// verification canonicalises every stored event, and strings, sorted copies and formatted numbers per value were
/// most of its cost. Whatever the fast paths do not handle exactly (escaped names, surrogate escapes, invalid
/// UTF-8, numbers that are not short integers) goes through the original, string-based route, so the output and
/// the exceptions are the same as they always were; the tests hold the original as an oracle.
/// </remarks>
public static class CanonicalJson
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

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

    /// <summary>Appends the canonical form of a JSON text, in UTF-8.</summary>
    internal static void Write(ref Utf8Output output, string json)
    {
        using var document = JsonDocument.Parse(json, Options);
        Write(ref output, document.RootElement);
    }

    private static void Write(ref Utf8Output output, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(ref output, element);
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
                WriteString(ref output, element);
                break;
            case JsonValueKind.Number:
                WriteNumber(ref output, element);
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

    private static void WriteObject(ref Utf8Output output, JsonElement element)
    {
        var count = element.GetPropertyCount();
        if (count == 0)
        {
            output.Append("{}"u8);
            return;
        }
        // Plain names are copied side by side into one pooled array, so that sorting compares bytes in hand
        // rather than looking each name up in the document again for every comparison.
        var members = ArrayPool<Member>.Shared.Rent(count);
        var names = ArrayPool<byte>.Shared.Rent(count * 16);
        var order = ArrayPool<int>.Shared.Rent(count);
        try
        {
            var n = 0;
            var used = 0;
            foreach (var property in element.EnumerateObject())
            {
                var name = JsonMarshal.GetRawUtf8PropertyName(property);
                order[n] = n;
                if (!IsPlain(name))
                {
                    members[n++] = new Member(property, -1, 0, 0);
                    continue;
                }
                if (names.Length - used < name.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Max(names.Length * 2, used + name.Length));
                    names.AsSpan(0, used).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(names);
                    names = larger;
                }
                name.CopyTo(names.AsSpan(used));
                members[n++] = new Member(property, used, name.Length, Prefix(name));
                used += name.Length;
            }
            var sorted = order.AsSpan(0, n);
            Sort(sorted, members, names);
            output.Append((byte)'{');
            for (var i = 0; i < sorted.Length; i++)
            {
                if (i > 0) output.Append((byte)',');
                ref readonly var member = ref members[sorted[i]];
                if (member.Plain)
                {
                    output.Append((byte)'"');
                    output.Append(names.AsSpan(member.NameStart, member.NameLength));
                    output.Append((byte)'"');
                }
                else WriteEscaped(ref output, member.Property.Name);
                output.Append((byte)':');
                Write(ref output, member.Property.Value);
            }
            output.Append((byte)'}');
        }
        finally
        {
            // the members hold the document; a pooled array must not keep it alive
            members.AsSpan(0, count).Clear();
            ArrayPool<Member>.Shared.Return(members);
            ArrayPool<byte>.Shared.Return(names);
            ArrayPool<int>.Shared.Return(order);
        }
    }

    /// <summary>
    /// A member and, when its name has no escapes and is valid UTF-8, where the name's bytes are: those bytes are
    /// the name, to compare and to copy. <see cref="Prefix"/> is an ASCII name's first eight bytes, big-endian,
    /// zero-padded, which orders most pairs of names in one comparison.
    /// </summary>
    private readonly record struct Member(JsonProperty Property, int NameStart, int NameLength, ulong Prefix)
    {
        public bool Plain => NameStart >= 0;
    }

    /// <summary>0 unless the name is ASCII (no name with a zero byte is plain, so 0 pads unambiguously).</summary>
    private static ulong Prefix(ReadOnlySpan<byte> name)
    {
        if (!Ascii.IsValid(name)) return 0;
        Span<byte> first = stackalloc byte[8];
        first.Clear();
        name[..Math.Min(8, name.Length)].CopyTo(first);
        return BinaryPrimitives.ReadUInt64BigEndian(first);
    }

    /// <summary>
    /// Sorts member indices by name, stably (duplicate names keep their order, as with LINQ's OrderBy): insertion
    /// sort, since objects in events have a dozen members or so; a general sort with the index as tie-break beyond that.
    /// </summary>
    private static void Sort(Span<int> order, Member[] members, byte[] names)
    {
        if (order.Length > 32)
        {
            SortMany(order, members, names);
            return;
        }
        for (var i = 1; i < order.Length; i++)
        {
            var current = order[i];
            var j = i - 1;
            for (; j >= 0 && Compare(members[order[j]], members[current], names) > 0; j--) order[j + 1] = order[j];
            order[j + 1] = current;
        }
    }

    // apart, because the lambda's closure would otherwise be allocated on every call of Sort
    private static void SortMany(Span<int> order, Member[] members, byte[] names) =>
        order.Sort((x, y) => Compare(members[x], members[y], names) is var c && c != 0 ? c : x.CompareTo(y));

    private static int Compare(in Member x, in Member y, byte[] names)
    {
        if (x.Prefix != y.Prefix && x.Prefix != 0 && y.Prefix != 0) return x.Prefix < y.Prefix ? -1 : 1;
        return x.Plain && y.Plain
            ? CompareAsUtf16(names.AsSpan(x.NameStart, x.NameLength), names.AsSpan(y.NameStart, y.NameLength))
            : string.CompareOrdinal(x.Property.Name, y.Property.Name);
    }

    /// <summary>
    /// Orders two UTF-8 names as their UTF-16 code units would be. UTF-8 bytes sort by code point, UTF-16 does
    /// not: a character beyond U+FFFF (lead byte F0-F4; a surrogate pair, D800-DBFF, in UTF-16) sorts before
    /// U+E000-U+FFFF (lead byte EE or EF). The first differing bytes are both lead bytes or both continuation bytes,
    /// since what precedes them is the same, and continuation bytes (80-BF) never reach that exception.
    /// </summary>
    private static int CompareAsUtf16(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        var common = x.CommonPrefixLength(y);
        if (common == x.Length || common == y.Length) return x.Length - y.Length;
        int a = x[common], b = y[common];
        if (a >= 0xEE && b >= 0xEE && (a >= 0xF0) != (b >= 0xF0)) return a >= 0xF0 ? -1 : 1;
        return a - b;
    }

    /// <summary>Escape-free, valid UTF-8 string content: a JSON reader has already refused quotes and control characters in it.</summary>
    private static bool IsPlain(ReadOnlySpan<byte> raw) => raw.IndexOf((byte)'\\') < 0 && Utf8.IsValid(raw);

    private static void WriteString(ref Utf8Output output, JsonElement element)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element); // with its quotes
        var content = raw[1..^1];
        if (IsPlain(content))
        {
            output.Append(raw);
            return;
        }
        // PostgreSQL writes control characters, quotes and backslashes as escapes; undo them in UTF-8 rather than
        // through a string, unless the content is invalid UTF-8 or holds surrogate escapes, which the original
        // route refuses or joins exactly.
        var mark = output.Length;
        if (Utf8.IsValid(content) && TryWriteUnescaped(ref output, content)) return;
        output.Length = mark;
        WriteEscaped(ref output, element.GetString()!);
    }

    /// <summary>Escaped string content (syntax already checked by the reader) in canonical form.</summary>
    private static bool TryWriteUnescaped(ref Utf8Output output, ReadOnlySpan<byte> content)
    {
        output.Append((byte)'"');
        while (true)
        {
            var escape = content.IndexOf((byte)'\\');
            if (escape < 0) break;
            output.Append(content[..escape]);
            var kind = content[escape + 1];
            content = content[(escape + 2)..];
            switch (kind)
            {
                case (byte)'/': output.Append((byte)'/'); break;
                case (byte)'b': WriteChar(ref output, '\b'); break;
                case (byte)'f': WriteChar(ref output, '\f'); break;
                case (byte)'n': WriteChar(ref output, '\n'); break;
                case (byte)'r': WriteChar(ref output, '\r'); break;
                case (byte)'t': WriteChar(ref output, '\t'); break;
                case (byte)'u':
                    var code = int.Parse(content[..4], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                    content = content[4..];
                    if (char.IsSurrogate((char)code)) return false;
                    WriteChar(ref output, (char)code);
                    break;
                default: WriteChar(ref output, (char)kind); break; // '"' and '\\'
            }
        }
        output.Append(content);
        output.Append((byte)'"');
        return true;
    }

    /// <summary>The original route: a string's UTF-16 characters, with only the escapes JSON requires.</summary>
    private static void WriteEscaped(ref Utf8Output output, string value)
    {
        output.Append((byte)'"');
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            output.AppendUtf16(value.AsSpan(start, i - start));
            WriteChar(ref output, c);
            start = i + 1;
        }
        output.AppendUtf16(value.AsSpan(start));
        output.Append((byte)'"');
    }

    /// <summary>One BMP character (never a surrogate) in canonical form.</summary>
    private static void WriteChar(ref Utf8Output output, char c)
    {
        switch (c)
        {
            case '"': output.Append("\\\""u8); break;
            case '\\': output.Append("\\\\"u8); break;
            case '\b': output.Append("\\b"u8); break;
            case '\f': output.Append("\\f"u8); break;
            case '\n': output.Append("\\n"u8); break;
            case '\r': output.Append("\\r"u8); break;
            case '\t': output.Append("\\t"u8); break;
            default:
                if (c < 0x20)
                {
                    output.Append("\\u00"u8);
                    output.Append((byte)"0123456789abcdef"[c >> 4]);
                    output.Append((byte)"0123456789abcdef"[c & 0xF]);
                }
                else output.Advance(new Rune(c).EncodeToUtf8(output.Reserve(3)));
                break;
        }
    }

    private static void WriteNumber(ref Utf8Output output, JsonElement element)
    {
        // An integer of at most 15 digits is exact as a double, and ECMAScript prints it as JSON wrote it (no
        // leading zeros, no '+'), but for "-0". Most numbers in events are such integers: spans, counts.
        var raw = JsonMarshal.GetRawUtf8Value(element);
        var digits = raw[0] == '-' ? raw[1..] : raw;
        if (digits.Length <= 15 && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            output.Append(raw.SequenceEqual("-0"u8) ? "0"u8 : raw);
            return;
        }
        output.Advance(Format(element.GetDouble(), output.Reserve(MaxNumberLength)));
    }

    private const int MaxNumberLength = 32;

    /// <summary>ECMAScript's Number.prototype.toString for finite doubles (RFC 8785 section 3.2.2.3).</summary>
    public static string Number(double value)
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
