namespace Archive.Domain.Topics;

public sealed record TopicOpened(
    string TopicId, string Title, string? Description, string? ParentId, string OpenedBy, DateTimeOffset OpenedAt);
