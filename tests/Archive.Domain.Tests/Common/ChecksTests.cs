using Archive.Domain.Common;
using Xunit;

namespace Archive.Domain.Tests.Common;

public sealed class ChecksTests
{
    // In .NET '$' also matches before a final '\n'; an id pattern anchored that way would let "lin-jian\n"
    // through and key a grain by it.
    [Theory]
    [InlineData("slug")]
    [InlineData("language")]
    [InlineData("country")]
    public void Check_ValueWithTrailingLineBreak_IsRefused(string check)
    {
        var errors = new List<DomainError>();

        switch (check)
        {
            case "slug": Checks.Slug(errors, "id", "lin-jian\n"); break;
            case "language": Checks.Language(errors, "language", "en\n"); break;
            case "country": Checks.Country(errors, "country", "CN\n"); break;
        }

        Assert.Contains(errors, e => e.Kind == ErrorKind.Validation);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    [InlineData("zh-Hans-CN")]
    [InlineData("yue")]
    public void Language_Bcp47Tag_IsAccepted(string tag)
    {
        var errors = new List<DomainError>();

        Checks.Language(errors, "language", tag);

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("English")]
    [InlineData("EN")]
    [InlineData("e")]
    [InlineData("en_US")]
    [InlineData("")]
    public void Language_NotATag_IsRefusedNamingField(string tag)
    {
        var errors = new List<DomainError>();

        Checks.Language(errors, "language", tag);

        Assert.Equal(new DomainError(ErrorKind.Validation, "language", errors.Single().Reason), errors.Single());
    }

    [Fact]
    public void Text_MultilineWithLineBreaksAndTabs_IsAccepted()
    {
        var errors = new List<DomainError>();

        Checks.Text(errors, "reason", "First line\n\tsecond line", 100, multiline: true);

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    public void Text_SingleLineWithLineBreak_IsRefusedNamingField(string lineBreak)
    {
        var errors = new List<DomainError>();

        Checks.Text(errors, "name", "Lin" + lineBreak + "Jian", 100);

        Assert.Equal("name", Assert.Single(errors).Field);
    }

    [Fact]
    public void Text_EmojiAsSurrogatePair_IsAccepted()
    {
        var errors = new List<DomainError>();

        Checks.Text(errors, "name", "Lin 😀 Jian", 100);

        Assert.Empty(errors);
    }

    [Fact]
    public void Text_WhitespaceOnlyWhenOptional_IsRefusedNamingField()
    {
        var errors = new List<DomainError>();

        Checks.Text(errors, "occasion", "   ", 100, required: false);

        Assert.Equal("occasion", Assert.Single(errors).Field);
    }

    [Fact]
    public void Text_NullWhenOptional_IsAccepted()
    {
        var errors = new List<DomainError>();

        Checks.Text(errors, "occasion", null, 100, required: false);

        Assert.Empty(errors);
    }

    [Fact]
    public void SlugList_RepeatedEntry_IsRefusedNamingList()
    {
        var errors = new List<DomainError>();

        Checks.SlugList(errors, "topics", ["cpec", "cpec"], 50);

        Assert.Equal("topics", Assert.Single(errors).Field);
    }

    [Fact]
    public void SlugList_TooManyEntries_IsRefusedNamingList()
    {
        var errors = new List<DomainError>();

        Checks.SlugList(errors, "topics", Enumerable.Range(0, 51).Select(i => $"topic-{i}").ToArray(), 50);

        Assert.Equal("topics", Assert.Single(errors).Field);
    }
}
