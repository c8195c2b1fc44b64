using Archive.Domain.Actors;
using Archive.Domain.Common;
using Archive.Domain.Sources;
using Archive.Domain.Statements;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests.Statements;

public sealed class RecordStatementTests
{
    private static readonly ActorState Speaker = Given(ActorRegistered());

    private static Decision When(RecordStatement command, RecordingContext? context = null, ActorState? state = null) =>
        RecordStatement.Handle(state ?? Speaker, command, context ?? Known(), Context);

    [Fact]
    public void RecordStatement_DirectQuoteMatchingSource_RecordsStatement()
    {
        var command = Record();

        var recorded = Then.Accepted<StatementRecorded>(When(command));

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

        var recorded = Then.Accepted<StatementRecorded>(When(Record() with { Language = null }, Known(source)));

        Assert.Equal("zh-Hans", recorded.Language);
    }

    [Fact]
    public void RecordStatement_SourceNotRegistered_IsNotFoundNamingSourceId()
    {
        Then.Refused(When(Record(), Known(SourceState.Empty)), ErrorKind.NotFound, "sourceId");
        Then.Refused(When(Record(), new RecordingContext(null, new HashSet<string>(), new HashSet<string>())), ErrorKind.NotFound, "sourceId");
    }

    [Fact]
    public void RecordStatement_ActorNotRegistered_IsNotFoundNamingActorId() =>
        Then.Refused(When(Record(), state: ActorState.Empty), ErrorKind.NotFound, "actorId");

    [Fact]
    public void RecordStatement_SpanEndBeyondText_IsRefusedNamingSpanEnd()
    {
        var length = Text.Length;

        Then.Refused(When(Record() with { Span = new TextSpan(length - 5, length + 1) }), ErrorKind.Validation, "span.end");
    }

    [Fact]
    public void RecordStatement_SpanEndingAtLastCodePoint_IsAccepted()
    {
        const string last = "No answer was given.";

        Then.Accepted<StatementRecorded>(When(Record(last) with { Span = new TextSpan(Text.Length - last.Length, Text.Length) }));
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(10, 9)]
    public void RecordStatement_SpanEndNotAfterStart_IsRefusedNamingSpanEnd(int start, int end) =>
        Then.Refused(When(Record() with { Span = new TextSpan(start, end) }), ErrorKind.Validation, "span.end");

    [Fact]
    public void RecordStatement_NegativeSpanStart_IsRefusedNamingSpanStart() =>
        Then.Refused(When(Record() with { Span = new TextSpan(-1, 5) }), ErrorKind.Validation, "span.start");

    [Fact]
    public void RecordStatement_SpanCoveringMoreThanMaxQuote_IsRefusedNamingSpan() =>
        Then.Refused(When(Record() with { Span = new TextSpan(0, RecordStatement.MaxQuoteLength + 1) }), ErrorKind.Validation, "span");

    [Fact]
    public void RecordStatement_DirectQuoteWithStraightQuoteMarks_IsAccepted() =>
        Then.Accepted<StatementRecorded>(When(Record() with { Quote = "We'll never accept interference in our internal affairs." }));

    [Fact]
    public void RecordStatement_DirectQuoteWithSpaceForLineBreak_IsAccepted() =>
        Then.Accepted<StatementRecorded>(When(Record(SecondQuote) with { Quote = "the corridor would bring prosperity to the whole region." }));

    [Fact]
    public void RecordStatement_DirectQuoteDiffersFromSource_IsRefusedNamingQuote() =>
        Then.Refused(When(Record() with { Quote = "We’ll always accept interference in our internal affairs." }), ErrorKind.Validation, "quote");

    [Fact]
    public void RecordStatement_DirectQuoteAtWrongSpan_IsRefusedNamingQuote() =>
        Then.Refused(When(Record() with { Span = SpanOf(SecondQuote) }), ErrorKind.Validation, "quote");

    [Fact]
    public void RecordStatement_ReportedQuoteDiffersFromSource_IsAccepted() =>
        Then.Accepted<StatementRecorded>(When(Record() with
        {
            Quote = "Lin said China rejects any outside interference.",
            QuoteKind = QuoteKinds.Reported,
        }));

    [Fact]
    public void RecordStatement_ReportedQuoteWithSpanOutsideText_IsRefusedNamingSpanEnd() =>
        Then.Refused(When(Record() with { QuoteKind = QuoteKinds.Reported, Span = new TextSpan(0, Text.Length + 1) }),
            ErrorKind.Validation, "span.end");

    [Fact]
    public void RecordStatement_UnknownQuoteKind_IsRefusedNamingQuoteKind() =>
        Then.Refused(When(Record() with { QuoteKind = "paraphrase" }), ErrorKind.Validation, "quoteKind");

    [Fact]
    public void RecordStatement_JointWithoutCoSpeakers_IsRefusedNamingCoSpeakers() =>
        Then.Refused(When(Record() with { QuoteKind = QuoteKinds.Joint }), ErrorKind.Validation, "coSpeakers");

    [Fact]
    public void RecordStatement_JointWithCoSpeaker_RecordsCoSpeakers() =>
        Assert.Equal([CoSpeakerId], Then.Accepted<StatementRecorded>(
            When(Record() with { QuoteKind = QuoteKinds.Joint, CoSpeakers = [CoSpeakerId] })).CoSpeakers);

    [Fact]
    public void RecordStatement_CoSpeakerIsSpeaker_IsRefusedNamingCoSpeakers() =>
        Then.Refused(When(Record() with { QuoteKind = QuoteKinds.Joint, CoSpeakers = [CoSpeakerId, ActorId] }),
            ErrorKind.Validation, "coSpeakers");

    [Theory]
    [InlineData("Wang Yi")]
    [InlineData("wang_yi")]
    [InlineData("")]
    public void RecordStatement_MalformedCoSpeakerId_IsRefusedNamingEntry(string coSpeaker) =>
        Then.Refused(When(Record() with { QuoteKind = QuoteKinds.Joint, CoSpeakers = [CoSpeakerId, coSpeaker] }),
            ErrorKind.Validation, "coSpeakers[1]");

    [Theory]
    [InlineData("CPEC")]
    [InlineData("belt and road")]
    [InlineData("-cpec")]
    public void RecordStatement_MalformedTopicId_IsRefusedNamingEntry(string topic) =>
        Then.Refused(When(Record() with { Topics = ["cpec", topic] }), ErrorKind.Validation, "topics[1]");

    [Fact]
    public void RecordStatement_RepeatedTopic_IsRefusedNamingTopics() =>
        Then.Refused(When(Record() with { Topics = ["cpec", "cpec"] }), ErrorKind.Validation, "topics");

    [Fact]
    public void RecordStatement_UnknownTopic_IsNotFoundNamingTopics()
    {
        var context = Known() with { UnknownTopics = new HashSet<string> { "cpec" } };

        Then.Refused(When(Record(), context), ErrorKind.NotFound, "topics");
    }

    [Fact]
    public void RecordStatement_UnknownCoSpeaker_IsNotFoundNamingCoSpeakers()
    {
        var context = Known() with { UnknownCoSpeakers = new HashSet<string> { CoSpeakerId } };

        Then.Refused(When(Record() with { QuoteKind = QuoteKinds.Joint, CoSpeakers = [CoSpeakerId] }, context),
            ErrorKind.NotFound, "coSpeakers");
    }

    [Fact]
    public void RecordStatement_SaidOnAfterRecordedAt_IsRefusedNamingSaidOn() =>
        Then.Refused(When(Record() with { SaidOn = new DateOnly(2025, 3, 2) }), ErrorKind.Validation, "saidOn");

    [Fact]
    public void RecordStatement_SaidOnSameDayAsRecorded_IsAccepted() =>
        Then.Accepted<StatementRecorded>(When(Record() with { SaidOn = DateOnly.FromDateTime(Now.UtcDateTime) }));

    [Fact]
    public void RecordStatement_SaidOnBeforeYear1000_IsRefusedNamingSaidOn() =>
        Then.Refused(When(Record() with { SaidOn = new DateOnly(999, 12, 31) }), ErrorKind.Validation, "saidOn");

    [Fact]
    public void RecordStatement_SaidOnFirstDayOfYear1000_IsAccepted() =>
        Then.Accepted<StatementRecorded>(When(Record() with { SaidOn = new DateOnly(1000, 1, 1) }));

    [Fact]
    public void RecordStatement_SaidOnMissing_IsRefusedNamingSaidOn() =>
        Then.Refused(When(Record() with { SaidOn = null }), ErrorKind.Validation, "saidOn");

    [Fact]
    public void RecordStatement_LanguageNotATag_IsRefusedNamingLanguage() =>
        Then.Refused(When(Record() with { Language = "English" }), ErrorKind.Validation, "language");

    [Fact]
    public void RecordStatement_SameStatementTwice_IsNoOp()
    {
        var first = Then.Accepted<StatementRecorded>(When(Record()));

        Then.NoOp(When(Record(), state: Given(ActorRegistered(), first)));
    }

    [Fact]
    public void RecordStatement_SameStatementTwiceWithOtherQuoteMarksAndTopicOrder_IsNoOp()
    {
        var state = Given(ActorRegistered(), Recorded(Record() with { Topics = ["cpec", "diplomacy"] }));

        var decision = When(Record() with { Quote = "We'll never accept interference in our internal affairs.", Topics = ["diplomacy", "cpec"] },
            state: state);

        Then.NoOp(decision);
    }

    [Fact]
    public void RecordStatement_SameStatementAfterItWasAmended_IsNoOp()
    {
        var state = Given(ActorRegistered(), Recorded(),
            new StatementAmended(ActorId, StatementId, new StatementChanges(Occasion: "Press briefing"), "Occasion misnamed", Archivist, Earlier));

        Then.NoOp(When(Record(), state: state));
    }

    [Theory]
    [InlineData("saidOn")]
    [InlineData("occasion")]
    [InlineData("topics")]
    [InlineData("language")]
    [InlineData("quoteKind")]
    public void RecordStatement_SameSpanWithOtherDetails_IsConflict(string differs)
    {
        var state = Given(ActorRegistered(), Recorded());
        var command = differs switch
        {
            "saidOn" => Record() with { SaidOn = new DateOnly(2025, 2, 21) },
            "occasion" => Record() with { Occasion = "Interview" },
            "topics" => Record() with { Topics = ["cpec", "diplomacy"] },
            "language" => Record() with { Language = "zh" },
            _ => Record() with { QuoteKind = QuoteKinds.Reported },
        };
        Assert.Equal(StatementId, command.StatementId);

        var decision = When(command, state: state);

        Assert.True(decision.Errors.Single().Kind == ErrorKind.Conflict, $"expected a conflict, got {decision}");
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void RecordStatement_SourceWithEmoji_CountsSpanInCodePoints()
    {
        // "Smile 😀 we win": the emoji is one code point but two UTF-16 units, so "we win" is [8, 14).
        const string text = "Smile 😀 we win";
        var source = GivenSource(SourceRegistered(text));
        var command = Record("we win", new TextSpan(8, 14)) with { SourceId = source.Id! };

        var recorded = Then.Accepted<StatementRecorded>(When(command, Known(source)));

        Assert.Equal(new TextSpan(8, 14), recorded.Span);
    }

    [Fact]
    public void RecordStatement_SourceWithEmojiAndSpanInUtf16Units_IsRefused()
    {
        const string text = "Smile 😀 we win";
        var source = GivenSource(SourceRegistered(text));
        var command = Record("we win", new TextSpan(9, 15)) with { SourceId = source.Id! };

        var decision = When(command, Known(source));

        Assert.False(decision.Succeeded);
        Assert.Contains(decision.Errors, e => e.Field is "span.end" or "quote");
    }

    [Fact]
    public void RecordStatement_QuoteIsTheEmoji_IsAccepted()
    {
        var source = GivenSource(SourceRegistered("a😀b"));
        var command = Record("😀", new TextSpan(1, 2)) with { SourceId = source.Id! };

        Then.Accepted<StatementRecorded>(When(command, Known(source)));
    }
}
