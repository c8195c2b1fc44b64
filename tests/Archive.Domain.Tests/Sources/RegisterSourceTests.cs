using Archive.Domain.Common;
using Archive.Domain.Sources;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests.Sources;

public sealed class RegisterSourceTests
{
    private static RegisterSource Command(string text = Text) =>
        new(" Regular press conference ", text, "Ministry of Foreign Affairs", "https://example.org/press/2025-02-20", SaidOn, "en");

    [Fact]
    public void RegisterSource_NewDocument_RegistersNormalisedTextUnderDerivedId()
    {
        var command = Command("\r\n" + Text.Replace("\n", "\r\n") + "  ");

        var registered = Then.Accepted<SourceRegistered>(RegisterSource.Handle(SourceState.Empty, command, Context));

        Assert.Equal(SourceId, registered.SourceId);
        Assert.Equal(command.SourceId, registered.SourceId);
        Assert.Equal(Text, registered.Text);
        Assert.Equal(SourceText.Hash(Text), registered.TextHash);
        Assert.Equal("Regular press conference", registered.Title);
        Assert.Equal(Archivist, registered.RegisteredBy);
        Assert.Equal(Now, registered.RegisteredAt);
    }

    [Fact]
    public void RegisterSource_SameDocumentTwice_IsNoOp()
    {
        var state = GivenSource(SourceRegistered());

        var decision = RegisterSource.Handle(state, Command(), Context);

        Then.NoOp(decision);
    }

    [Fact]
    public void RegisterSource_SameDocumentWithCrlfLineEndings_HasSameIdAndIsNoOp()
    {
        var command = Command(Text.Replace("\n", "\r\n"));
        Assert.Equal(SourceId, command.SourceId);

        var decision = RegisterSource.Handle(GivenSource(SourceRegistered()), command, Context);

        Then.NoOp(decision);
    }

    [Fact]
    public void SourceId_DifferentDocument_IsDifferent() =>
        Assert.NotEqual(SourceId, Command(Text + " More.").SourceId);

    [Fact]
    public void SourceId_AnyDocument_IsWellFormedSlug() =>
        Assert.True(Slug.IsValid(Command().SourceId));

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t ")]
    public void RegisterSource_BlankText_IsRefusedNamingText(string text) =>
        Then.Refused(RegisterSource.Handle(SourceState.Empty, Command(text), Context), ErrorKind.Validation, "text");

    [Fact]
    public void RegisterSource_BlankTitle_IsRefusedNamingTitle() =>
        Then.Refused(RegisterSource.Handle(SourceState.Empty, Command() with { Title = "  " }, Context), ErrorKind.Validation, "title");

    [Theory]
    [InlineData("ftp://example.org/a")]
    [InlineData("javascript:alert(1)")]
    [InlineData("example.org/a")]
    [InlineData("/relative/path")]
    public void RegisterSource_UrlNotAbsoluteHttp_IsRefusedNamingUrl(string url) =>
        Then.Refused(RegisterSource.Handle(SourceState.Empty, Command() with { Url = url }, Context), ErrorKind.Validation, "url");

    [Fact]
    public void RegisterSource_PublishedAfterNow_IsRefusedNamingPublishedOn() =>
        Then.Refused(RegisterSource.Handle(SourceState.Empty, Command() with { PublishedOn = new DateOnly(2025, 3, 3) }, Context),
            ErrorKind.Validation, "publishedOn");

    [Fact]
    public void RegisterSource_PublishedBeforeYear1000_IsRefusedNamingPublishedOn() =>
        Then.Refused(RegisterSource.Handle(SourceState.Empty, Command() with { PublishedOn = new DateOnly(999, 12, 31) }, Context),
            ErrorKind.Validation, "publishedOn");

    [Fact]
    public void RegisterSource_LanguageNotATag_IsRefusedNamingLanguage() =>
        Then.Refused(RegisterSource.Handle(SourceState.Empty, Command() with { Language = "English" }, Context), ErrorKind.Validation, "language");

    [Fact]
    public void RegisterSource_TextLongerThanLimit_IsRefusedNamingText() =>
        Then.Refused(RegisterSource.Handle(SourceState.Empty, Command(new string('x', SourceText.MaxLength + 1)), Context),
            ErrorKind.Validation, "text");
}
