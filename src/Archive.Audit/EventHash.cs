using System.Security.Cryptography;

namespace Archive.Audit;

/// <summary>
/// The hash chain: each event's hash is SHA-256 over the UTF-8 bytes of
/// <c>previous + "\n" + streamKey + "\n" + version + "\n" + typeAlias + "\n" + canonicalBody</c>, where
/// <c>previous</c> is the hash of the stream's previous event (empty for version 1), the version is in decimal,
/// and the body is in <see cref="CanonicalJson"/> form. Hashes are lowercase hex.
/// </summary>
/// <remarks>
/// The bytes are assembled in a pooled buffer rather than as one string, part by part: every separator is ASCII, so
/// encoding the parts one by one gives the bytes encoding their concatenation gave, lone surrogates included.
/// </remarks>
public static class EventHash
{
    public const string Header = "hash";

    /// <summary>Hex digits in a hash.</summary>
    public const int Length = 64;

    public static string Compute(string? previous, string streamKey, long version, string typeAlias, string canonicalBody)
    {
        Span<char> hash = stackalloc char[Length];
        var input = Start(previous, streamKey, version, typeAlias, canonicalBody.Length);
        try
        {
            input.AppendUtf16(canonicalBody);
            Finish(input.Written, hash);
        }
        finally { input.Dispose(); }
        return new string(hash);
    }

    /// <summary>The hash of an event from its body as stored or serialised, canonicalised straight into the hashed bytes.</summary>
    public static string ComputeFromJson(string? previous, string streamKey, long version, string typeAlias, string bodyJson)
    {
        Span<char> hash = stackalloc char[Length];
        ComputeFromJson(previous, streamKey, version, typeAlias, bodyJson, hash);
        return new string(hash);
    }

    /// <summary>
    /// As <see cref="ComputeFromJson(string?, string, long, string, string)"/>, into <paramref name="hash"/>
    /// (<see cref="Length"/> characters): verification compares it with the recorded hash and needs no string unless they differ.
    /// </summary>
    public static void ComputeFromJson(string? previous, string streamKey, long version, string typeAlias, string bodyJson, Span<char> hash)
    {
        var input = Start(previous, streamKey, version, typeAlias, bodyJson.Length);
        try
        {
            CanonicalJson.Write(ref input, bodyJson);
            Finish(input.Written, hash);
        }
        finally { input.Dispose(); }
    }

    /// <summary>
    /// As <see cref="ComputeFromJson(string?, string, long, string, string, Span{char})"/> from the UTF-8 a store
    /// holds — the previous hash and the body — into the hash's <see cref="Length"/> hex digits in UTF-8: verifying
    /// a stream read as bytes then decodes no text. Valid UTF-8 in gives the bytes the strings decoded from it gave.
    /// </summary>
    public static void ComputeFromUtf8Json(ReadOnlySpan<byte> previous, string streamKey, long version, string typeAlias, ReadOnlyMemory<byte> utf8Body, Span<byte> hash)
    {
        var input = new Utf8Output(previous.Length + streamKey.Length + typeAlias.Length + utf8Body.Length + 64);
        try
        {
            input.Append(previous);
            Continue(ref input, streamKey, version, typeAlias);
            CanonicalJson.Write(ref input, utf8Body);
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(input.Written, digest);
            if (!Convert.TryToHexStringLower(digest, hash, out _)) throw new ArgumentException($"a hash takes {Length} bytes", nameof(hash));
        }
        finally { input.Dispose(); }
    }

    private static Utf8Output Start(string? previous, string streamKey, long version, string typeAlias, int bodyLength)
    {
        var input = new Utf8Output(Length + streamKey.Length + typeAlias.Length + bodyLength + 64);
        input.AppendUtf16(previous);
        Continue(ref input, streamKey, version, typeAlias);
        return input;
    }

    /// <summary>What follows the previous hash: the separators, the stream's key, the version and the type.</summary>
    private static void Continue(ref Utf8Output input, string streamKey, long version, string typeAlias)
    {
        input.Append((byte)'\n');
        input.AppendUtf16(streamKey);
        input.Append((byte)'\n');
        // no provider: the current culture's, as the interpolated string formatted it (digits alike in every culture)
        version.TryFormat(input.Reserve(64), out var written, default, null);
        input.Advance(written);
        input.Append((byte)'\n');
        input.AppendUtf16(typeAlias);
        input.Append((byte)'\n');
    }

    private static void Finish(ReadOnlySpan<byte> input, Span<char> hash)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(input, digest);
        if (!Convert.TryToHexStringLower(digest, hash, out _)) throw new ArgumentException($"a hash takes {Length} characters", nameof(hash));
    }
}
