using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace Archive.Audit;

/// <summary>
/// A growable UTF-8 buffer rented from the shared pool: canonicalising and hashing an event then allocates nothing
/// that outlives the call. Pass it by reference; dispose it to return the array.
/// </summary>
internal struct Utf8Output(int capacity) : IDisposable
{
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(capacity);
    private int length;

    public readonly ReadOnlySpan<byte> Written => buffer.AsSpan(0, length);

    /// <summary>As <see cref="Written"/>, for parsers that keep the input; valid until the next write.</summary>
    public readonly ReadOnlyMemory<byte> WrittenMemory => buffer.AsMemory(0, length);

    /// <summary>As <see cref="Written"/>, the array itself, for what cannot hold a span (a sort's comparison); valid until the next write.</summary>
    public readonly ArraySegment<byte> WrittenSegment => new(buffer, 0, length);

    /// <summary>What is written from <paramref name="start"/> on, to rearrange in place.</summary>
    public readonly Span<byte> Rewrite(int start) => buffer.AsSpan(start, length - start);

    /// <summary>What is written; set it lower to take back what followed.</summary>
    public int Length
    {
        readonly get => length;
        set => length = value >= 0 && value <= length ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(byte value)
    {
        if (length == buffer.Length) Grow(1);
        buffer[length++] = value;
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        length += bytes.Length;
    }

    /// <summary>UTF-8 of UTF-16 text, with Encoding.UTF8's replacement of lone surrogates, as the original string concatenation had.</summary>
    public void AppendUtf16(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return;
        length += Encoding.UTF8.GetBytes(text, Reserve(Encoding.UTF8.GetMaxByteCount(text.Length)));
    }

    /// <summary>Room for at least <paramref name="size"/> bytes after what is written; <see cref="Advance"/> by what was used.</summary>
    public Span<byte> Reserve(int size)
    {
        if (buffer.Length - length < size) Grow(size);
        return buffer.AsSpan(length);
    }

    public void Advance(int count) => length += count;

    private void Grow(int size)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, length + size));
        Written.CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }

    public void Dispose()
    {
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
        length = 0;
    }
}
