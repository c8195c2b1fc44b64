using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Archive.Audit.Canonical;

// Strings and names in canonical form: UTF-8 with only the escapes JSON requires (RFC 8785 section 3.2.2.2).
internal static class CanonicalStrings
{
    /// <summary>Escape-free, valid UTF-8 string content: a JSON reader has already refused quotes and control characters in it.</summary>
    public static bool IsPlain(ReadOnlySpan<byte> raw) => raw.IndexOf((byte)'\\') < 0 && Utf8.IsValid(raw);

    public static void Write(ref Utf8Output output, JsonElement element)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element); // with its quotes
        var content = raw[1..^1];
        if (IsPlain(content))
        {
            output.Append(raw);
            return;
        }
        // PostgreSQL writes control characters, quotes and backslashes as escapes; undo them in UTF-8 rather than
        // through a string, unless the content is invalid UTF-8 or holds a lone surrogate escape, which the
        // original route refuses exactly.
        var mark = output.Length;
        if (Utf8.IsValid(content) && TryWriteUnescaped(ref output, content)) return;
        output.Length = mark;
        WriteEscaped(ref output, element.GetString()!);
    }

    /// <summary>
    /// Escaped string content (valid UTF-8, syntax already checked by the reader) in canonical form; false, with
    /// part of it written, at a surrogate escape that is not half of a pair (serializers escape characters beyond
    /// U+FFFF as a pair, which is the character itself, as decoding to a string and encoding again gives it).
    /// </summary>
    public static bool TryWriteUnescaped(ref Utf8Output output, ReadOnlySpan<byte> content)
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
                    if (char.IsSurrogate((char)code))
                    {
                        if (!char.IsHighSurrogate((char)code) || content.Length < 6 || content[0] != '\\' || content[1] != 'u') return false;
                        var low = int.Parse(content[2..6], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                        if (!char.IsLowSurrogate((char)low)) return false;
                        content = content[6..];
                        output.Advance(new Rune((char)code, (char)low).EncodeToUtf8(output.Reserve(4)));
                        break;
                    }
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
    public static void WriteEscaped(ref Utf8Output output, string value)
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

}
