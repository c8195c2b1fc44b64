namespace Archive.Extraction;

/// <summary>
/// Everything the extractor may look at: the stored source text and the archive state it is read against.
/// The extractor reads nothing else, so the same input always gives the same candidates.
/// </summary>
/// <param name="Text">The source's stored text (NFC, <c>\n</c> line ends, trimmed); spans count code points into it.</param>
/// <param name="PublishedOn">The source's publication date, against which weekday words and yearless dates resolve.</param>
/// <param name="Language">The source's language tag (rules are written for <c>en</c>).</param>
/// <param name="Actors">Actors the archive knows, whose names, aliases and roles resolve speakers.</param>
/// <param name="Topics">Topics the archive knows, with the statements already filed under them.</param>
/// <param name="Recorded">Statements already recorded from this source; candidates over them are marked.</param>
/// <param name="Title">The source's title, which may name the author of an article.</param>
public sealed record ExtractionInput(
    string Text,
    DateOnly? PublishedOn,
    string Language,
    IReadOnlyList<KnownActor> Actors,
    IReadOnlyList<KnownTopic> Topics,
    IReadOnlyList<RecordedStatement> Recorded,
    string? Title = null);

/// <summary>An actor as the archive knows it.</summary>
/// <param name="Kind"><c>person</c> or <c>organisation</c>; pronouns such as <c>he</c> only resolve to persons.</param>
/// <param name="Country">ISO country code; a country's name resolves to the organisation of that country.</param>
public sealed record KnownActor(
    string Id,
    string Name,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<KnownRole> Roles,
    string? Country,
    string Kind = "person");

/// <summary>A role an actor held from <see cref="From"/> to <see cref="To"/> (both inclusive, open when null).</summary>
public sealed record KnownRole(string Role, string? Organisation, DateOnly? From, DateOnly? To);

/// <summary>A topic as the archive knows it, with the quotes of statements already filed under it.</summary>
public sealed record KnownTopic(
    string Id,
    string Title,
    IReadOnlyList<string> Aliases,
    string? ParentId,
    IReadOnlyList<string> FiledQuotes);

/// <summary>A statement already recorded from this source: its id, code point span and speaker.</summary>
public sealed record RecordedStatement(string Id, CodePointSpan Span, string ActorId);

/// <summary>Code point offsets into the stored text, end exclusive.</summary>
public sealed record CodePointSpan(int Start, int End);
