namespace Archive.Domain.Topics;

public sealed record StatementFiled(string TopicId, string StatementId, string ActorId, string FiledBy, DateTimeOffset FiledAt);
