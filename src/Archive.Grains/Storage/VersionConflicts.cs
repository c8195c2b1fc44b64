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
}
