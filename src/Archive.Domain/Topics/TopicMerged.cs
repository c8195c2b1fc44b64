namespace Archive.Domain.Topics;

public sealed record TopicMerged(string TopicId, string IntoTopicId, string Reason, string MergedBy, DateTimeOffset MergedAt);
