using Archive.Audit;
using Xunit;

namespace Archive.Audit.Tests.Verification;

/// <summary>Seals travel as events of the stream archive:seals; a bundle holding a seal's whole range rechecks its root.</summary>
public sealed class SealVerificationTests
{
    private static Bundles.Event SealOver(IEnumerable<Bundles.Event> events, long position, string root, int? count = null) =>
        new(position, MerkleTree.SealStream, 1, "seal_recorded",
            $$"""{"number":1,"fromPosition":1,"toPosition":{{events.Max(e => e.Position)}},"events":{{count ?? events.Count()}},"merkleRoot":"{{root}}","previousSealRoot":null,"sealedBy":"archive-sealer","sealedAt":"2025-01-08T00:00:00+00:00"}""");

    private static string RootOf(IReadOnlyList<Bundles.Event> events) =>
        MerkleTree.Root(Bundles.Lines(events)[1..^1]
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("hash").GetString()!).ToArray());

    [Fact]
    public void VerifyBundle_SealMatchingItsEvents_VerifiesAndCountsTheSeal()
    {
        var events = Bundles.Events.Append(SealOver(Bundles.Events, 8, RootOf(Bundles.Events))).ToArray();

        var result = BundleVerifier.Verify(Bundles.Lines(events, to: 8));

        Assert.Null(result.Failure);
        Assert.Equal(1, result.Seals);
    }

    [Fact]
    public void VerifyBundle_ChainRewrittenWithRecomputedHashes_FailsAtTheSealThatCoversIt()
    {
        // given a seal over the original events
        var root = RootOf(Bundles.Events);
        // when one body is rewritten and every hash recomputed, so each stream's chain holds again
        var rewritten = Bundles.Events.Select(e => e.Position == 4 ? e with { Data = e.Data.Replace("every partner", "no partner") } : e)
            .Append(SealOver(Bundles.Events, 8, root)).ToArray();

        var failure = BundleVerifier.Verify(Bundles.Lines(rewritten, to: 8)).Failure;

        // then the seal names the range it no longer matches
        Assert.NotNull(failure);
        Assert.Equal((MerkleTree.SealStream, 1L), (failure.Stream, failure.Version));
        Assert.Contains("positions 1-7", failure.Problem);
        Assert.Equal(root, failure.Expected);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"sealed\"")]
    [InlineData("{\"fromPosition\":1,\"toPosition\":7}")]
    public void VerifyBundle_SealWithoutRangeOrRoot_FailsAtTheSealWithoutThrowing(string data)
    {
        // a seal event hashed consistently, whatever its data: only the seal check can tell
        var events = Bundles.Events.Append(new Bundles.Event(8, MerkleTree.SealStream, 1, "seal_recorded", data)).ToArray();

        var failure = BundleVerifier.Verify(Bundles.Lines(events, to: 8)).Failure;

        Assert.NotNull(failure);
        Assert.Equal((7L, MerkleTree.SealStream, "the seal has no range or root"), (failure.Line, failure.Stream, failure.Problem));
    }

    [Fact]
    public void VerifyBundle_SealCountingAnotherNumberOfEvents_FailsAtTheSeal()
    {
        var events = Bundles.Events.Append(SealOver(Bundles.Events, 8, RootOf(Bundles.Events), count: Bundles.Events.Length + 1)).ToArray();

        var failure = BundleVerifier.Verify(Bundles.Lines(events, to: 8)).Failure;

        Assert.NotNull(failure);
        Assert.Equal((7L, MerkleTree.SealStream), (failure.Line, failure.Stream));
        Assert.Equal(("6 events, as the seal says", "5 events in the bundle"), (failure.Expected, failure.Found));
    }
}
