using Archive.Domain.Common;
using Archive.Domain.Sources;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests.Sources;

/// <summary>A source's description can be corrected, each correction with its reason; its text never changes.</summary>
public sealed class CorrectSourceTests
{
    private const string Because = "The outlet's own page gives this title.";
    private static readonly SourceState Registered = GivenSource(SourceRegistered());

    private static Decision When(CorrectSource command, SourceState? state = null) => CorrectSource.Handle(state ?? Registered, command, Context);

    [Fact]
    public void CorrectSource_NewTitleAndLanguage_RecordsOnlyThose() =>
        Assert.Equal(new SourceCorrected(SourceId, "Press conference of 20 February", null, null, null, "zh-Hans", Because, Archivist, Now),
            Then.Accepted<SourceCorrected>(When(new CorrectSource(SourceId, Because, Title: " Press conference of 20 February ", Language: "zh-Hans"))));

    [Fact]
    public void CorrectSource_FieldsEqualToCurrentAreLeftOut_RecordsTheOneThatDiffers()
    {
        var command = new CorrectSource(SourceId, Because, Title: Registered.Title, Outlet: "Xinhua", Url: Registered.Url, PublishedOn: Registered.PublishedOn);

        Assert.Equal(new SourceCorrected(SourceId, null, "Xinhua", null, null, null, Because, Archivist, Now), Then.Accepted<SourceCorrected>(When(command)));
    }

    [Fact]
    public void Apply_Correction_ChangesDescriptionNotText()
    {
        var corrected = Then.Accepted<SourceCorrected>(When(new CorrectSource(SourceId, Because, Url: "https://example.org/a", PublishedOn: new DateOnly(2025, 2, 21), Language: "fr")));

        var state = Registered.Apply(corrected);

        Assert.Equal(("https://example.org/a", new DateOnly(2025, 2, 21), "fr"), (state.Url, state.PublishedOn, state.Language));
        Assert.Equal(Registered.Text, state.Text);
        Assert.Equal(Registered.Title, state.Title);
    }

    [Fact]
    public void CorrectSource_EverythingAlreadySo_IsNoOp() =>
        Then.NoOp(When(new CorrectSource(SourceId, Because, Title: Registered.Title, Language: Registered.Language)));

    [Fact]
    public void CorrectSource_NoField_IsRefusedNamingBody() =>
        Then.Refused(When(new CorrectSource(SourceId, Because)), ErrorKind.Validation, "body");

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void CorrectSource_BlankReason_IsRefusedNamingReason(string reason) =>
        Then.Refused(When(new CorrectSource(SourceId, reason, Title: "New")), ErrorKind.Validation, "reason");

    [Fact]
    public void CorrectSource_BlankTitle_IsRefusedNamingTitle() =>
        Then.Refused(When(new CorrectSource(SourceId, Because, Title: " ")), ErrorKind.Validation, "title");

    [Fact]
    public void CorrectSource_UrlNotHttp_IsRefusedNamingUrl() =>
        Then.Refused(When(new CorrectSource(SourceId, Because, Url: "ftp://example.org/a")), ErrorKind.Validation, "url");

    [Fact]
    public void CorrectSource_PublishedInFuture_IsRefusedNamingPublishedOn() =>
        Then.Refused(When(new CorrectSource(SourceId, Because, PublishedOn: new DateOnly(2025, 3, 3))), ErrorKind.Validation, "publishedOn");

    [Fact]
    public void CorrectSource_LanguageNotATag_IsRefusedNamingLanguage() =>
        Then.Refused(When(new CorrectSource(SourceId, Because, Language: "French")), ErrorKind.Validation, "language");

    [Fact]
    public void CorrectSource_UnknownSource_IsNotFoundNamingSourceId() =>
        Then.Refused(When(new CorrectSource(SourceId, Because, Title: "New"), SourceState.Empty), ErrorKind.NotFound, "sourceId");
}
