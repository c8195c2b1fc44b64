using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Archive.Audit.Canonical;

// Objects in canonical form: members sorted by their names' UTF-16 code units (RFC 8785 section 3.2.3), the order
// jsonb and serializers least agree on.
internal static class CanonicalObjects
{
    public static void Write(ref Utf8Output output, JsonElement element)
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
                if (!CanonicalStrings.IsPlain(name))
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
                else CanonicalStrings.WriteEscaped(ref output, member.Property.Name);
                output.Append((byte)':');
                CanonicalJson.Write(ref output, member.Property.Value);
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
    public static ulong Prefix(ReadOnlySpan<byte> name)
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

    // a name that is not plain has no prefix, so only plain names are ordered by their prefixes
    private static int Compare(in Member x, in Member y, byte[] names) =>
        x.Plain && y.Plain
            ? ComparePlain(x.Prefix, names.AsSpan(x.NameStart, x.NameLength), y.Prefix, names.AsSpan(y.NameStart, y.NameLength))
            : string.CompareOrdinal(x.Property.Name, y.Property.Name);

    /// <summary>
    /// Orders two plain names (UTF-8 bytes without escapes) as their UTF-16 code units would be, by their
    /// <see cref="Prefix"/>es where both have one and they differ, else by <see cref="CompareAsUtf16"/>.
    /// </summary>
    public static int ComparePlain(ulong xPrefix, ReadOnlySpan<byte> x, ulong yPrefix, ReadOnlySpan<byte> y)
    {
        if (xPrefix != yPrefix && xPrefix != 0 && yPrefix != 0) return xPrefix < yPrefix ? -1 : 1;
        return CompareAsUtf16(x, y);
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

}
