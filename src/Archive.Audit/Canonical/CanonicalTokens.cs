using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace Archive.Audit.Canonical;

/// <summary>
/// The canonical form written token by token as a <see cref="Utf8JsonReader"/> reads the text, with no document:
/// scalars and arrays go out as they come, and each object's members are written as they come too, each member's
/// bytes (name and canonical value) remembered by where they start and end. When an object closes and its members
/// are out of order (jsonb orders names by length first, serializers by declaration), its members are copied in
/// name order through a pooled buffer and back. An inner object is in order before the outer one moves it whole.
/// </summary>
/// <remarks>
/// This route handles what events hold. It declines — leaving the output as it found it — whatever it cannot
/// write exactly as the document route would: escaped member names, lone surrogate escapes, invalid UTF-8, numbers
/// that do not parse or have no finite value, and invalid JSON (the reader's exception is swallowed). The caller
/// then takes the document route, which gives the output or the exception it always gave.
/// </remarks>
internal static class CanonicalTokens
{
    // as JsonDocumentOptions { MaxDepth = 256 } give the document route's reader
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 256 };

    /// <summary>An open object or array: where it starts in the output, its first member on the member stack, how many values it has.</summary>
    private struct Container
    {
        public int Start;
        public int MemberBase;
        public int Count;
        public bool IsObject;
    }

    /// <summary>A member written to the output: from its name's opening quote to the end of its value; the name's bytes follow the quote.</summary>
    private struct Member
    {
        public int Start;
        public int End;
        public int NameLength;
        public ulong Prefix;
    }

    /// <summary>Appends the canonical form of <paramref name="utf8Json"/>, or answers false with the output unchanged.</summary>
    public static bool TryWrite(ref Utf8Output output, ReadOnlySpan<byte> utf8Json)
    {
        var mark = output.Length;
        var containers = ArrayPool<Container>.Shared.Rent(8);
        var members = ArrayPool<Member>.Shared.Rent(32);
        try
        {
            if (Write(ref output, utf8Json, ref containers, ref members)) return true;
        }
        catch (JsonException)
        {
            // invalid JSON: the document route reports it as it always did
        }
        finally
        {
            ArrayPool<Container>.Shared.Return(containers);
            ArrayPool<Member>.Shared.Return(members);
        }
        output.Length = mark;
        return false;
    }

    private static bool Write(ref Utf8Output output, ReadOnlySpan<byte> utf8Json, ref Container[] containers, ref Member[] members)
    {
        var reader = new Utf8JsonReader(utf8Json, Options);
        var depth = 0; // open containers
        var memberCount = 0; // members of the open objects, innermost last
        var any = false;
        while (reader.Read())
        {
            any = true;
            var token = reader.TokenType;
            switch (token)
            {
                case JsonTokenType.EndObject:
                {
                    ref var closing = ref containers[--depth];
                    if (closing.Count > 0)
                    {
                        members[memberCount - 1].End = output.Length;
                        InOrder(ref output, closing.Start + 1, members.AsSpan(closing.MemberBase, closing.Count));
                    }
                    memberCount = closing.MemberBase;
                    output.Append((byte)'}');
                    continue;
                }
                case JsonTokenType.EndArray:
                    depth--;
                    output.Append((byte)']');
                    continue;
                case JsonTokenType.PropertyName:
                {
                    ref var inObject = ref containers[depth - 1];
                    if (inObject.Count++ > 0)
                    {
                        members[memberCount - 1].End = output.Length;
                        output.Append((byte)',');
                    }
                    var name = reader.ValueSpan;
                    if (reader.ValueIsEscaped || !Utf8.IsValid(name)) return false;
                    if (memberCount == members.Length) Grow(ref members);
                    members[memberCount++] = new Member { Start = output.Length, NameLength = name.Length, Prefix = CanonicalObjects.Prefix(name) };
                    output.Append((byte)'"');
                    output.Append(name);
                    output.Append("\":"u8);
                    continue;
                }
            }

            // a value: in an array, after a comma unless it is the first (in an object the name took care of it)
            if (depth > 0)
            {
                ref var parent = ref containers[depth - 1];
                if (!parent.IsObject && parent.Count++ > 0) output.Append((byte)',');
            }
            switch (token)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    if (depth == containers.Length) Grow(ref containers);
                    containers[depth++] = new Container { Start = output.Length, MemberBase = memberCount, IsObject = token == JsonTokenType.StartObject };
                    output.Append(token == JsonTokenType.StartObject ? (byte)'{' : (byte)'[');
                    break;
                case JsonTokenType.String:
                    var content = reader.ValueSpan;
                    if (!Utf8.IsValid(content)) return false;
                    if (reader.ValueIsEscaped)
                    {
                        if (!CanonicalStrings.TryWriteUnescaped(ref output, content)) return false;
                    }
                    else
                    {
                        output.Append((byte)'"');
                        output.Append(content);
                        output.Append((byte)'"');
                    }
                    break;
                case JsonTokenType.Number:
                    if (!CanonicalNumbers.TryWrite(ref output, reader.ValueSpan)) return false;
                    break;
                case JsonTokenType.True:
                    output.Append("true"u8);
                    break;
                case JsonTokenType.False:
                    output.Append("false"u8);
                    break;
                default:
                    output.Append("null"u8);
                    break;
            }
        }
        return any; // a reader that read nothing has seen no value: the document route says what is wrong
    }

    /// <summary>Puts an object's members, written between <paramref name="contentStart"/> and the end of the output, in name order.</summary>
    private static void InOrder(ref Utf8Output output, int contentStart, Span<Member> members)
    {
        var written = output.Written;
        var sorted = true;
        for (var i = 1; i < members.Length && sorted; i++) sorted = Compare(members[i - 1], members[i], written) <= 0;
        if (sorted) return;
        if (members.Length > 32) SortMany(members, output.WrittenSegment.Array!);
        else
        {
            // insertion sort, stable: duplicate names keep their order, as the document route's sort keeps them
            for (var i = 1; i < members.Length; i++)
            {
                var current = members[i];
                var j = i - 1;
                for (; j >= 0 && Compare(members[j], current, written) > 0; j--) members[j + 1] = members[j];
                members[j + 1] = current;
            }
        }
        var length = output.Length - contentStart;
        var scratch = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var at = 0;
            foreach (ref readonly var member in members)
            {
                if (at > 0) scratch[at++] = (byte)',';
                written[member.Start..member.End].CopyTo(scratch.AsSpan(at));
                at += member.End - member.Start;
            }
            scratch.AsSpan(0, length).CopyTo(output.Rewrite(contentStart));
        }
        finally { ArrayPool<byte>.Shared.Return(scratch); }
    }

    // apart, so that the comparison's closure is allocated only for the rare large object; the start breaks ties, which keeps it stable
    private static void SortMany(Span<Member> members, byte[] written) =>
        members.Sort((x, y) => Compare(x, y, written) is var c && c != 0 ? c : x.Start.CompareTo(y.Start));

    private static int Compare(in Member x, in Member y, ReadOnlySpan<byte> written) =>
        CanonicalObjects.ComparePlain(x.Prefix, written.Slice(x.Start + 1, x.NameLength), y.Prefix, written.Slice(y.Start + 1, y.NameLength));

    private static void Grow<T>(ref T[] array)
    {
        var larger = ArrayPool<T>.Shared.Rent(array.Length * 2);
        array.CopyTo(larger, 0);
        ArrayPool<T>.Shared.Return(array);
        array = larger;
    }
}
