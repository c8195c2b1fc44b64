namespace Archive.Audit.Bundles;

/// <summary>
/// One line of a bundle as <see cref="BundleReader"/> read it: its kind when it names one, and either the line's
/// record or the first problem that kept it from being one.
/// </summary>
public sealed record BundleRead(string? Kind, BundleLine? Line, BundleLineProblem? Problem)
{
    public static BundleRead Of(BundleLine line) => new(line.Kind, line, null);
}

/// <summary>
/// What is wrong with a line on its own, worded as a verifier reports it: the problem, what was expected there and
/// what was found (an excerpt, or "none" for a missing field).
/// </summary>
/// <param name="Stream">The event's stream, when the line names one.</param>
/// <param name="Version">The event's version, when the line names one.</param>
/// <param name="Position">
/// The position of an event or tombstone whose position was read before the problem was found: a verifier checks
/// the line's place in the bundle with it before reporting the problem.
/// </param>
public sealed record BundleLineProblem(
    string Problem, string Expected, string Found, string? Stream = null, long? Version = null, long? Position = null);
