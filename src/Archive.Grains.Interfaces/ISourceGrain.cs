using Archive.Domain.Sources;

namespace Archive.Grains.Interfaces;

/// <summary>The single writer of the stream <c>source:{id}</c>; the id is derived from the document's text.</summary>
public interface ISourceGrain : IGrainWithStringKey
{
    Task<WriteResult> Register(RegisterSource command, WriteContext context);

    /// <summary>Corrects the source's description (never its text: a different text is a different source).</summary>
    Task<WriteResult> Correct(CorrectSource command, WriteContext context);

    /// <summary>The source as registered, or an empty state when it is not.</summary>
    Task<SourceState> Get();

    /// <summary>
    /// Finds or checks each quote in the source's text and answers, in order, the passage meant (the source's own
    /// characters and span) or why there is none; null when the source is not registered. The text stays here.
    /// </summary>
    Task<IReadOnlyList<AnchoredQuote>?> Anchor(IReadOnlyList<AnchorQuote> quotes);
}
