using Archive.Domain.Actors;
using Archive.Domain.Common;
using Archive.Domain.Sources;

namespace Archive.Domain.Statements;

/// <summary>What the speaker's grain learns from other streams before it decides.</summary>
/// <param name="Source">The source, when the decision is to find the quote in it itself; a grain sends <see cref="Anchored"/> instead.</param>
/// <param name="MergedTopics">Topics among the command's that were merged, each with the topic it went into.</param>
public sealed record RecordingContext(
    SourceState? Source,
    IReadOnlySet<string> UnknownTopics,
    IReadOnlySet<string> UnknownCoSpeakers,
    IReadOnlyDictionary<string, string>? MergedTopics = null)
{
    /// <summary>The source's answer to the command's <see cref="RecordStatement.Anchoring"/>; null when the source is not registered (or <see cref="Source"/> is given).</summary>
    public AnchoredQuote? Anchored { get; init; }
}

/// <summary>
/// Records a statement from a source. <see cref="Quote"/> is what the archivist typed: it only finds and checks the
/// passage, and the recorded quote is the source's own characters there. <see cref="Span"/> may be omitted: the quote
/// is then located in the source (one occurrence: recorded there; none: refused on <c>quote</c> with the closest
/// passage; several: a conflict on <c>quote</c> listing every occurrence, see <see cref="DomainError.Details"/>).
/// </summary>
public sealed record RecordStatement(
    string ActorId,
    string SourceId,
    string Quote,
    TextSpan? Span,
    string QuoteKind,
    DateOnly? SaidOn,
    string? Occasion = null,
    IReadOnlyList<string>? Topics = null,
    string? Language = null,
    IReadOnlyList<string>? CoSpeakers = null)
{
    public const int MaxQuoteLength = 20_000;

    /// <summary>The statement's id, derived from its span; null while the span is not known (see <see cref="Located"/>).</summary>
    public string? StatementId => Span is null ? null : StatementIds.For(ActorId, SourceId, Span);

    /// <summary>
    /// This command with its span filled in when it has none and its quote occurs exactly once in
    /// <paramref name="source"/>; otherwise unchanged (the decision then refuses it and says why). A caller that must
    /// answer with the statement's id and span, also for an idempotent repeat, calls this before <see cref="Handle"/>.
    /// </summary>
    public RecordStatement Located(SourceState? source) =>
        Span is null && source is { Exists: true } && Quote is not null
            ? this with { Span = QuoteLocator.For(source.Text).Locate(Quote).Single?.Span }
            : this;

    /// <summary>
    /// This command with its span filled in from the source's answer to <see cref="Anchoring"/> (asked without a span: the
    /// passage is the quote's only occurrence); otherwise unchanged.
    /// </summary>
    public RecordStatement Located(AnchoredQuote? anchored) =>
        Span is null && anchored is { Passage: { } passage, Question.Span: null } ? this with { Span = passage.Span } : this;

    /// <summary>What to ask the source before deciding; null when the quote is refused without looking (missing or too long).</summary>
    public AnchorQuote? Anchoring => Quote is null || Quote.Length > MaxQuoteLength ? null : new AnchorQuote(Quote, Span);

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
        if (command.Span is not null) SpanShape(errors, "span", command.Span);
        if (errors.Count > 0) return Decision.Refuse(errors);

        if (!state.Exists) return Decision.NotFound("actorId", $"actor '{command.ActorId}' is not registered");
        if (context.Anchored is null && context.Source is not { Exists: true }) return Decision.NotFound("sourceId", $"source '{command.SourceId}' is not registered");
        var missing = context.UnknownTopics.Select(t => DomainError.NotFound("topics", $"topic '{t}' is not open"))
            .Concat(context.UnknownCoSpeakers.Select(a => DomainError.NotFound("coSpeakers", $"actor '{a}' is not registered")))
            .ToArray();
        if (missing.Length > 0) return Decision.Refuse(missing);
        if (context.MergedTopics is { Count: > 0 } merged)
            return Decision.Refuse(merged.Select(m => DomainError.Conflict("topics", $"topic '{m.Key}' was merged into '{m.Value}'; file the statement under '{m.Value}'")));

        var anchored = context.Anchored ?? AnchorQuote.Answer(context.Source, command.Anchoring!)!;
        if (anchored.Passage is not { } passage) return Decision.Refuse(anchored.Errors);

        var recorded = new StatementRecorded(
            command.ActorId, StatementIds.For(command.ActorId, command.SourceId, passage.Span), passage.Text, command.QuoteKind, command.SaidOn!.Value,
            command.Occasion, anchored.SourceId, passage.Span, command.Topics ?? [], command.Language ?? anchored.SourceLanguage ?? "en",
            coSpeakers, meta.Principal, meta.Now);

        if (state.Statement(recorded.StatementId) is { } existing)
        {
            return existing.Recording == Fingerprints.Recording(recorded)
                ? Decision.NoOp
                : Decision.Conflict("span", $"statement '{recorded.StatementId}' is already recorded from the span {QuoteCheck.Where(passage)} with other details; amend it instead");
        }
        return Decision.Accept(recorded);
    }

    internal static void SpanShape(List<DomainError> errors, string field, TextSpan span)
    {
        if (span.Start < 0) errors.Add(DomainError.Invalid($"{field}.start", "must not be negative"));
        if (span.End <= span.Start) errors.Add(DomainError.Invalid($"{field}.end", "must be greater than start"));
        if (span.End - span.Start > MaxQuoteLength) errors.Add(DomainError.Invalid(field, $"must cover at most {MaxQuoteLength} characters"));
    }
}
