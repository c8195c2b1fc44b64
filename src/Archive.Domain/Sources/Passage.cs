using Archive.Domain.Statements;

namespace Archive.Domain.Sources;

/// <summary>A stretch of a source's stored text: its span in code points (end exclusive) and the source's own characters there.</summary>
public sealed record Passage(TextSpan Span, string Text);

/// <summary>
/// What a search for a quote found. <see cref="Occurrences"/> lists at most <see cref="QuoteLocator.MaxListed"/> of the
/// <see cref="Count"/> occurrences, in text order; <see cref="Closest"/> is the passage most like the quote, given only
/// when the quote does not occur.
/// </summary>
public sealed record QuoteSearch(IReadOnlyList<Passage> Occurrences, int Count, Passage? Closest)
{
    /// <summary>The only occurrence, or null when the quote occurs never or several times.</summary>
    public Passage? Single => Count == 1 ? Occurrences[0] : null;
}

/// <summary>
/// The evidence behind a refused quote, for a client to act on without parsing the reason: every occurrence of the quote
/// in the source (at most <see cref="QuoteLocator.MaxListed"/>, of <see cref="Count"/>), the passage most like it when it
/// does not occur, and what the source has at the span that was sent, when one was.
/// </summary>
public sealed record QuoteEvidence(IReadOnlyList<Passage> Occurrences, int Count, Passage? Closest = null, Passage? AtSpan = null)
{
    public static QuoteEvidence Of(QuoteSearch search, Passage? atSpan = null) =>
        new(search.Occurrences, search.Count, search.Closest, atSpan);
}
