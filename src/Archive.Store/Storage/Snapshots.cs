using System.Text;
using Marten;

namespace Archive.Store.Storage;

/// <summary>Writing and reading the states of <see cref="StreamSnapshot"/>s (kept in <see cref="SnapshotTable"/>).</summary>
public static class Snapshots
{
    // A state whose shape changes gets the next format here: snapshots of the old shape then name another type, are
    // ignored, and the stream is replayed (a state read from JSON of another shape could silently lose or misread fields).
    // ActorState 2: statements keep what decisions need, with fingerprints instead of quotes and the recording event.
    // ActorState 3: the same state in ActorSnapshotFormat (positional statements, source ids numbered per snapshot).
    private static readonly Dictionary<Type, int> Formats = new() { [typeof(Domain.Actors.ActorState)] = ActorSnapshotFormat.Version };

    /// <summary>What a snapshot's <see cref="StreamSnapshot.StateType"/> must say to be read as a <typeparamref name="TState"/>.</summary>
    public static string TypeName<TState>() =>
        Formats.TryGetValue(typeof(TState), out var format) ? $"{typeof(TState).Name}/{format}" : typeof(TState).Name;

    public static StreamSnapshot Of<TState>(IDocumentStore store, string streamKey, long version, string? head, TState state, DateTimeOffset at)
        where TState : class => new()
    {
        Id = streamKey,
        Version = version,
        Head = head,
        StateType = TypeName<TState>(),
        State = state is Domain.Actors.ActorState actor ? ActorSnapshotFormat.Write(actor) : store.Options.Serializer().ToJson(state),
        TakenAt = at,
    };

    /// <summary>The state a snapshot holds, or null with the reason when it does not read back.</summary>
    public static TState? Read<TState>(IDocumentStore store, string json, out string? reason) where TState : class =>
        Read<TState>(store, Encoding.UTF8.GetBytes(json), out reason);

    /// <summary>The state a snapshot's UTF-8 text holds, or null with the reason when it does not read back.</summary>
    public static TState? Read<TState>(IDocumentStore store, byte[] utf8, out string? reason) where TState : class =>
        Read<TState>(store, new ArraySegment<byte>(utf8), out reason);

    /// <summary>The state a snapshot's UTF-8 text holds (e.g. in a pooled buffer), or null with the reason when it does not read back.</summary>
    public static TState? Read<TState>(IDocumentStore store, ArraySegment<byte> utf8, out string? reason) where TState : class
    {
        try
        {
            if (typeof(TState) == typeof(Domain.Actors.ActorState))
            {
                reason = null;
                return (TState)(object)ActorSnapshotFormat.Read(utf8.AsSpan());
            }
            using var stream = new MemoryStream(utf8.Array!, utf8.Offset, utf8.Count, writable: false);
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
