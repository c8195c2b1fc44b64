using Archive.Domain.Actors;
using Archive.Domain.Common;
using Archive.Domain.Sources;
using Archive.Domain.Statements;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests.Statements;

/// <summary>Spans count code points of the stored source text, end exclusive.</summary>
public sealed class RecordStatementSpanTests
{
    [Fact]
    public void RecordStatement_SpanEndBeyondText_IsRefusedNamingSpanEnd()
    {
        var length = Text.Length;

        Then.Refused(Recording(Record() with { Span = new TextSpan(length - 5, length + 1) }), ErrorKind.Validation, "span.end");
    }

    [Fact]
    public void RecordStatement_SpanEndingAtLastCodePoint_IsAccepted()
    {
        const string last = "No answer was given.";

        Then.Accepted<StatementRecorded>(Recording(Record(last) with { Span = new TextSpan(Text.Length - last.Length, Text.Length) }));
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(10, 9)]
    public void RecordStatement_SpanEndNotAfterStart_IsRefusedNamingSpanEnd(int start, int end) =>
        Then.Refused(Recording(Record() with { Span = new TextSpan(start, end) }), ErrorKind.Validation, "span.end");

    [Fact]
    public void RecordStatement_NegativeSpanStart_IsRefusedNamingSpanStart() =>
        Then.Refused(Recording(Record() with { Span = new TextSpan(-1, 5) }), ErrorKind.Validation, "span.start");

    [Fact]
    public void RecordStatement_SpanCoveringMoreThanMaxQuote_IsRefusedNamingSpan() =>
        Then.Refused(Recording(Record() with { Span = new TextSpan(0, RecordStatement.MaxQuoteLength + 1) }), ErrorKind.Validation, "span");

    [Fact]
    public void RecordStatement_DirectQuoteAtWrongSpan_IsRefusedNamingQuote() =>
        Then.Refused(Recording(Record() with { Span = SpanOf(SecondQuote) }), ErrorKind.Validation, "quote");

    [Fact]
    public void RecordStatement_ReportedQuoteWithSpanOutsideText_IsRefusedNamingSpanEnd() =>
        Then.Refused(Recording(Record() with { QuoteKind = QuoteKinds.Reported, Span = new TextSpan(0, Text.Length + 1) }),
            ErrorKind.Validation, "span.end");

    [Fact]
    public void RecordStatement_SourceWithEmoji_CountsSpanInCodePoints()
    {
        // "Smile 😀 we win": the emoji is one code point but two UTF-16 units, so "we win" is [8, 14).
        const string text = "Smile 😀 we win";
        var source = GivenSource(SourceRegistered(text));
        var command = Record("we win", new TextSpan(8, 14)) with { SourceId = source.Id! };

        var recorded = Then.Accepted<StatementRecorded>(Recording(command, Known(source)));

        Assert.Equal(new TextSpan(8, 14), recorded.Span);
    }

    [Fact]
    public void RecordStatement_SourceWithEmojiAndSpanInUtf16Units_IsRefused()
    {
        const string text = "Smile 😀 we win";
        var source = GivenSource(SourceRegistered(text));
        var command = Record("we win", new TextSpan(9, 15)) with { SourceId = source.Id! };

        var decision = Recording(command, Known(source));

        Assert.False(decision.Succeeded);
        Assert.Contains(decision.Errors, e => e.Field is "span.end" or "quote");
    }

    [Fact]
    public void RecordStatement_QuoteIsTheEmoji_IsAccepted()
    {
        var source = GivenSource(SourceRegistered("a😀b"));
        var command = Record("😀", new TextSpan(1, 2)) with { SourceId = source.Id! };

        Then.Accepted<StatementRecorded>(Recording(command, Known(source)));
    }
}
