namespace Archive.Audit;

/// <summary>An event as stored: what verification recomputes its hash from.</summary>
public sealed record StoredEvent(long Position, string StreamKey, long Version, string TypeAlias, string BodyJson, string? Hash);

/// <summary>Where a stream's chain first breaks: the version, what was expected there and what was found.</summary>
public sealed record ChainBreak(string StreamKey, long Version, string Problem, string Expected, string Found);

public sealed record StreamVerification(string StreamKey, long Events, ChainBreak? Break)
{
    public bool Intact => Break is null;
}

/// <summary>Recomputes hash chains from stored events, with no database and no network.</summary>
public static class ChainVerifier
{
    /// <param name="events">One stream's events, in any order.</param>
    /// <param name="recordedVersion">The version the store's stream table records for the stream, when known.</param>
    public static StreamVerification Verify(string streamKey, IEnumerable<StoredEvent> events, long? recordedVersion = null)
    {
        string? previous = null;
        long expectedVersion = 1, count = 0;
        Span<char> computed = stackalloc char[EventHash.Length];
        foreach (var e in InOrder(events))
        {
            count++;
            if (e.Version != expectedVersion)
            {
                var problem = e.Version < expectedVersion ? "a version appears twice" : "an event is missing before this one";
                return new StreamVerification(streamKey, count,
                    new ChainBreak(streamKey, expectedVersion, problem, $"version {expectedVersion}", $"version {e.Version}"));
            }
            EventHash.ComputeFromJson(previous, streamKey, e.Version, e.TypeAlias, e.BodyJson, computed);
            if (e.Hash is null || !computed.SequenceEqual(e.Hash))
            {
                return new StreamVerification(streamKey, count,
                    new ChainBreak(streamKey, e.Version, "the event does not hash to its recorded hash (changed, moved or forged)", new string(computed), e.Hash ?? "(none)"));
            }
            previous = e.Hash;
            expectedVersion++;
        }
        if (recordedVersion is { } recorded && recorded != expectedVersion - 1)
        {
            return new StreamVerification(streamKey, count, new ChainBreak(streamKey, Math.Min(recorded, expectedVersion), recorded > expectedVersion - 1
                ? "events are missing at the end of the stream" : "the stream holds more events than it records",
                $"version {recorded}", $"version {expectedVersion - 1}"));
        }
        return new StreamVerification(streamKey, count, null);
    }

    /// <summary>
    /// By version, then position. Stores hand events over in that order already, so a list that is sorted is used as
    /// it is: a stable sort would not move anything in it, and the verifier need not allocate a sorted copy of every stream.
    /// </summary>
    private static IReadOnlyList<StoredEvent> InOrder(IEnumerable<StoredEvent> events)
    {
        if (events is IReadOnlyList<StoredEvent> list)
        {
            var sorted = true;
            for (var i = 1; i < list.Count && sorted; i++)
                sorted = (list[i - 1].Version, list[i - 1].Position).CompareTo((list[i].Version, list[i].Position)) <= 0;
            if (sorted) return list;
        }
        return [.. events.OrderBy(e => e.Version).ThenBy(e => e.Position)];
    }
}
