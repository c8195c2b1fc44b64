using Archive.Domain.Common;

namespace Archive.Domain.Sources;

/// <summary>
/// A question, not a command: where does this quote occur in the source? Answers every occurrence (span in code points
/// and the source's own characters there), or the closest passage when there is none. Nothing is recorded.
/// </summary>
public sealed record LocateQuote(string? Quote)
{
    /// <summary>The search, or the errors that make the question unanswerable (a missing source is NotFound on <c>sourceId</c>).</summary>
    public static (QuoteSearch? Search, IReadOnlyList<DomainError> Errors) Handle(SourceState? source, LocateQuote query)
    {
        var errors = new List<DomainError>();
        Checks.Text(errors, "quote", query.Quote, Statements.RecordStatement.MaxQuoteLength, multiline: true);
        if (errors.Count == 0 && QuoteFolding.Fold(query.Quote!).Length == 0)
            errors.Add(DomainError.Invalid("quote", "has no visible characters to find in the source"));
        if (errors.Count > 0) return (null, errors);
        if (source is not { Exists: true }) return (null, [DomainError.NotFound("sourceId", "the source is not registered")]);
        return (QuoteLocator.For(source.Text).Locate(query.Quote!), []);
    }
}
