using Archive.Domain.Common;
using Archive.Domain.Sources;

namespace Archive.Domain.Statements;

/// <summary>
/// Turns what the archivist typed (a quote, perhaps a span) into the passage of the source it means, or an error
/// that teaches: every quote kind is checked the same way, and what is kept is the source's own characters.
/// </summary>
internal static class QuoteCheck
{
    private const int SpansInReason = 10;

    /// <param name="span">The span sent, or null to find the quote.</param>
    /// <param name="preferred">When the quote occurs several times, the occurrence to take if it is one of them (an amendment's current span).</param>
    public static Passage? Resolve(List<DomainError> errors, QuoteLocator locator, string quote, TextSpan? span, TextSpan? preferred = null)
    {
        if (QuoteFolding.Fold(quote).Length == 0)
        {
            errors.Add(DomainError.Invalid("quote", "has no visible characters to find in the source"));
            return null;
        }
        if (span is not null)
        {
            if (locator.At(span) is not { } at)
            {
                errors.Add(DomainError.Invalid("span.end", $"lies outside the source text ({locator.CodePointLength} code points)"));
                return null;
            }
            if (locator.OccursAt(quote, span)) return at;
            var found = locator.Locate(quote);
            errors.Add(DomainError.Invalid("quote", $"the source has {Quoted(at)} at {Where(at)}; {Elsewhere(found)}", QuoteEvidence.Of(found, at)));
            return null;
        }

        var search = locator.Locate(quote);
        if (search.Single is { } single) return single;
        if (search.Count == 0)
        {
            errors.Add(DomainError.Invalid("quote", $"not found in the source{Closest(search, ", and no passage of the source resembles it")}",
                QuoteEvidence.Of(search)));
            return null;
        }
        if (preferred is not null && search.Occurrences.FirstOrDefault(o => o.Span == preferred) is { } kept) return kept;
        errors.Add(DomainError.Conflict("quote",
            $"occurs {search.Count} times in the source (at {Spans(search)}); send the span of the one you mean", QuoteEvidence.Of(search)));
        return null;
    }

    private static string Elsewhere(QuoteSearch search) => search.Count switch
    {
        0 => $"the quote does not occur in the source{Closest(search, "")}",
        1 => $"the quote occurs at {Where(search.Occurrences[0])}",
        _ => $"the quote occurs {search.Count} times (at {Spans(search)})",
    };

    private static string Closest(QuoteSearch search, string otherwise) =>
        search.Closest is { } closest ? $"; the closest passage is {Quoted(closest)} at {Where(closest)}" : otherwise;

    private static string Spans(QuoteSearch search)
    {
        var listed = string.Join(", ", search.Occurrences.Take(SpansInReason).Select(Where));
        return search.Count > SpansInReason ? $"{listed} and {search.Count - SpansInReason} more" : listed;
    }

    /// <summary>"120–190", the way reasons name a span.</summary>
    internal static string Where(Passage passage) => $"{passage.Span.Start}–{passage.Span.End}";

    // Shortened in the middle, between words, when long: the full text travels in the error's details.
    private static string Quoted(Passage passage)
    {
        const int max = 120;
        var text = passage.Text;
        if (text.Length <= max) return $"“{text}”";
        var head = text[..(max - 24)];
        if (head.LastIndexOf(' ') is var lastSpace and > max / 2) head = head[..lastSpace];
        var tail = text[^24..];
        if (tail.IndexOf(' ') is var firstSpace and >= 0 and < 16) tail = tail[(firstSpace + 1)..];
        return $"“{head.TrimEnd()} … {tail.TrimStart()}”";
    }
}
