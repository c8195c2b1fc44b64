using Archive.Audit;
using Xunit;

namespace Archive.Audit.Tests.Chains;

/// <summary>Pins hashes computed by the original implementation; a change here means stored chains no longer verify.</summary>
public sealed class EventHashTests
{
    private const string First = "f267cffbb8b4225d2f5ec2c063af5c7fd573e800d9d92d72f6f74a6bb2ddad33";
    private const string Second = "e38e4f15b9c046bf5051652259272b5502ea480b0373ad841cb4e2c39e4c65c0";

    private static StoredEvent[] Chain() =>
    [
        new(10, "actor-lin-jian", 1, "actor_registered", """{ "roles": [], "name": "Lin Jian" }""", First),
        new(11, "actor-lin-jian", 2, "alias_added", "{\"alias\":\"\u6797\u5251\"}", Second),
    ];

    [Fact]
    public void Compute_KnownEvents_GivesPinnedHashes()
    {
        Assert.Equal(First, EventHash.Compute(null, "actor-lin-jian", 1, "actor_registered", CanonicalJson.Canonicalize("""{"name":"Lin Jian","roles":[]}""")));
        Assert.Equal(Second, EventHash.Compute(First, "actor-lin-jian", 2, "alias_added", CanonicalJson.Canonicalize("{\"alias\":\"\u6797\u5251\"}")));
        Assert.Equal("42d4d37a95e53b63f0fb644be452c2cebfc1d661c3f192b48fea650dbde99941",
            EventHash.Compute("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "topic-\u00fc\ud83d\ude00", 1234567890123, "t", "{}"));
        Assert.Equal("b227107ab5e450b1de9306e1609e805aa2262fa38c92f553bb41bba3794b887f", EventHash.Compute("", "s", 1, "", ""));
    }

    [Theory]
    [InlineData(null, "s", 0L, "t", "{}")]
    [InlineData("\ud800", "\udc00s\ud800", -12L, "t\udfff", "\"\ud83d\"")] // lone surrogates become U+FFFD, as Encoding.UTF8 made them
    [InlineData("p", "", long.MaxValue, "", "")]
    public void Compute_AnyText_MatchesTheOriginalImplementation(string? previous, string stream, long version, string type, string body) =>
        Assert.Equal(ReferenceEventHash.Compute(previous, stream, version, type, body), EventHash.Compute(previous, stream, version, type, body));

    [Fact]
    public void Verify_PinnedChainInAnyOrder_IsIntact()
    {
        var result = ChainVerifier.Verify("actor-lin-jian", Chain().Reverse(), 2);
        Assert.True(result.Intact);
        Assert.Equal(2, result.Events);
    }

    [Fact]
    public void Verify_ChangedBody_ReportsTheRecomputedAndTheRecordedHash()
    {
        var events = Chain();
        events[1] = events[1] with { BodyJson = "{\"alias\":\"Lin\"}" };
        var broken = ChainVerifier.Verify("actor-lin-jian", events).Break;
        Assert.NotNull(broken);
        Assert.Equal(2, broken.Version);
        Assert.Equal(EventHash.Compute(First, "actor-lin-jian", 2, "alias_added", "{\"alias\":\"Lin\"}"), broken.Expected);
        Assert.Equal(Second, broken.Found);
    }

    [Fact]
    public void Verify_MissingHash_IsFoundAsNone()
    {
        var events = Chain();
        events[0] = events[0] with { Hash = null };
        var broken = ChainVerifier.Verify("actor-lin-jian", events).Break;
        Assert.Equal((1L, First, "(none)"), (broken!.Version, broken.Expected, broken.Found));
    }

    [Fact]
    public void Verify_GapsAndCounts_AreReportedAsBefore()
    {
        var missingFirst = ChainVerifier.Verify("actor-lin-jian", [Chain()[1]]);
        Assert.Equal(("an event is missing before this one", "version 1", "version 2"),
            (missingFirst.Break!.Problem, missingFirst.Break.Expected, missingFirst.Break.Found));
        var shortOfRecorded = ChainVerifier.Verify("actor-lin-jian", Chain(), 3);
        Assert.Equal((3L, "events are missing at the end of the stream"), (shortOfRecorded.Break!.Version, shortOfRecorded.Break.Problem));
        var twice = ChainVerifier.Verify("actor-lin-jian", [.. Chain(), Chain()[1] with { Position = 12 }]);
        Assert.Equal((3L, "a version appears twice"), (twice.Break!.Version, twice.Break.Problem));
    }
}
