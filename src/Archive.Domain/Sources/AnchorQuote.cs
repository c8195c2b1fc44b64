using Archive.Domain.Common;
using Archive.Domain.Statements;

namespace Archive.Domain.Sources;

/// <summary>
/// A question a speaker's grain asks a source's grain: which passage of the source does this typed quote mean?
/// The source's text stays with the source; only the answer (the source's own characters and their span, or the
/// refusal with its evidence) travels.
/// </summary>
/// <param name="Quote">What the archivist typed; null for the statement's current quote (see <see cref="CurrentQuote"/>).</param>
/// <param name="Span">The span sent, or null to find the quote.</param>
/// <param name="Preferred">When the quote occurs several times, the occurrence to take if it is one of them (an amendment's current span).</param>
public sealed record AnchorQuote(string? Quote, TextSpan? Span, TextSpan? Preferred = null)
{
    /// <summary>
    /// Without a <see cref="Quote"/>: the fingerprint of the statement's current quote, which the source finds at
    /// <see cref="Preferred"/> (the current span), so the speaker's grain need not keep the quote to amend its span or kind.
    /// </summary>
    public string? CurrentQuote { get; init; }

    /// <summary>The answers of a registered source, one per question in order; null when the source is not registered.</summary>
    public static IReadOnlyList<AnchoredQuote>? Answer(SourceState? source, IReadOnlyList<AnchorQuote> questions)
    {
        if (source is not { Exists: true }) return null;
        var locator = QuoteLocator.For(source.Text);
        return questions.Select(q => Answer(source, locator, q)).ToArray();
    }

    /// <summary>The answer of a registered source to one question; null when the source is not registered.</summary>
    public static AnchoredQuote? Answer(SourceState? source, AnchorQuote question) =>
        source is { Exists: true } ? Answer(source, QuoteLocator.For(source.Text), question) : null;

    private static AnchoredQuote Answer(SourceState source, QuoteLocator locator, AnchorQuote question)
    {
        var errors = new List<DomainError>();
        var quote = question.Quote ?? QuoteAtCurrentSpan(locator, question, errors);
        var passage = quote is null ? null : QuoteCheck.Resolve(errors, locator, quote, question.Span, question.Preferred);
        return new AnchoredQuote(question, source.Id!, source.Language, passage, errors);
    }

    private static string? QuoteAtCurrentSpan(QuoteLocator locator, AnchorQuote question, List<DomainError> errors)
    {
        // Every quote the archive checked is the source's own characters at its span. One recorded before it kept
        // them (a typed quote stored as typed) cannot be found by its fingerprint: it must be sent again.
        if (question.Preferred is { } span && locator.At(span) is { } at && Fingerprints.Of(at.Text) == question.CurrentQuote) return at.Text;
        errors.Add(DomainError.Invalid("quote", "the statement's quote is not the source's own characters at its span (it was recorded as typed); send the quote with the amendment"));
        return null;
    }
}

/// <summary>
/// A source's answer to <see cref="AnchorQuote"/>: the passage meant (the source's own characters and their span), or
/// the errors that say why there is none (no occurrence: the closest passage; several: every occurrence; a span
/// where the quote does not occur: what the source has there and where the quote occurs). Also what a recording
/// takes from the source: its id and language.
/// </summary>
public sealed record AnchoredQuote(AnchorQuote Question, string SourceId, string? SourceLanguage, Passage? Passage, IReadOnlyList<DomainError> Errors);
