using System.CommandLine;
using System.Globalization;
using Archive.Cli.Shell;

namespace Archive.Cli.Statements;

/// <summary>The filters of <c>GET /api/statements</c>, shared by <c>statements list</c> and <c>search</c>.</summary>
public sealed class StatementFilters
{
    public Option<string> Actor { get; } = new("--actor") { Description = "Only this actor's statements (an actor id)", HelpName = "id" };

    public Option<string> Topic { get; } = new("--topic") { Description = "Only statements filed under this topic (a topic id)", HelpName = "id" };

    public Option<string> Status { get; } = new Option<string>("--status") { Description = "Only statements in this state", HelpName = "status" }
        .AcceptOnlyFromAmong("recorded", "verified", "disputed", "retracted");

    public Option<string> QuoteKind { get; } = new Option<string>("--quote-kind") { Description = "Only quotes of this kind", HelpName = "kind" }
        .AcceptOnlyFromAmong("direct", "reported", "joint");

    public Option<DateOnly?> SaidFrom { get; } = new("--said-from") { Description = "Said on or after this date (yyyy-mm-dd)", HelpName = "date", CustomParser = Parsers.Date };

    public Option<DateOnly?> SaidTo { get; } = new("--said-to") { Description = "Said on or before this date (yyyy-mm-dd)", HelpName = "date", CustomParser = Parsers.Date };

    public Option<DateTimeOffset?> AsOf { get; } = new("--as-of")
    {
        Description = "As the archive held them at this instant (transaction time, e.g. 2026-01-04T10:00:00Z)",
        HelpName = "instant",
        CustomParser = Parsers.Instant,
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Actor, Topic, Status, QuoteKind, SaidFrom, SaidTo, AsOf }) command.Add(option);
    }

    public IEnumerable<(string Name, string? Value)> Query(ParseResult parsed) =>
    [
        ("actor", parsed.GetValue(Actor)),
        ("topic", parsed.GetValue(Topic)),
        ("status", parsed.GetValue(Status)),
        ("quoteKind", parsed.GetValue(QuoteKind)),
        ("saidFrom", parsed.GetValue(SaidFrom)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("saidTo", parsed.GetValue(SaidTo)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("asOf", parsed.GetValue(AsOf)?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
    ];
}
