using System.Globalization;
using System.Text;
using Archive.Audit.Canonical;
using Xunit;

namespace Archive.Audit.Tests.Chains;

/// <summary>
/// The token-by-token route against the original implementation, on JSON texts written every way JSON allows: it
/// must give the original's bytes whenever it answers, answer for everything but what it is meant to decline, and
/// leave the output untouched when it declines.
/// </summary>
public sealed class CanonicalTokensTests
{
    // names and strings from pieces that stress escaping and UTF-16 ordering (a surrogate pair is one piece)
    private static readonly string[] Pieces =
    [
        "", "a", "A", "b", "aa", "_", "1", "z", "id", "actorId", "registeredAt", "\u00e9", "\u00f6", "\u0080", "\u20ac", "\ufb33",
        "\uff5a", "\uffff", "\ue000", "\ud7ff", "\ud83d\ude00", "\ud800\udc00", "\udbff\udfff", "\u4e2d", "\"", "\\", "/", "\b", "\f",
        "\n", "\r", "\t", "\u0000", "\u001f", "\u007f", "\u2028", " ", "value with spaces",
    ];

    private static readonly string[] Spaces = ["", "", "", " ", "  ", "\n", "\t", "\r\n  "];

    // what a name may hold without an escape
    private static readonly string[] PlainPieces = [.. Pieces.Where(p => !p.Any(c => c < 0x20 || c == '"' || c == '\\'))];

    /// <summary>A random JSON text, and whether it escapes anything in a member name (which the route declines).</summary>
    private sealed class Text(Random random)
    {
        private readonly StringBuilder json = new();
        // a quarter of the texts may escape names; the others' names are plain, so objects of every size are answered
        private readonly bool escapeNames = random.Next(4) == 0;
        public bool EscapedName { get; private set; }

        public override string ToString() => json.ToString();

        private void Space() => json.Append(Spaces[random.Next(Spaces.Length)]);

        private void WriteString(bool name)
        {
            var plain = name && !escapeNames;
            var pieces = plain ? PlainPieces : Pieces;
            json.Append('"');
            for (var i = random.Next(4); i > 0; i--)
            {
                var piece = pieces[random.Next(pieces.Length)];
                for (var c = 0; c < piece.Length; c++)
                {
                    var ch = piece[c];
                    var pair = char.IsHighSurrogate(ch);
                    var must = ch < 0x20 || ch == '"' || ch == '\\';
                    // sometimes escaped although it need not be, as serializers escape non-ASCII, '/', '+' or '<'
                    if (!must && (plain || random.Next(5) != 0))
                    {
                        json.Append(ch);
                        if (pair) json.Append(piece[++c]);
                        continue;
                    }
                    if (name) EscapedName = true;
                    var shortForm = ch switch
                    {
                        '"' => "\\\"", '\\' => "\\\\", '/' => "\\/", '\b' => "\\b", '\f' => "\\f", '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => null,
                    };
                    if (shortForm is not null && random.Next(2) == 0) json.Append(shortForm);
                    else
                    {
                        Unicode(ch);
                        if (pair) Unicode(piece[++c]);
                    }
                }
            }
            json.Append('"');
        }

        private void Unicode(char c) =>
            json.Append("\\u").Append(((int)c).ToString(random.Next(2) == 0 ? "x4" : "X4", CultureInfo.InvariantCulture));

        private void Number()
        {
            var sign = random.Next(3) == 0 ? "-" : "";
            string Digits(int most) => random.NextInt64(100_000_000_000_000_000, long.MaxValue).ToString(CultureInfo.InvariantCulture)[..(1 + random.Next(most))];
            json.Append(random.Next(9) switch
            {
                0 => sign + "0",
                1 => sign + Digits(18),
                2 => sign + Digits(18) + Digits(18), // beyond a long, beyond 15 digits
                3 => sign + Digits(6) + "." + Digits(18),
                4 => sign + "0." + new string('0', random.Next(8)) + Digits(12),
                5 => sign + Digits(4) + (random.Next(2) == 0 ? "e" : "E") + (random.Next(3) switch { 0 => "+", 1 => "-", _ => "" }) + random.Next(0, 300),
                6 => sign + Digits(3) + "." + Digits(3) + "e-" + random.Next(300, 330), // near and below the smallest double
                7 => BitConverter.Int64BitsToDouble(random.NextInt64()) is var d && double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "0.5",
                _ => sign + "0.0",
            });
        }

        public Text Value(int depth)
        {
            Space();
            switch (depth > 4 ? random.Next(5) : random.Next(8))
            {
                case 0: WriteString(name: false); break;
                case 1 or 2: Number(); break;
                case 3: json.Append(random.Next(2) == 0 ? "true" : "false"); break;
                case 4: json.Append("null"); break;
                case 5 or 6:
                    json.Append('{');
                    var members = random.Next(random.Next(8) == 0 ? 70 : 12); // now and then past the insertion sort
                    for (var i = 0; i < members; i++)
                    {
                        if (i > 0) json.Append(',');
                        Space();
                        WriteString(name: true);
                        Space();
                        json.Append(':');
                        Value(depth + 1);
                    }
                    Space();
                    json.Append('}');
                    break;
                default:
                    json.Append('[');
                    for (var i = random.Next(6); i > 0; i--)
                    {
                        Value(depth + 1);
                        if (i > 1) json.Append(',');
                    }
                    Space();
                    json.Append(']');
                    break;
            }
            Space();
            return this;
        }
    }

    private static (bool Answered, string Written) TryWrite(byte[] utf8Json, string before = "")
    {
        var output = new Utf8Output(4);
        try
        {
            output.Append(Encoding.UTF8.GetBytes(before));
            var answered = CanonicalTokens.TryWrite(ref output, utf8Json);
            return (answered, Encoding.UTF8.GetString(output.Written));
        }
        finally { output.Dispose(); }
    }

    [Fact]
    public void TryWrite_RandomTexts_GivesTheOriginalFormForAllButEscapedNames()
    {
        var random = new Random(8785);
        var answered = 0;
        Span<byte> utf8Hash = stackalloc byte[EventHash.Length];
        for (var i = 0; i < 20_000; i++)
        {
            var text = new Text(random).Value(0);
            var json = text.ToString();
            var expected = ReferenceCanonicalJson.Canonicalize(json);
            var tokens = TryWrite(Encoding.UTF8.GetBytes(json), "before");
            Assert.Equal(!text.EscapedName, tokens.Answered);
            Assert.Equal(tokens.Answered ? "before" + expected : "before", tokens.Written);
            if (tokens.Answered) answered++;
            // and through the entry points, whichever route they take
            Assert.Equal(expected, CanonicalJson.Canonicalize(json));
            var hash = ReferenceEventHash.Compute("prev", "stream-\u00fc", i, "type", expected);
            Assert.Equal(hash, EventHash.ComputeFromJson("prev", "stream-\u00fc", i, "type", json));
            EventHash.ComputeFromUtf8Json("prev"u8, "stream-\u00fc", i, "type", Encoding.UTF8.GetBytes(json), utf8Hash);
            Assert.Equal(hash, Encoding.ASCII.GetString(utf8Hash));
        }
        Assert.InRange(answered, 14_000, 20_000); // most texts take the route under test
    }

    [Fact]
    public void TryWrite_JsonbText_GivesTheDocumentedHash()
    {
        // docs/audit.md's worked example, as PostgreSQL's jsonb prints the body (names by length, spaces)
        const string stored = """{"kind": "person", "name": "Lin Jian", "actorId": "lin-jian", "aliases": ["Chinese Foreign Ministry spokesperson"], "country": "CN", "registeredAt": "2026-12-06T23:10:50.4040172+00:00", "registeredBy": "seed-import"}""";
        const string canonical = """{"actorId":"lin-jian","aliases":["Chinese Foreign Ministry spokesperson"],"country":"CN","kind":"person","name":"Lin Jian","registeredAt":"2026-12-06T23:10:50.4040172+00:00","registeredBy":"seed-import"}""";
        Assert.Equal((true, canonical), TryWrite(Encoding.UTF8.GetBytes(stored)));
        Span<byte> hash = stackalloc byte[EventHash.Length];
        EventHash.ComputeFromUtf8Json([], "actor:lin-jian", 1, "actor_registered", Encoding.UTF8.GetBytes(stored), hash);
        Assert.Equal("c1cc13d9c7bd60637ac5e9bdc18e96950eaebe7e4be46e0823350bcd7404d62a", Encoding.ASCII.GetString(hash));
    }

    [Theory]
    [InlineData("{\"b\":{\"d\":1,\"c\":[{\"f\":2,\"e\":3}]},\"a\":{}}", "{\"a\":{},\"b\":{\"c\":[{\"e\":3,\"f\":2}],\"d\":1}}")]
    [InlineData("{\"\uff5a\":1,\"\ud83d\ude00\":2,\"z\":3,\"\u00e9\":4}", "{\"z\":3,\"\u00e9\":4,\"\ud83d\ude00\":2,\"\uff5a\":1}")]
    [InlineData("{\"b\":1,\"a\":2,\"b\":3,\"a\":4}", "{\"a\":2,\"a\":4,\"b\":1,\"b\":3}")]
    [InlineData("[\"\\uD83D\\uDE00\\u00e9\\/\\u001F\"]", "[\"\ud83d\ude00\u00e9/\\u001f\"]")]
    [InlineData("[-0,-0.0,1E2,1e21,0.1e1,12345678901234567,-1.5e-7]", "[0,0,100,1e+21,1,12345678901234568,-1.5e-7]")]
    public void TryWrite_KnownText_GivesTheCanonicalForm(string json, string canonical)
    {
        Assert.Equal(canonical, ReferenceCanonicalJson.Canonicalize(json)); // the cases are the original's
        Assert.Equal((true, canonical), TryWrite(Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("{\"\\u0061\":1}")] // an escaped name
    [InlineData("{\"a\":[\"\\ud800\"]}")] // a lone surrogate escape
    [InlineData("\"\\ude00\\ud83d\"")] // a pair the wrong way round
    [InlineData("\"\\ud83dx\"")]
    [InlineData("[1,1e400]")] // beyond a double
    [InlineData("{\"a\":}")]
    [InlineData("[1,]")]
    [InlineData("1 2")]
    [InlineData("")]
    public void TryWrite_WhatOnlyTheDocumentRouteDecides_DeclinesAndLeavesTheOutput(string json) =>
        Assert.Equal((false, "kept"), TryWrite(Encoding.UTF8.GetBytes(json), "kept"));

    [Fact]
    public void TryWrite_InvalidUtf8_Declines()
    {
        Assert.Equal((false, "kept"), TryWrite([(byte)'"', 0xC3, 0x28, (byte)'"'], "kept"));
        Assert.Equal((false, "kept"), TryWrite([(byte)'{', (byte)'"', 0xED, 0xA0, 0x80, (byte)'"', (byte)':', (byte)'1', (byte)'}'], "kept"));
    }

    [Fact]
    public void TryWrite_NestingTo256_IsWrittenAndDeeperDeclined()
    {
        var deepest = new string('[', 256) + "{\"b\":1,\"a\":2}" + new string(']', 256);
        Assert.Equal((false, ""), TryWrite(Encoding.UTF8.GetBytes(deepest)));
        var deep = new string('[', 255) + "{\"b\":1,\"a\":2}" + new string(']', 255);
        Assert.Equal((true, new string('[', 255) + "{\"a\":2,\"b\":1}" + new string(']', 255)), TryWrite(Encoding.UTF8.GetBytes(deep)));
        Assert.Equal(ReferenceCanonicalJson.Canonicalize(deep), CanonicalJson.Canonicalize(deep));
    }
}
