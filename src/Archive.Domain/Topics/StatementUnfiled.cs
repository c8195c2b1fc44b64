namespace Archive.Domain.Topics;

public sealed record StatementUnfiled(string TopicId, string StatementId, string Reason, string UnfiledBy, DateTimeOffset UnfiledAt);
