using Archive.Domain.Actors;
using Archive.Domain.Common;
using Archive.Domain.Sources;

namespace Archive.Domain.Statements;

/// <summary>
/// Amends a statement. A new <c>quote</c> without a <c>span</c> is located in the source (kept at the current span when
/// it occurs there among several places); with a span, it must occur exactly there; a new span alone must hold the
/// current quote; a new quote kind is checked like a recording. The amended quote is the source's own characters.
/// </summary>
public sealed record AmendStatement(string StatementId, string Reason, StatementChanges Changes)
{
    /// <param name="source">The statement's source; needed when the quote, span or quote kind change.</param>
    public static Decision Handle(ActorState state, AmendStatement command, SourceState? source, CommandContext context) =>
        Decide(state, command, question => AnchorQuote.Answer(source, question), context);

    /// <summary>As <c>Handle</c>, with the source's answer to <see cref="Anchoring"/> (asked on this state) instead of its text.</summary>
    /// <param name="anchored">The answer; null when the source is not registered or nothing needed asking.</param>
    public static Decision HandleAnchored(ActorState state, AmendStatement command, AnchoredQuote? anchored, CommandContext context) =>
        Decide(state, command, question => anchored is null || anchored.Question == question ? anchored
            : throw new InvalidOperationException("the source was asked another question than this amendment needs"), context);

    /// <summary>
    /// What to ask the statement's source before deciding: the quote (typed, or the current one, which the source finds
    /// at the current span by its fingerprint), the span (sent, or the current one when only the kind or only the span
    /// changes), and the current span to keep among several occurrences. Null when the decision does not look at the source.
    /// </summary>
    public static AnchorQuote? Anchoring(ActorState state, AmendStatement command)
    {
        var c = command.Changes;
        if (state.Statement(command.StatementId) is not { } statement) return null;
        if (c.Quote is null && c.Span is null && (c.QuoteKind is null || c.QuoteKind == statement.QuoteKind)) return null;
        if (c.Quote is { Length: > RecordStatement.MaxQuoteLength }) return null;
        return new AnchorQuote(c.Quote, c.Span ?? (c.Quote is null ? statement.Span : null), statement.Span)
        {
            CurrentQuote = c.Quote is null ? statement.Quote : null,
        };
    }

    private static Decision Decide(ActorState state, AmendStatement command, Func<AnchorQuote, AnchoredQuote?> anchor, CommandContext context)
    {
        var errors = new List<DomainError>();
        var c = command.Changes;
        Checks.Text(errors, "reason", command.Reason, 2000, multiline: true);
        if (c.IsEmpty) errors.Add(DomainError.Invalid("changes", "name at least one of quote, span, saidOn, occasion, quoteKind, language"));
        if (c.Quote is not null) Checks.Text(errors, "quote", c.Quote, RecordStatement.MaxQuoteLength, multiline: true);
        if (c.Span is not null) RecordStatement.SpanShape(errors, "span", c.Span);
        if (c.SaidOn is not null) Checks.SaidOn(errors, "saidOn", c.SaidOn, context.Now);
        if (c.Occasion is not null) Checks.Text(errors, "occasion", c.Occasion, 500);
        if (c.QuoteKind is not null) Checks.OneOf(errors, "quoteKind", c.QuoteKind, QuoteKinds.All);
        if (c.Language is not null) Checks.Language(errors, "language", c.Language);
        if (errors.Count > 0) return Decision.Refuse(errors);

        if (StatementGuard.Find(state, command.StatementId, "amend", out var statement) is { } refused) return refused;
        if (c.QuoteKind == QuoteKinds.Joint && !statement.Joint)
            return Decision.Refuse(DomainError.Invalid("quoteKind", "a joint statement names at least one co-speaker; this one has none"));

        // The state keeps fingerprints of the quote and occasion: enough to tell whether they change.
        string? quote = null;
        var span = statement.Span;
        if (Anchoring(state, command) is { } question)
        {
            if (anchor(question) is not { } anchored) return Decision.NotFound("sourceId", $"source '{statement.SourceId}' is not registered");
            if (anchored.Passage is not { } passage) return Decision.Refuse(anchored.Errors);
            (quote, span) = (passage.Text, passage.Span);
        }

        // Only what really changes is recorded, so repeating an amendment is a no-op.
        var changes = new StatementChanges(
            quote is not null && Fingerprints.Of(quote) != statement.Quote ? quote : null,
            span != statement.Span ? span : null,
            c.SaidOn is not null && c.SaidOn != statement.SaidOn ? c.SaidOn : null,
            c.Occasion is not null && Fingerprints.Of(c.Occasion) != statement.Occasion ? c.Occasion : null,
            c.QuoteKind is not null && c.QuoteKind != statement.QuoteKind ? c.QuoteKind : null,
            c.Language is not null && c.Language != statement.Language ? c.Language : null);
        if (changes.IsEmpty) return Decision.NoOp;
        return Decision.Accept(new StatementAmended(state.Id!, command.StatementId, changes, command.Reason, context.Principal, context.Now));
    }
}
