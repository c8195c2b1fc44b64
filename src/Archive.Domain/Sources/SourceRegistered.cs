namespace Archive.Domain.Sources;

public sealed record SourceRegistered(
    string SourceId,
    string Title,
    string? Outlet,
    string? Url,
    DateOnly? PublishedOn,
    string? Language,
    string TextHash,
    string Text,
    string RegisteredBy,
    DateTimeOffset RegisteredAt);
