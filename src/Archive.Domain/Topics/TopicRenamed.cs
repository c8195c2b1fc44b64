namespace Archive.Domain.Topics;

public sealed record TopicRenamed(string TopicId, string Title, string RenamedBy, DateTimeOffset RenamedAt);
