namespace Archive.Domain.Seeds;

/// <summary>The shape of <c>seeds/archive.json</c>: what the archivists recorded from the seed documents.</summary>
public sealed record SeedFile(
    IReadOnlyList<SeedActor> Actors,
    IReadOnlyList<SeedTopic> Topics,
    IReadOnlyList<SeedSource> Sources,
    IReadOnlyList<SeedStatement> Statements);

public sealed record SeedActor(string Id, string Name, string Kind, string? Country, IReadOnlyList<string>? Aliases);

public sealed record SeedTopic(string Id, string Title, string? Description, string? ParentId);

public sealed record SeedSource(string File, string Title, string? Outlet, string? Url, DateOnly? PublishedOn, string? Language);

public sealed record SeedSpan(int Start, int End);

public sealed record SeedVerification(string Method, string? Note);

public sealed record SeedStatement(
    string ActorId, string Source, string Quote, SeedSpan Span, string QuoteKind, DateOnly SaidOn, string? Occasion,
    IReadOnlyList<string>? Topics, string? Language, IReadOnlyList<string>? CoSpeakers, SeedVerification? Verification);
