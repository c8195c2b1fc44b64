namespace Archive.Grains.Storage;

/// <summary>A domain event on its way to the store, with the metadata of the request that caused it.</summary>
[GenerateSerializer]
public sealed class PendingEvent
{
    [Id(0), Immutable] public object Data { get; init; } = default!;
    [Id(1)] public string Principal { get; init; } = "";
    [Id(2)] public string? CorrelationId { get; init; }
    [Id(3), Immutable] public IReadOnlyDictionary<string, string>? Headers { get; init; }
}

/// <summary>
/// The journaled grain's view: a mutable holder of an immutable domain state. Orleans copies the holder
/// for its tentative view; the state itself is shared, never copied, which keeps large streams cheap.
/// </summary>
[GenerateSerializer]
public sealed class StreamView<TState> where TState : class
{
    [Id(0), Immutable] public TState? Current { get; set; }
}
