using System.Text;
using Marten;

namespace Archive.Store.Storage;

/// <summary>Writing and reading <see cref="StreamSnapshot"/> documents with the store's own serializer.</summary>
public static class Snapshots
{
    public static StreamSnapshot Of<TState>(IDocumentStore store, string streamKey, long version, string? head, TState state, DateTimeOffset at)
        where TState : class => new()
    {
        Id = streamKey,
        Version = version,
        Head = head,
        StateType = typeof(TState).Name,
        State = store.Options.Serializer().ToJson(state),
        TakenAt = at,
    };

    /// <summary>The state a snapshot holds, or null with the reason when it does not read back.</summary>
    public static TState? Read<TState>(IDocumentStore store, string json, out string? reason) where TState : class
    {
        try
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
            var state = store.Options.Serializer().FromJson<TState>(stream);
            reason = state is null ? "it holds no state" : null;
            return state;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            reason = $"its state does not read back ({ex.GetType().Name}: {ex.Message})";
            return null;
        }
    }
}
