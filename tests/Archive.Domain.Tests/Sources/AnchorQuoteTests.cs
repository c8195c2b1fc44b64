using Archive.Domain.Common;
using Archive.Domain.Sources;
using Archive.Domain.Statements;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests.Sources;

/// <summary>
/// The source answers where a quote is, so the speaker's grain never holds the text: the answer must lead every
/// decision to exactly what it decides when it reads the text itself.
/// </summary>
public sealed class AnchorQuoteTests
{
    private const string StraightQuote = "We'll never accept interference in our internal affairs.";
    private const string Repeating = "China said no. Then China said no again. He left.";

    [Fact]
    public void AnchorQuote_SeveralQuestions_AnswersEachInOrder()
    {
        var answers = AnchorQuote.Answer(Source(), [new AnchorQuote(StraightQuote, null), new AnchorQuote("No answers were given.", null)]);

        Assert.Equal(2, answers!.Count);
        Assert.Equal(new Passage(SpanOf(Quote), Quote), answers[0].Passage);
        Assert.Empty(answers[0].Errors);
        Assert.Equal((SourceId, "en"), (answers[0].SourceId, answers[0].SourceLanguage));
        Assert.Null(answers[1].Passage);
        Assert.Equal("No answer was given.", Assert.Single(answers[1].Errors).Details?.Closest?.Text);
    }

    [Fact]
    public void AnchorQuote_SourceNotRegistered_AnswersNull()
    {
        Assert.Null(AnchorQuote.Answer(SourceState.Empty, [new AnchorQuote(Quote, null)]));
        Assert.Null(AnchorQuote.Answer(null, new AnchorQuote(Quote, null)));
    }

    public static TheoryData<string, int?, int?> Recordings => new()
    {
        { StraightQuote, null, null },                 // found once
        { "China said no", null, null },               // several times
        { "China said yes", null, null },              // nowhere
        { "China said no", 20, 33 },                   // at the span sent
        { "China said no", 0, 8 },                     // not at the span sent
        { "China said no", 0, 900 },                   // a span outside the text
    };

    [Theory]
    [MemberData(nameof(Recordings))]
    public void RecordStatement_AnchoredBySource_DecidesAsWithSourceText(string quote, int? start, int? end)
    {
        var source = quote == StraightQuote ? Source() : GivenSource(SourceRegistered(Repeating));
        var command = Record() with { SourceId = source.Id!, Quote = quote, Span = start is null ? null : new TextSpan(start.Value, end!.Value) };
        var state = Given(ActorRegistered());
        var anchored = AnchorQuote.Answer(source, [command.Anchoring!])![0];

        var withText = RecordStatement.Handle(state, command.Located(source), Known(source), Context);
        var withAnswer = RecordStatement.Handle(state, command.Located(anchored), Known() with { Source = null, Anchored = anchored }, Context);

        Assert.Equal(command.Located(source).Span, command.Located(anchored).Span);
        Assert.Equal(Describe(withText), Describe(withAnswer));
    }

    [Fact]
    public void RecordStatement_AnchoredSourceNotRegistered_IsNotFoundOnSourceId() =>
        Then.Refused(RecordStatement.Handle(Given(ActorRegistered()), Record(), Known() with { Source = null, Anchored = null }, Context),
            ErrorKind.NotFound, "sourceId");

    public static TheoryData<string?, int?, int?, string?> Amendments => new()
    {
        { "China said no", null, null, null },         // several, current among them: kept
        { "Then China said no again", null, null, null },
        { "China said maybe", null, null, null },
        { null, 0, 13, null },                          // the span alone, holding the quote
        { null, 0, 8, null },                           // the span alone, not holding it
        { null, null, null, QuoteKinds.Reported },      // the kind alone
    };

    [Theory]
    [MemberData(nameof(Amendments))]
    public void AmendStatement_AnchoredBySource_DecidesAsWithSourceText(string? quote, int? start, int? end, string? kind)
    {
        var source = GivenSource(SourceRegistered(Repeating));
        var record = Record() with { SourceId = source.Id!, Quote = "China said no", Span = new TextSpan(20, 33) };
        var state = Given(ActorRegistered(), Recorded(record));
        var command = new AmendStatement(record.StatementId!, "Re-selected.",
            new StatementChanges(quote, start is null ? null : new TextSpan(start.Value, end!.Value), QuoteKind: kind));
        var question = AmendStatement.Anchoring(state, command);

        var withText = AmendStatement.Handle(state, command, source, Context);
        var withAnswer = AmendStatement.HandleAnchored(state, command, AnchorQuote.Answer(source, question!), Context);

        Assert.Equal(Describe(withText), Describe(withAnswer));
    }

    [Fact]
    public void AmendStatement_OnlyOccasionChanges_AsksSourceNothing() =>
        Assert.Null(AmendStatement.Anchoring(Given(ActorRegistered(), Recorded()),
            new AmendStatement(StatementId, "Misnamed.", new StatementChanges(Occasion: "Press briefing"))));

    // Events and errors as text: records with lists compare those by reference.
    private static string Describe(Decision decision) =>
        string.Join("\n", decision.Events.Select(e => e is StatementRecorded r ? $"{r with { Topics = [], CoSpeakers = [] }} {string.Join(",", r.Topics)}"
                : e is StatementAmended a ? $"{a}" : $"{e}")
            .Concat(decision.Errors.Select(e => $"{e.Kind} {e.Field} {e.Reason} {Evidence(e.Details)}")));

    private static string Evidence(QuoteEvidence? details) => details is null ? "" :
        $"{details.Count} [{string.Join(";", details.Occurrences)}] {details.Closest} {details.AtSpan}";
}
