namespace Archive.Domain.Sources;

/// <summary>
/// Corrects a source's description: each field given replaces the one before, a null one is left as it was.
/// The text never changes, since the id is derived from it.
/// </summary>
public sealed record SourceCorrected(
    string SourceId,
    string? Title,
    string? Outlet,
    string? Url,
    DateOnly? PublishedOn,
    string? Language,
    string Reason,
    string CorrectedBy,
    DateTimeOffset CorrectedAt);
