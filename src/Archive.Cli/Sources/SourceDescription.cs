using System.CommandLine;
using Archive.Cli.Shell;

namespace Archive.Cli.Sources;

/// <summary>
/// A source's description, given when it is registered and corrected later. Its web address is <c>--source-url</c>:
/// <c>--url</c> names the archive on every command.
/// </summary>
public sealed class SourceDescription(bool correcting)
{
    public Option<string> Title { get; } = new("--title")
    {
        Description = correcting ? "The corrected title" : "The document's title [default: the file's name without its extension]",
        HelpName = "title",
    };

    public Option<string> Outlet { get; } = new("--outlet") { Description = "Who published it (a newspaper, a ministry)", HelpName = "outlet" };

    public Option<string> SourceUrl { get; } = new("--source-url") { Description = "Where it was published (an absolute http(s) address)", HelpName = "address" };

    public Option<DateOnly?> PublishedOn { get; } = new("--published-on")
    {
        Description = "The day it was published (yyyy-mm-dd)", HelpName = "date", CustomParser = Parsers.Date,
    };

    public Option<string> Language { get; } = new("--language") { Description = "Its language (e.g. en, ur, zh)", HelpName = "code" };

    public IEnumerable<Option> All => [Title, Outlet, SourceUrl, PublishedOn, Language];
}
