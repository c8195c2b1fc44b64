using Archive.Domain.Actors;
using Archive.Domain.Common;
using Archive.Domain.Sources;
using Archive.Domain.Statements;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests.Statements;

public sealed class RecordStatementTests
{
    [Fact]
    public void RecordStatement_DirectQuoteMatchingSource_RecordsStatement()
    {
        var command = Record();

        var recorded = Then.Accepted<StatementRecorded>(Recording(command));

        Assert.Equal(ActorId, recorded.ActorId);
        Assert.Equal(StatementIds.For(ActorId, SourceId, SpanOf(Quote)), recorded.StatementId);
        Assert.Equal(Quote, recorded.Quote);
        Assert.Equal(QuoteKinds.Direct, recorded.QuoteKind);
        Assert.Equal(SaidOn, recorded.SaidOn);
        Assert.Equal(SourceId, recorded.SourceId);
        Assert.Equal(SpanOf(Quote), recorded.Span);
        Assert.Equal(["cpec"], recorded.Topics);
        Assert.Equal("en", recorded.Language);
        Assert.Empty(recorded.CoSpeakers);
        Assert.Equal(Archivist, recorded.RecordedBy);
        Assert.Equal(Now, recorded.RecordedAt);
    }

    [Fact]
    public void RecordStatement_NoLanguageGiven_TakesSourceLanguage()
    {
        var source = GivenSource(SourceRegistered() with { Language = "zh-Hans" });

        var recorded = Then.Accepted<StatementRecorded>(Recording(Record() with { Language = null }, Known(source)));

        Assert.Equal("zh-Hans", recorded.Language);
    }

    [Fact]
    public void RecordStatement_SourceNotRegistered_IsNotFoundNamingSourceId()
    {
        Then.Refused(Recording(Record(), Known(SourceState.Empty)), ErrorKind.NotFound, "sourceId");
        Then.Refused(Recording(Record(), new RecordingContext(null, new HashSet<string>(), new HashSet<string>())), ErrorKind.NotFound, "sourceId");
    }

    [Fact]
    public void RecordStatement_ActorNotRegistered_IsNotFoundNamingActorId() =>
        Then.Refused(Recording(Record(), state: ActorState.Empty), ErrorKind.NotFound, "actorId");

    [Fact]
    public void RecordStatement_DirectQuoteWithStraightQuoteMarks_IsAccepted() =>
        Then.Accepted<StatementRecorded>(Recording(Record() with { Quote = "We'll never accept interference in our internal affairs." }));

    [Fact]
    public void RecordStatement_DirectQuoteWithSpaceForLineBreak_IsAccepted() =>
        Then.Accepted<StatementRecorded>(Recording(Record(SecondQuote) with { Quote = "the corridor would bring prosperity to the whole region." }));

    [Fact]
    public void RecordStatement_DirectQuoteWithCrlfLineBreak_IsAccepted() =>
        Then.Accepted<StatementRecorded>(Recording(Record(SecondQuote) with { Quote = SecondQuote.Replace("\n", "\r\n") }));

    [Fact]
    public void RecordStatement_DirectQuoteDiffersFromSource_IsRefusedNamingQuote() =>
        Then.Refused(Recording(Record() with { Quote = "We’ll always accept interference in our internal affairs." }), ErrorKind.Validation, "quote");

    [Fact]
    public void RecordStatement_ReportedQuoteDiffersFromSource_IsRefusedNamingQuote() =>
        Then.Refused(Recording(Record() with
        {
            Quote = "Lin said China rejects any outside interference.",
            QuoteKind = QuoteKinds.Reported,
        }), ErrorKind.Validation, "quote");

    [Fact]
    public void RecordStatement_UnknownQuoteKind_IsRefusedNamingQuoteKind() =>
        Then.Refused(Recording(Record() with { QuoteKind = "paraphrase" }), ErrorKind.Validation, "quoteKind");

    [Fact]
    public void RecordStatement_JointWithoutCoSpeakers_IsRefusedNamingCoSpeakers() =>
        Then.Refused(Recording(Record() with { QuoteKind = QuoteKinds.Joint }), ErrorKind.Validation, "coSpeakers");

    [Fact]
    public void RecordStatement_JointWithCoSpeaker_RecordsCoSpeakers() =>
        Assert.Equal([CoSpeakerId], Then.Accepted<StatementRecorded>(
            Recording(Record() with { QuoteKind = QuoteKinds.Joint, CoSpeakers = [CoSpeakerId] })).CoSpeakers);

    [Fact]
    public void RecordStatement_CoSpeakerIsSpeaker_IsRefusedNamingCoSpeakers() =>
        Then.Refused(Recording(Record() with { QuoteKind = QuoteKinds.Joint, CoSpeakers = [CoSpeakerId, ActorId] }),
            ErrorKind.Validation, "coSpeakers");

    [Theory]
    [InlineData("Wang Yi")]
    [InlineData("wang_yi")]
    [InlineData("")]
    public void RecordStatement_MalformedCoSpeakerId_IsRefusedNamingEntry(string coSpeaker) =>
        Then.Refused(Recording(Record() with { QuoteKind = QuoteKinds.Joint, CoSpeakers = [CoSpeakerId, coSpeaker] }),
            ErrorKind.Validation, "coSpeakers[1]");

    [Theory]
    [InlineData("CPEC")]
    [InlineData("belt and road")]
    [InlineData("-cpec")]
    public void RecordStatement_MalformedTopicId_IsRefusedNamingEntry(string topic) =>
        Then.Refused(Recording(Record() with { Topics = ["cpec", topic] }), ErrorKind.Validation, "topics[1]");

    [Fact]
    public void RecordStatement_RepeatedTopic_IsRefusedNamingTopics() =>
        Then.Refused(Recording(Record() with { Topics = ["cpec", "cpec"] }), ErrorKind.Validation, "topics");

    [Fact]
    public void RecordStatement_UnknownTopic_IsNotFoundNamingTopics()
    {
        var context = Known() with { UnknownTopics = new HashSet<string> { "cpec" } };

        Then.Refused(Recording(Record(), context), ErrorKind.NotFound, "topics");
    }

    [Fact]
    public void RecordStatement_UnknownCoSpeaker_IsNotFoundNamingCoSpeakers()
    {
        var context = Known() with { UnknownCoSpeakers = new HashSet<string> { CoSpeakerId } };

        Then.Refused(Recording(Record() with { QuoteKind = QuoteKinds.Joint, CoSpeakers = [CoSpeakerId] }, context),
            ErrorKind.NotFound, "coSpeakers");
    }

    [Fact]
    public void RecordStatement_SaidOnAfterRecordedAt_IsRefusedNamingSaidOn() =>
        Then.Refused(Recording(Record() with { SaidOn = new DateOnly(2025, 3, 3) }), ErrorKind.Validation, "saidOn");

    [Fact]
    public void RecordStatement_SaidOnTomorrowInUtcWhereItWasAlreadyThatDay_IsAccepted()
    {
        // recorded at 23:00 UTC on 1 March: it was 07:00 on 2 March in Beijing, where it was said
        var context = new CommandContext(Archivist, new DateTimeOffset(2025, 3, 1, 23, 0, 0, TimeSpan.Zero));

        var decision = RecordStatement.Handle(Given(ActorRegistered()), Record() with { SaidOn = new DateOnly(2025, 3, 2) },
            Known(), context);

        Then.Accepted<StatementRecorded>(decision);
    }

    [Fact]
    public void RecordStatement_SaidOnSameDayAsRecorded_IsAccepted() =>
        Then.Accepted<StatementRecorded>(Recording(Record() with { SaidOn = DateOnly.FromDateTime(Now.UtcDateTime) }));

    [Fact]
    public void RecordStatement_SaidOnBeforeYear1000_IsRefusedNamingSaidOn() =>
        Then.Refused(Recording(Record() with { SaidOn = new DateOnly(999, 12, 31) }), ErrorKind.Validation, "saidOn");

    [Fact]
    public void RecordStatement_SaidOnFirstDayOfYear1000_IsAccepted() =>
        Then.Accepted<StatementRecorded>(Recording(Record() with { SaidOn = new DateOnly(1000, 1, 1) }));

    [Fact]
    public void RecordStatement_SaidOnMissing_IsRefusedNamingSaidOn() =>
        Then.Refused(Recording(Record() with { SaidOn = null }), ErrorKind.Validation, "saidOn");

    [Fact]
    public void RecordStatement_LanguageNotATag_IsRefusedNamingLanguage() =>
        Then.Refused(Recording(Record() with { Language = "English" }), ErrorKind.Validation, "language");
}
