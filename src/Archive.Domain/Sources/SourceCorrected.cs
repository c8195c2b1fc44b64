namespace Archive.Domain.Sources;

/// <summary>Corrects a source's description; the text never changes, since the id is derived from it.</summary>
public sealed record SourceCorrected(
    string SourceId, string? Title, string? Outlet, string? Url, DateOnly? PublishedOn, string Reason, string CorrectedBy, DateTimeOffset CorrectedAt);
