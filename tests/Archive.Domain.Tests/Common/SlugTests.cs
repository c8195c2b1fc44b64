using Archive.Domain.Common;
using Xunit;

namespace Archive.Domain.Tests.Common;

public sealed class SlugTests
{
    [Theory]
    [InlineData("lin-jian")]
    [InlineData("cpec")]
    [InlineData("g7")]
    [InlineData("ab")]
    [InlineData("a1-b2-c3")]
    public void IsValid_WellFormedSlug_IsTrue(string slug) => Assert.True(Slug.IsValid(slug));

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("Lin-Jian")]
    [InlineData("lin jian")]
    [InlineData("lin--jian")]
    [InlineData("-lin")]
    [InlineData("lin-")]
    [InlineData("1lin")]
    [InlineData("lin_jian")]
    [InlineData("lin.jian")]
    [InlineData("lín-jian")]
    [InlineData("lin/jian")]
    [InlineData(" lin-jian")]
    public void IsValid_MalformedSlug_IsFalse(string slug) => Assert.False(Slug.IsValid(slug));

    [Fact]
    public void IsValid_Null_IsFalse() => Assert.False(Slug.IsValid(null));

    [Fact]
    public void IsValid_SixtyFourCharacters_IsTrue() => Assert.True(Slug.IsValid("a" + new string('b', 63)));

    [Fact]
    public void IsValid_SixtyFiveCharacters_IsFalse() => Assert.False(Slug.IsValid("a" + new string('b', 64)));
}
