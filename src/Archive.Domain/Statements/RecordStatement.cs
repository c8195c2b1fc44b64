using Archive.Domain.Actors;
using Archive.Domain.Common;
using Archive.Domain.Sources;

namespace Archive.Domain.Statements;

/// <summary>What the speaker's grain learns from other streams before it decides.</summary>
public sealed record RecordingContext(
    SourceState? Source,
    IReadOnlySet<string> UnknownTopics,
    IReadOnlySet<string> UnknownCoSpeakers);

public sealed record RecordStatement(
    string ActorId,
    string SourceId,
    string Quote,
    TextSpan Span,
    string QuoteKind,
    DateOnly? SaidOn,
    string? Occasion = null,
    IReadOnlyList<string>? Topics = null,
    string? Language = null,
    IReadOnlyList<string>? CoSpeakers = null)
{
    public const int MaxQuoteLength = 20_000;

    public string StatementId => StatementIds.For(ActorId, SourceId, Span);

    public static Decision Handle(ActorState state, RecordStatement command, RecordingContext context, CommandContext meta)
    {
        var errors = new List<DomainError>();
        Checks.Text(errors, "quote", command.Quote, MaxQuoteLength, multiline: true);
        Checks.OneOf(errors, "quoteKind", command.QuoteKind, QuoteKinds.All);
        Checks.SaidOn(errors, "saidOn", command.SaidOn, meta.Now);
        Checks.Text(errors, "occasion", command.Occasion, 500, required: false);
        Checks.SlugList(errors, "topics", command.Topics, 50);
        Checks.SlugList(errors, "coSpeakers", command.CoSpeakers, 50);
        Checks.Language(errors, "language", command.Language);
        var coSpeakers = command.CoSpeakers ?? [];
        if (coSpeakers.Contains(command.ActorId)) errors.Add(DomainError.Invalid("coSpeakers", "must not include the speaker"));
        if (command.QuoteKind == QuoteKinds.Joint && coSpeakers.Count == 0)
            errors.Add(DomainError.Invalid("coSpeakers", "a joint statement names at least one co-speaker"));
        SpanShape(errors, "span", command.Span);
        if (errors.Count > 0) return Decision.Refuse(errors);

        if (!state.Exists) return Decision.NotFound("actorId", $"actor '{command.ActorId}' is not registered");
        if (context.Source is not { Exists: true } source) return Decision.NotFound("sourceId", $"source '{command.SourceId}' is not registered");
        var missing = context.UnknownTopics.Select(t => DomainError.NotFound("topics", $"topic '{t}' is not open"))
            .Concat(context.UnknownCoSpeakers.Select(a => DomainError.NotFound("coSpeakers", $"actor '{a}' is not registered")))
            .ToArray();
        if (missing.Length > 0) return Decision.Refuse(missing);

        SpanAgainstSource(errors, source.Text, command.Span, command.Quote, command.QuoteKind, "span", "quote");
        if (errors.Count > 0) return Decision.Refuse(errors);

        var recorded = new StatementRecorded(
            command.ActorId, command.StatementId, command.Quote, command.QuoteKind, command.SaidOn!.Value,
            command.Occasion, source.Id!, command.Span, command.Topics ?? [], command.Language ?? source.Language ?? "en",
            coSpeakers, meta.Principal, meta.Now);

        if (state.Statement(recorded.StatementId) is { } existing)
        {
            return SameRecording(existing.Recorded, recorded)
                ? Decision.NoOp
                : Decision.Conflict("span", $"statement '{recorded.StatementId}' is already recorded from this span with other details; amend it instead");
        }
        return Decision.Accept(recorded);
    }

    internal static void SpanShape(List<DomainError> errors, string field, TextSpan? span)
    {
        if (span is null) { errors.Add(DomainError.Invalid(field, "is required")); return; }
        if (span.Start < 0) errors.Add(DomainError.Invalid($"{field}.start", "must not be negative"));
        if (span.End <= span.Start) errors.Add(DomainError.Invalid($"{field}.end", "must be greater than start"));
        if (span.End - span.Start > MaxQuoteLength) errors.Add(DomainError.Invalid(field, $"must cover at most {MaxQuoteLength} characters"));
    }

    internal static void SpanAgainstSource(List<DomainError> errors, string text, TextSpan span, string quote, string quoteKind, string spanField, string quoteField)
    {
        var slice = SourceText.Slice(text, span.Start, span.End);
        if (slice is null)
        {
            errors.Add(DomainError.Invalid($"{spanField}.end", $"lies outside the source text ({SourceText.CodePointLength(text)} code points)"));
            return;
        }
        if (quoteKind == QuoteKinds.Direct && !SourceText.QuoteMatches(quote, slice))
            errors.Add(DomainError.Invalid(quoteField, "does not match the source text at the span"));
    }

    private static bool SameRecording(StatementRecorded a, StatementRecorded b) =>
        SourceText.QuoteMatches(a.Quote, b.Quote) && a.QuoteKind == b.QuoteKind && a.SaidOn == b.SaidOn
        && a.Occasion == b.Occasion && a.Language == b.Language
        && a.Topics.Order().SequenceEqual(b.Topics.Order()) && a.CoSpeakers.Order().SequenceEqual(b.CoSpeakers.Order());
}
