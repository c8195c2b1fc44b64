using System.Security.Cryptography;
using System.Text;
using Archive.Domain.Common;
using Archive.Domain.Sources;
using Xunit;

namespace Archive.Domain.Tests.Sources;

public sealed class SourceTextTests
{
    private const string Lf = "First paragraph.\nSecond paragraph.";

    [Fact]
    public void IdFor_CrlfAndLfLineEndings_GiveSameId() =>
        Assert.Equal(IdOf(Lf), IdOf("First paragraph.\r\nSecond paragraph."));

    [Fact]
    public void IdFor_BareCarriageReturns_GiveSameIdAsLf() =>
        Assert.Equal(IdOf(Lf), IdOf("First paragraph.\rSecond paragraph."));

    [Fact]
    public void IdFor_NfcAndNfdForms_GiveSameId()
    {
        const string nfc = "Caf\u00E9 diplomacy";
        const string nfd = "Cafe\u0301 diplomacy";
        Assert.NotEqual(nfc, nfd);

        Assert.Equal(IdOf(nfc), IdOf(nfd));
    }

    [Fact]
    public void IdFor_SurroundingWhitespace_GivesSameId() =>
        Assert.Equal(IdOf(Lf), IdOf("  \r\n\t" + Lf + "\n\n  "));

    [Fact]
    public void IdFor_DifferentText_GivesDifferentId() =>
        Assert.NotEqual(IdOf(Lf), IdOf("First paragraph.\nSecond paragraph!"));

    [Fact]
    public void IdFor_InnerWhitespaceDiffers_GivesDifferentId() =>
        Assert.NotEqual(IdOf(Lf), IdOf("First  paragraph.\nSecond paragraph."));

    [Fact]
    public void IdFor_AnyText_IsWellFormedSlugDerivedFromSha256()
    {
        var id = IdOf(Lf);

        Assert.True(Slug.IsValid(id), $"'{id}' is not a slug");
        Assert.Matches("^src-[0-9a-f]{20}$", id);
        Assert.StartsWith(id[4..], Sha256Hex(Lf));
    }

    [Fact]
    public void Hash_KnownText_IsLowercaseHexSha256OfUtf8() =>
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SourceText.Hash("abc"));

    [Fact]
    public void Hash_NonAsciiText_HashesUtf8Bytes() =>
        Assert.Equal(Sha256Hex("林剑 😀"), SourceText.Hash("林剑 😀"));

    [Fact]
    public void Normalise_CrlfNfdAndPadding_YieldsNfcLfTrimmed() =>
        Assert.Equal("Caf\u00E9\nend", SourceText.Normalise("  Cafe\u0301\r\nend \n"));

    [Theory]
    [InlineData(0, 1, "a")]
    [InlineData(1, 2, "😀")]
    [InlineData(2, 3, "b")]
    [InlineData(0, 3, "a😀b")]
    [InlineData(1, 3, "😀b")]
    public void Slice_TextWithAstralCharacter_CountsCodePoints(int start, int end, string expected) =>
        Assert.Equal(expected, SourceText.Slice("a😀b", start, end));

    [Theory]
    [InlineData(0, 4)]
    [InlineData(3, 4)]
    [InlineData(-1, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(100, 200)]
    public void Slice_SpanOutsideText_IsNull(int start, int end) =>
        Assert.Null(SourceText.Slice("a😀b", start, end));

    [Fact]
    public void Slice_SeveralAstralCharacters_CountsEachAsOne() =>
        Assert.Equal("𝄞x", SourceText.Slice("😀😀𝄞x🎉", 2, 4));

    [Theory]
    [InlineData("a😀b", 3)]
    [InlineData("", 0)]
    [InlineData("𝄞𝄞", 2)]
    [InlineData("abc", 3)]
    public void CodePointLength_Text_CountsCodePoints(string text, int expected) =>
        Assert.Equal(expected, SourceText.CodePointLength(text));

    [Theory]
    [InlineData("“We’ll go.”", "\"We'll go.\"")]
    [InlineData("«We go»", "\"We go\"")]
    [InlineData("the corridor\nwould", "the corridor would")]
    [InlineData("the corridor \n  would", "the corridor would")]
    [InlineData("  padded  ", "padded")]
    [InlineData("Caf\u00E9", "Cafe\u0301")]
    public void QuoteMatches_OnlyWhitespaceQuoteMarksOrNormalisationDiffer_IsTrue(string slice, string quote) =>
        Assert.True(SourceText.QuoteMatches(quote, slice));

    [Theory]
    [InlineData("We will go.", "We will stay.")]
    [InlineData("We will go.", "We will go")]
    [InlineData("We will go.", "we will go.")]
    [InlineData("the corridor", "thecorridor")]
    public void QuoteMatches_DifferentWordsOrPunctuation_IsFalse(string slice, string quote) =>
        Assert.False(SourceText.QuoteMatches(quote, slice));

    private static string IdOf(string raw) => SourceText.IdFor(SourceText.Normalise(raw));

    private static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
