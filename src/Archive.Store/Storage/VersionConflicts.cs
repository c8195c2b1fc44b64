using Npgsql;

namespace Archive.Store.Storage;

internal static class VersionConflicts
{
    /// <summary>True when an append failed because the stream was not at the expected version.</summary>
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (NamesStream(e)) return true;
            // the unique (stream, version) index refused a second writer's event
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: { } c }
                && c.Contains("stream_and_version", StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>
    /// The stream a conflict names, when Marten names it (a stale expected version, a stream started twice);
    /// null when only the database's unique index caught it, which does not say which of a batch's streams it was.
    /// </summary>
    public static string? StreamOf(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (NamesStream(e) && e.GetType().GetProperty("Id")?.GetValue(e) is string stream) return stream;
        }
        return null;
    }

    // Matched by name: Marten and JasperFx.Events each declare some of these, in namespaces that moved between versions.
    private static bool NamesStream(Exception e) => e.GetType().Name is var name
        && (name.Contains("ExistingStreamIdCollision", StringComparison.Ordinal)
            || name.Contains("UnexpectedMaxEventId", StringComparison.Ordinal)
            || name == "ConcurrencyException");
}
