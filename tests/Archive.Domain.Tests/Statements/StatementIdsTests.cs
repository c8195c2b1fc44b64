using Archive.Domain.Statements;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests.Statements;

public sealed class StatementIdsTests
{
    private static readonly TextSpan Span = new(10, 20);

    [Fact]
    public void For_SameActorSourceAndSpan_IsSameId() =>
        Assert.Equal(StatementIds.For(ActorId, SourceId, Span), StatementIds.For(ActorId, SourceId, new TextSpan(10, 20)));

    [Fact]
    public void For_KnownInput_IsStableAcrossReleases() =>
        // Ids are stored and referenced by links and topics: a change of derivation would orphan them.
        Assert.Equal("st-" + Sha256Hex("lin-jian\nsrc-0123456789abcdef0123\n10\n20")[..20],
            StatementIds.For("lin-jian", "src-0123456789abcdef0123", Span));

    [Theory]
    [InlineData("wang-yi", null, 10, 20)]
    [InlineData(null, "src-ffffffffffffffffffff", 10, 20)]
    [InlineData(null, null, 11, 20)]
    [InlineData(null, null, 10, 21)]
    [InlineData(null, null, 0, 20)]
    public void For_AnyPartDiffers_IsDifferentId(string? actorId, string? sourceId, int start, int end) =>
        Assert.NotEqual(StatementIds.For(ActorId, SourceId, Span),
            StatementIds.For(actorId ?? ActorId, sourceId ?? SourceId, new TextSpan(start, end)));

    [Fact]
    public void For_AnyInput_IsWellFormed()
    {
        var id = StatementIds.For(ActorId, SourceId, Span);

        Assert.True(StatementIds.IsWellFormed(id), id);
        Assert.Matches("^st-[0-9a-f]{20}$", id);
    }

    [Fact]
    public void StatementId_OfRecordCommand_IsDerivedFromActorSourceAndSpan() =>
        Assert.Equal(StatementIds.For(ActorId, SourceId, SpanOf(Quote)), Record().StatementId);

    [Theory]
    [InlineData("st-0123456789abcdef0123")]
    [InlineData("st-ffffffffffffffffffff")]
    public void IsWellFormed_StatementId_IsTrue(string id) => Assert.True(StatementIds.IsWellFormed(id));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("st-0123456789ABCDEF0123")]
    [InlineData("st-0123456789abcdef012")]
    [InlineData("st-0123456789abcdef01234")]
    [InlineData("sx-0123456789abcdef0123")]
    [InlineData("st-0123456789abcdef012g")]
    [InlineData("lin-jian")]
    public void IsWellFormed_Other_IsFalse(string? id) => Assert.False(StatementIds.IsWellFormed(id));

    private static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
