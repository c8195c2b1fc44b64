namespace Archive.Domain;

public static class StreamKeys
{
    public static string Actor(string actorId) => $"actor:{actorId}";
    public static string Topic(string topicId) => $"topic:{topicId}";
    public static string Source(string sourceId) => $"source:{sourceId}";
}
