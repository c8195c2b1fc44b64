using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Archive.Audit;
using Archive.Audit.Bundles;
using Xunit;

namespace Archive.Audit.Tests.Verification;

/// <summary>What <see cref="BundleWriter"/> writes, <see cref="BundleReader"/> reads back and <see cref="BundleVerifier"/> verifies.</summary>
public sealed class BundleRoundTripTests
{
    private const string PublicKey = "test-key";

    // A stand-in for Ed25519, which the audit library leaves to its callers: what matters here is that the verifier
    // checks the seal text with the header's key.
    private static string Sign(string key, string text) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes($"{key}\n{text}")));

    private static bool Check(string key, string text, string signature) => signature == Sign(key, text);

    private static readonly BundleHeader Header = new(DateTimeOffset.Parse("2025-01-08T12:00:00+00:00"), 1, 8, PublicKey);

    /// <summary>The fixture's events at positions 1, 2, 4, 5 and 7, tombstones at 3 and 6, and a signed seal over 1-7 at 8.</summary>
    private static List<BundleLine> Body(Func<string, string, string>? sign = null)
    {
        var body = new List<BundleLine>();
        var heads = new Dictionary<string, string>(StringComparer.Ordinal);
        var leaves = new List<string>();
        foreach (var e in Bundles.Events)
        {
            if (e.Position is 4 or 7) Tombstone(e.Position - 1);
            body.Add(Event(e.Position, e.Stream, e.Version, e.Type, e.Data));
        }
        var root = MerkleTree.Root(leaves);
        var signature = (sign ?? Sign)(PublicKey, SealText.Signed(1, 1, 7, leaves.Count, root, null));
        body.Add(Event(8, MerkleTree.SealStream, 1, "seal_recorded",
            $$"""{"number":1,"fromPosition":1,"toPosition":7,"events":{{leaves.Count}},"merkleRoot":"{{root}}","previousSealRoot":null,"signature":"{{signature}}","sealedBy":"archive-sealer","sealedAt":"2025-01-08T00:00:00+00:00"}"""));
        return body;

        void Tombstone(long position)
        {
            body.Add(new BundleTombstone(position));
            leaves.Add(Tombstones.SealLeaf);
        }

        BundleEvent Event(long position, string stream, long version, string type, string data)
        {
            var previous = heads.GetValueOrDefault(stream);
            var hash = EventHash.Compute(previous, stream, version, type, CanonicalJson.Canonicalize(data));
            heads[stream] = hash;
            if (stream != MerkleTree.SealStream) leaves.Add(hash);
            using var document = JsonDocument.Parse(data);
            return new BundleEvent(position, stream, version, type, DateTimeOffset.Parse("2025-01-06T09:00:00.123456+00:00"),
                document.RootElement.Clone(), hash, previous);
        }
    }

    private static async Task<List<string>> Written(IReadOnlyList<BundleLine> body)
    {
        var output = new StringWriter();
        await BundleWriter.Write(output, Header, body.ToAsyncEnumerable(), TestContext.Current.CancellationToken);
        Assert.EndsWith("\n", output.ToString(), StringComparison.Ordinal);
        return [.. output.ToString().Split('\n')[..^1]];
    }

    [Fact]
    public async Task WriteThenRead_EventsTombstonesAndSignedSeal_GivesBackEveryLine()
    {
        var body = Body();

        var read = (await Written(body)).Select(BundleReader.Read).ToList();

        Assert.All(read, r => Assert.Null(r.Problem));
        Assert.Equal(Header, read[0].Line);
        for (var i = 0; i < body.Count; i++)
        {
            if (body[i] is not BundleEvent written)
            {
                Assert.Equal(body[i], read[i + 1].Line);
                continue;
            }
            var e = Assert.IsType<BundleEvent>(read[i + 1].Line);
            Assert.Equal(written with { Data = default }, e with { Data = default });
            Assert.True(JsonElement.DeepEquals(written.Data, e.Data), $"the data of position {written.Position}");
        }
        Assert.Equal(new BundleFooter(6, 3, 2), read[^1].Line);
    }

    [Fact]
    public async Task WriteThenVerify_EventsTombstonesAndSignedSeal_VerifiesWithTheHeadersKey()
    {
        var lines = await Written(Body());

        var result = BundleVerifier.Verify(lines, Check);

        Assert.True(result.Verified, result.Failure?.ToString());
        Assert.Equal((6L, 3, 1L, 2L), (result.Events, result.Streams, result.Seals, result.Tombstones));
    }

    [Fact]
    public async Task WriteThenVerify_SealSignedWithAnotherKey_FailsAtTheSeal()
    {
        var lines = await Written(Body(sign: (_, text) => Sign("another-key", text)));

        var failure = BundleVerifier.Verify(lines, Check).Failure;

        Assert.NotNull(failure);
        Assert.Equal((9L, MerkleTree.SealStream, (long?)1), (failure.Line, failure.Stream, failure.Version));
        Assert.Contains("signature does not verify", failure.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_EveryKind_NamesTheKindFirstAndTheFieldsInTheDocumentedOrder()
    {
        var lines = await Written(Body());

        Assert.Equal("""{"kind":"header","format":"statement-archive-bundle","formatVersion":1,"exportedAt":"2025-01-08T12:00:00+00:00","fromPosition":1,"toPosition":8,"hash":"sha256","canonicalization":"RFC 8785","publicKey":"test-key"}""", lines[0]);
        Assert.Equal(["kind", "position", "stream", "version", "type", "timestamp", "data", "hash", "previousHash"],
            JsonDocument.Parse(lines[1]).RootElement.EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("""{"kind":"event","position":1,"stream":"actor:lin-jian","version":1,"type":"actor_registered","timestamp":"2025-01-06T09:00:00.123456+00:00","data":{""", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(""","previousHash":null}""", lines[1], StringComparison.Ordinal);
        Assert.Equal("""{"kind":"tombstone","position":3}""", lines[3]);
        Assert.Equal("""{"kind":"footer","events":6,"streams":3,"tombstones":2}""", lines[^1]);
    }
}
