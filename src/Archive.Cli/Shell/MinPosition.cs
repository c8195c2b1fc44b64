using System.CommandLine;
using System.Globalization;

namespace Archive.Cli.Shell;

/// <summary>
/// <c>--min-position N</c> on the read commands: the archive answers only once its read models hold the event at that position
/// (a write prints it), waiting at most a few seconds, so a script reads what it has just written.
/// </summary>
public sealed class MinPosition
{
    public Option<long?> Option { get; } = new("--min-position")
    {
        Description = "Read only once the archive's read models hold this event position (as a write printed it); the archive waits up to 5 s",
        HelpName = "position",
        CustomParser = Parsers.Whole(0, long.MaxValue, "an event position, 0 or more"),
    };

    public void AddTo(Command command) => command.Add(Option);

    public (string Name, string? Value) Query(ParseResult parsed) =>
        ("minPosition", parsed.GetValue(Option)?.ToString(CultureInfo.InvariantCulture));

    /// <summary><paramref name="path"/> with <c>minPosition=</c> added to its query when a position is known.</summary>
    public static string Append(string path, long? position) =>
        position is { } p ? path + (path.Contains('?') ? '&' : '?') + "minPosition=" + p.ToString(CultureInfo.InvariantCulture) : path;
}
