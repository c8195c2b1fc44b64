using System.Buffers.Binary;
using Archive.Audit;

namespace Archive.Store.Audit;

/// <summary>
/// Reads the rows of PostgreSQL's binary COPY format from a raw copy stream through one buffer: each field is a
/// length and its bytes, which the caller takes straight from the buffer. The stream is read in large blocks, so a
/// row costs no call into the driver and no object per field.
/// </summary>
/// <remarks>The format: a signature, flags and a header extension; per row a 16-bit field count, then per field a
/// 32-bit length (-1 for null) and its bytes; a field count of -1 ends the data. Integers are big-endian.</remarks>
internal sealed class BinaryCopyReader(Stream copy, int bufferSize = 1 << 16)
{
    private static ReadOnlySpan<byte> Signature => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];

    private byte[] buffer = new byte[Math.Max(bufferSize, 1)];
    private int start, end;

    /// <summary>The bytes read and not yet taken.</summary>
    public ReadOnlySpan<byte> Available => buffer.AsSpan(start, end - start);

    public void ReadHeader()
    {
        Ensure(Signature.Length + 8);
        if (!Available[..Signature.Length].SequenceEqual(Signature)) throw new InvalidDataException("not PostgreSQL's binary COPY format");
        start += Signature.Length + 4; // the flags: no bit that changes how rows read is set by a plain COPY TO
        Skip(TakeInt32());
    }

    /// <summary>The next row's field count, or -1 after the last row (the copy then read to its end).</summary>
    public int NextRow()
    {
        Ensure(2);
        var fields = BinaryPrimitives.ReadInt16BigEndian(Available);
        start += 2;
        if (fields < 0)
        {
            // to the end of the copy, so the driver sees it complete rather than cancel it when the stream is disposed
            while (copy.Read(buffer) > 0) { }
            start = end = 0;
        }
        return fields;
    }

    /// <summary>
    /// The next field whole in the buffer: its length (-1 for null), its bytes then being the first of
    /// <see cref="Available"/> until <see cref="Take"/>.
    /// </summary>
    public int Field()
    {
        var length = FieldLength();
        if (length > 0) Ensure(length);
        return length;
    }

    /// <summary>The next field's length (-1 for null); its bytes follow, to be taken with <see cref="Take"/> or <see cref="CopyTo"/>.</summary>
    public int FieldLength()
    {
        Ensure(4);
        return TakeInt32();
    }

    /// <summary>Marks <paramref name="count"/> bytes of <see cref="Available"/> as taken.</summary>
    public void Take(int count) => start += count <= end - start ? count : throw new ArgumentOutOfRangeException(nameof(count));

    public byte TakeByte()
    {
        Ensure(1);
        return buffer[start++];
    }

    public long TakeInt64()
    {
        Ensure(8);
        var value = BinaryPrimitives.ReadInt64BigEndian(Available);
        start += 8;
        return value;
    }

    /// <summary>The next <paramref name="count"/> bytes onto the end of <paramref name="into"/>'s buffer, in pieces as they arrive.</summary>
    public void CopyTo(int count, StoredStream into)
    {
        while (count > 0)
        {
            if (start == end) Ensure(1);
            var piece = Math.Min(count, end - start);
            buffer.AsSpan(start, piece).CopyTo(into.Reserve(piece));
            into.Advance(piece);
            start += piece;
            count -= piece;
        }
    }

    private int TakeInt32()
    {
        var value = BinaryPrimitives.ReadInt32BigEndian(Available);
        start += 4;
        return value;
    }

    private void Skip(int count)
    {
        while (count > 0)
        {
            if (start == end) Ensure(1);
            var piece = Math.Min(count, end - start);
            start += piece;
            count -= piece;
        }
    }

    /// <summary>At least <paramref name="count"/> bytes in <see cref="Available"/>, reading (and growing the buffer) as needed.</summary>
    private void Ensure(int count)
    {
        if (end - start >= count) return;
        if (buffer.Length < count)
        {
            var larger = new byte[Math.Max(count, buffer.Length * 2)];
            Available.CopyTo(larger);
            (buffer, end, start) = (larger, end - start, 0);
        }
        else if (buffer.Length - start < count)
        {
            Available.CopyTo(buffer);
            (end, start) = (end - start, 0);
        }
        while (end - start < count)
        {
            var read = copy.Read(buffer, end, buffer.Length - end);
            if (read == 0) throw new EndOfStreamException("the binary COPY ended inside a row");
            end += read;
        }
    }
}
