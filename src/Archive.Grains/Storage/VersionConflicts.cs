using JasperFx.Events;
using Npgsql;

namespace Archive.Grains.Storage;

internal static class VersionConflicts
{
    /// <summary>True when an append failed because the stream was not at the expected version.</summary>
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is ExistingStreamIdCollisionException) return true;
            var name = e.GetType().Name;
            if (name.Contains("UnexpectedMaxEventId", StringComparison.Ordinal) || name == "ConcurrencyException") return true;
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
            if (e is ExistingStreamIdCollisionException { Id: string collided }) return collided;
            // Marten's concurrency exceptions (a stale expected version among them) carry the stream's id
            if (e.GetType().Name.Contains("Concurrency", StringComparison.Ordinal) || e.GetType().Name.Contains("UnexpectedMaxEventId", StringComparison.Ordinal))
            {
                if (e.GetType().GetProperty("Id")?.GetValue(e) is string stale) return stale;
            }
        }
        return null;
    }
}
