namespace Archive.Extraction;

/// <summary>
/// A statement the extractor proposes. Nothing is recorded until an archivist accepts it.
/// </summary>
/// <param name="Span">Code point offsets into the stored text, end exclusive.</param>
/// <param name="Quote">The source's own characters at <see cref="Span"/>.</param>
/// <param name="QuoteKind"><c>direct</c>, <c>reported</c> or <c>joint</c>.</param>
/// <param name="CoSpeakers">Actor ids that made the statement together with the speaker (joint statements).</param>
/// <param name="SaidOn">When it was said, when the text says or implies it.</param>
/// <param name="SaidOnCue">The words the date was read from (<c>Monday</c>, <c>January 4, 2026</c>, a header).</param>
/// <param name="Topics">Ids of the archive's topics the statement is about, ordered.</param>
/// <param name="Rule">The rule that produced the candidate, for the archivist and for evaluation.</param>
/// <param name="Confidence"><c>high</c>, <c>medium</c> or <c>low</c>.</param>
/// <param name="RecordedStatementId">The statement already recorded over this span, when there is one.</param>
public sealed record Candidate(
    CodePointSpan Span,
    string Quote,
    string QuoteKind,
    CandidateSpeaker Speaker,
    IReadOnlyList<string> CoSpeakers,
    DateOnly? SaidOn,
    string? SaidOnCue,
    IReadOnlyList<string> Topics,
    string Rule,
    string Confidence,
    string? RecordedStatementId);

/// <summary>Who made the statement: the words the text uses, and the archive's actor when they resolve to one.</summary>
public sealed record CandidateSpeaker(string? ActorId, string Mention);

/// <summary>The vocabularies of <see cref="Candidate"/>.</summary>
public static class QuoteKinds
{
    public const string Direct = "direct";
    public const string Reported = "reported";
    public const string Joint = "joint";
}

/// <summary>The confidence levels of <see cref="Candidate"/>.</summary>
public static class Confidences
{
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";
}
