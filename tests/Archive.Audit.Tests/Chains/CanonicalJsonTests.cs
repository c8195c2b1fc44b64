using System.Globalization;
using System.Text;
using System.Text.Json;
using Archive.Audit;
using Xunit;

namespace Archive.Audit.Tests.Chains;

/// <summary>
/// Pins the canonical form and the hash over it. The expected values were computed by the original string-based
/// implementation: every hash already in a store depends on them, so any change here is a broken archive, not a fix.
/// </summary>
public sealed class CanonicalJsonTests
{
    [Theory]
    // ASCII keys: ordinal, so upper case and '_' before lower case, a prefix before its extensions, "" first
    [InlineData("""{"b":1,"a":2,"A":3,"_":4,"aa":5,"":6}""", """{"":6,"A":3,"_":4,"a":2,"aa":5,"b":1}""",
        "cfe3cbf796469c60f3ba0968e5b7e80d1e0e9c79625c358596ba50df99d32c96")]
    // RFC 8785 section 3.2.3's example, keys escaped: sorted by UTF-16 code units, so U+1F600 (a surrogate pair) before U+FB33
    [InlineData("""{"\u20ac":"Euro Sign","\r":"Carriage Return","\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\ud83d\ude00":"Emoji: Grinning Face","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis"}""",
        "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}",
        "1f3ec5d5fa8d49bc248af7314670d7067e7cff5c2ecc418158adad5b058786e0")]
    // the same kind of keys unescaped, where UTF-8 byte order and UTF-16 order disagree (U+1F600 against U+FF5A)
    [InlineData("{\"\u20ac\":1,\"\ud83d\ude00\":2,\"\ufb33\":3,\"\u00f6\":4,\"z\":5,\"\uff5a\":6,\"\":7}",
        "{\"\":7,\"z\":5,\"\u00f6\":4,\"\u20ac\":1,\"\ud83d\ude00\":2,\"\ufb33\":3,\"\uff5a\":6}",
        "bd218206dfd41d89945ce3b8f6665334a72429bda07ded4ff7da4237131ec660")]
    [InlineData("""[[],[[1,[2,{}]]],{"x":[null,true,false]},[[[]]]]""", """[[],[[1,[2,{}]]],{"x":[null,true,false]},[[[]]]]""",
        "15803839fdc8a247c312bd04aa8cd2bfcf650137c2b9daa1750da3f3a60d3b32")]
    // only the escapes JSON requires, lower-case hex for the other control characters; '/', DEL and U+2028 verbatim
    [InlineData("""
        "\u0000\u0001\u001f\b\f\n\r\t\"\\\/\u007f\u2028\u2029"
        """, "\"\\u0000\\u0001\\u001f\\b\\f\\n\\r\\t\\\"\\\\/\u007f\u2028\u2029\"",
        "b15ba8769fb3eaa126f7b2e96c35bfd530fd5fd3f3ca4477262c524458355382")]
    [InlineData("\"\u00e9\ud83d\ude00\u4e2d \\ud83d\\ude00\\u00e9\"", "\"\u00e9\ud83d\ude00\u4e2d \ud83d\ude00\u00e9\"",
        "a5876dfaad5a9744de53bdc6bfff383c4bb2be9c3b93aca7dc9e76bae6a2d379")]
    [InlineData("""[1e21,1e-7,-0,0.1,1e20,123456789012345678901,0.000001,1e-6,5e-324,1.7976931348623157e308,-1.5,100,1E+2,0.1e1,9007199254740993,4.50,2e-7,-1e-7,333333333.33333329,1e23,1.0,123456789012345,1234567890123456,12345678901234567,-0.0,0e10,1e-400,999999999999999999999,1e22,0.0000001234,-123.456e-10]""",
        """[1e+21,1e-7,0,0.1,100000000000000000000,123456789012345680000,0.000001,0.000001,5e-324,1.7976931348623157e+308,-1.5,100,100,1,9007199254740992,4.5,2e-7,-1e-7,333333333.3333333,1e+23,1,123456789012345,1234567890123456,12345678901234568,0,0,0,1e+21,1e+22,1.234e-7,-1.23456e-8]""",
        "edc349fefaa258bf0c677ed8281e97ba0a9a11197e1f892687bd7820418dad50")]
    // duplicate names (JSON allows them) keep their order; an escaped name sorts by its value
    [InlineData("""{"b":1,"a":2,"b":3,"\u0061":4}""", """{"a":2,"a":4,"b":1,"b":3}""",
        "5144d489c63d47921ac3928a86042ef09c8c5e795b0f0e7ab1e174b4068bd7fc")]
    [InlineData(" {\r\n\t\"k\" : [ 1 , 2 ] ,\n \"j\" : \"v\" } ", """{"j":"v","k":[1,2]}""",
        "e598d7d4fb22059161ac39bb89b76f0f8edc1b78749df64638b5b19fe46a338e")]
    [InlineData("\"plain\"", "\"plain\"", "8499839250f081a490f4d90fb3011d04450c69ab78aea9bc2dd5b77aa12c1bd4")]
    [InlineData("null", "null", "02cea9e8bd7c6f407c1e40bf7a01bacbe6d0c644e54966056337a8998b804003")]
    [InlineData("true", "true", "e04f8f7356964b152770f4cca1d10bc9d88c2185a97d964cdd26ddef59c0be39")]
    public void Canonicalize_KnownInput_GivesPinnedFormAndHash(string json, string canonical, string hash)
    {
        Assert.Equal(canonical, CanonicalJson.Canonicalize(json));
        using var document = JsonDocument.Parse(json);
        Assert.Equal(canonical, CanonicalJson.Canonicalize(document.RootElement));
        Assert.Equal(hash, EventHash.Compute(null, "actor-x", 1, "t", canonical));
    }

    [Theory]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"\\udc00x\"")]
    [InlineData("{\"\\ud800\":1}")]
    public void Canonicalize_LoneSurrogateEscape_Throws(string json) =>
        Assert.Throws<InvalidOperationException>(() => CanonicalJson.Canonicalize(json));

    [Theory]
    [InlineData("1e400")]
    [InlineData("[-1e400]")]
    public void Canonicalize_NumberBeyondDouble_Throws(string json) =>
        Assert.Throws<ArgumentException>(() => CanonicalJson.Canonicalize(json));

    [Fact]
    public void Canonicalize_NestingTo256_IsAcceptedAndDeeperIsNot()
    {
        Assert.Equal(new string('[', 256) + new string(']', 256), CanonicalJson.Canonicalize(new string('[', 256) + new string(']', 256)));
        Assert.ThrowsAny<JsonException>(() => CanonicalJson.Canonicalize(new string('[', 257) + new string(']', 257)));
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(0.1, "0.1")]
    [InlineData(-5e-324, "-5e-324")]
    [InlineData(123456789.125, "123456789.125")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1.5e-6, "0.0000015")]
    [InlineData(-1.7976931348623157e308, "-1.7976931348623157e+308")]
    public void Number_KnownDouble_IsEcmaScriptForm(double value, string text) => Assert.Equal(text, CanonicalJson.Number(value));

    [Fact]
    public void Number_NegativeZero_IsZero() => Assert.Equal("0", CanonicalJson.Number(-0.0));
}

/// <summary>Random documents through both the oracle and the implementation: what the pinned cases cannot enumerate.</summary>
public sealed class CanonicalJsonOracleTests
{
    // names and strings drawn from pieces that stress escaping and UTF-16 ordering
    private static readonly string[] Pieces =
    [
        "", "a", "A", "b", "aa", "_", "1", "z", "\u00e9", "\u00f6", "\u0080", "\u20ac", "\ufb33", "\uff5a", "\uffff", "\ue000", "\ud7ff",
        "\ud83d\ude00", "\ud800\udc00", "\udbff\udfff", "\u4e2d", "\"", "\\", "/", "\b", "\f", "\n", "\r", "\t", "\u0000", "\u001f", "\u007f",
        "\u2028", " ", "key", "value with spaces",
    ];

    private static string Text(Random random)
    {
        var builder = new StringBuilder();
        for (var i = random.Next(4); i > 0; i--) builder.Append(Pieces[random.Next(Pieces.Length)]);
        return builder.ToString();
    }

    private static double Double(Random random) => random.Next(6) switch
    {
        0 => random.Next(-1000, 1000),
        1 => BitConverter.Int64BitsToDouble(random.NextInt64()) is var d && double.IsFinite(d) ? d : 0.5,
        2 => Math.Round(random.NextDouble() * 1e6, random.Next(8)),
        3 => random.NextDouble() * Math.Pow(10, random.Next(-30, 30)),
        4 => (random.Next(2) == 0 ? -1 : 1) * Math.Pow(10, random.Next(-25, 25)),
        _ => random.NextInt64(long.MinValue, long.MaxValue),
    };

    private static void Write(Utf8JsonWriter writer, Random random, int depth)
    {
        switch (depth > 4 ? random.Next(4) : random.Next(7))
        {
            case 0: writer.WriteStringValue(Text(random)); break;
            case 1:
                // the raw token, so integers of every length and exponents in every spelling reach the parser
                writer.WriteRawValue(random.Next(3) switch
                {
                    0 => Double(random).ToString("R", CultureInfo.InvariantCulture),
                    1 => (random.Next(2) == 0 ? "-" : "") + (random.NextInt64(1, long.MaxValue).ToString(CultureInfo.InvariantCulture) is var digits ? digits[..(1 + random.Next(digits.Length))] : ""),
                    _ => $"{random.Next(-99, 99)}.{random.Next(0, 1000)}e{random.Next(-30, 30)}",
                }, skipInputValidation: true);
                break;
            case 2: writer.WriteBooleanValue(random.Next(2) == 0); break;
            case 3: writer.WriteNullValue(); break;
            case 4 or 5:
                writer.WriteStartObject();
                for (var i = random.Next(random.Next(8) == 0 ? 60 : 12); i > 0; i--) // now and then past the insertion sort
                {
                    writer.WritePropertyName(Text(random));
                    Write(writer, random, depth + 1);
                }
                writer.WriteEndObject();
                break;
            default:
                writer.WriteStartArray();
                for (var i = random.Next(6); i > 0; i--) Write(writer, random, depth + 1);
                writer.WriteEndArray();
                break;
        }
    }

    [Fact]
    public void Canonicalize_RandomDocuments_MatchesTheOriginalImplementation()
    {
        var random = new Random(8785);
        // relaxed escaping as well as the default, so the parser sees both literal and escaped non-ASCII text
        var options = new[]
        {
            new JsonWriterOptions(), new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true },
        };
        for (var i = 0; i < 5_000; i++)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, options[i % 2])) Write(writer, random, 0);
            var json = Encoding.UTF8.GetString(buffer.WrittenSpan);
            var expected = ReferenceCanonicalJson.Canonicalize(json);
            Assert.Equal(expected, CanonicalJson.Canonicalize(json));
            var hash = ReferenceEventHash.Compute("prev", "stream-\u00fc", i, "type", expected);
            Assert.Equal(hash, EventHash.Compute("prev", "stream-\u00fc", i, "type", expected));
            Assert.Equal(hash, EventHash.ComputeFromJson("prev", "stream-\u00fc", i, "type", json));
        }
    }

    [Fact]
    public void Number_RandomDoubles_MatchesTheOriginalImplementation()
    {
        var random = new Random(2107);
        for (var i = 0; i < 100_000; i++)
        {
            var value = Double(random);
            Assert.Equal(ReferenceCanonicalJson.Number(value), CanonicalJson.Number(value));
        }
    }
}
