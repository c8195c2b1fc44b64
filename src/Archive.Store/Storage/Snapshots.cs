using System.Text;
using Archive.Domain.Actors;
using Marten;

namespace Archive.Store.Storage;

/// <summary>Writing and reading the states of <see cref="StreamSnapshot"/>s (kept in <see cref="SnapshotTable"/>).</summary>
public static class Snapshots
{
    // A state whose shape changes gets the next format here: snapshots of an old shape then name another type, are
    // ignored, and the stream is replayed (a state read from JSON of another shape could silently lose or misread fields).
    // ActorState 2: statements keep what decisions need, with fingerprints instead of quotes and the recording event.
    // ActorState 3: the same state in ActorSnapshotJson (positional statements, source ids numbered per snapshot).
    // ActorState 4: the same state in ActorSnapshotFormat (binary); format 3 is still read, as the same state. Stored
    // compressed since (ActorSnapshotFormat.WriteCompressed, marked in the bytes); uncompressed ones are still read.
    private static readonly Dictionary<Type, int> Formats = new() { [typeof(ActorState)] = ActorSnapshotFormat.Version };

    private static readonly string ActorStateJson = $"{nameof(ActorState)}/{ActorSnapshotJson.Version}";

    /// <summary>What a snapshot's <see cref="StreamSnapshot.StateType"/> says when written now as a <typeparamref name="TState"/>.</summary>
    public static string TypeName<TState>() =>
        Formats.TryGetValue(typeof(TState), out var format) ? $"{typeof(TState).Name}/{format}" : typeof(TState).Name;

    public static StreamSnapshot Of<TState>(IDocumentStore store, string streamKey, long version, string? head, TState state, DateTimeOffset at)
        where TState : class => new()
    {
        Id = streamKey,
        Version = version,
        Head = head,
        StateType = TypeName<TState>(),
        State = state is ActorState actor ? ActorSnapshotFormat.WriteCompressed(actor) : Encoding.UTF8.GetBytes(store.Options.Serializer().ToJson(state)),
        TakenAt = at,
    };

    /// <summary>The state a snapshot written now holds, or null with the reason when it does not read back.</summary>
    public static TState? Read<TState>(IDocumentStore store, byte[] state, out string? reason) where TState : class =>
        Read<TState>(store, TypeName<TState>(), new ArraySegment<byte>(state), out reason);

    /// <summary>The state a snapshot written now holds (e.g. in a pooled buffer), or null with the reason when it does not read back.</summary>
    public static TState? Read<TState>(IDocumentStore store, ArraySegment<byte> state, out string? reason) where TState : class =>
        Read<TState>(store, TypeName<TState>(), state, out reason);

    /// <summary>
    /// The state a snapshot of type <paramref name="stateType"/> holds, or null with the reason when it is of a type
    /// that is not read as a <typeparamref name="TState"/> or does not read back.
    /// </summary>
    public static TState? Read<TState>(IDocumentStore store, string stateType, ArraySegment<byte> state, out string? reason) where TState : class
    {
        try
        {
            if (typeof(TState) == typeof(ActorState))
            {
                reason = null;
                if (stateType == TypeName<TState>()) return (TState)(object)ActorSnapshotFormat.Read(state.AsSpan());
                if (stateType == ActorStateJson) return (TState)(object)ActorSnapshotJson.Read(state.AsSpan());
            }
            else if (stateType == TypeName<TState>())
            {
                using var stream = new MemoryStream(state.Array!, state.Offset, state.Count, writable: false);
                var read = store.Options.Serializer().FromJson<TState>(stream);
                reason = read is null ? "it holds no state" : null;
                return read;
            }
            reason = $"it holds a {stateType}";
            return null;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            reason = $"its state does not read back ({ex.GetType().Name}: {ex.Message})";
            return null;
        }
    }
}
