using System.CommandLine;
using Archive.Cli.Writes;

namespace Archive.Cli.Statements;

/// <summary>
/// <c>archive verify|dispute|retract|reinstate|link|unlink|file|unfile ID …</c>: each a decision on a recorded statement, kept with
/// who made it, when and why. (<c>record</c> and <c>amend</c>, which find quotes, are in Recording.)
/// </summary>
public static class StatementWrites
{
    private static readonly string[] Relations = ["repeats", "clarifies", "contradicts", "supersedes", "responds-to"];

    public static IEnumerable<Command> Create(Writer writer) =>
    [
        Verify(writer),
        WithReason(writer, "dispute", "Dispute a statement: its accuracy or attribution is in doubt", "disputed"),
        WithReason(writer, "retract", "Retract a statement: the archive no longer stands by it (it stays, marked retracted)", "retracted"),
        WithReason(writer, "reinstate", "Take back a retraction: the statement returns to the state it had before", "reinstated"),
        Link(writer),
        Unlink(writer),
        File(writer),
        Unfile(writer),
    ];

    private static Argument<string> StatementId() => new("id") { Description = "The statement's id, e.g. st-0123456789abcdef0123" };

    private static Option<string> Reason(string why) => new("--reason") { Description = why, HelpName = "text", Required = true };

    private static string Path(ParseResult parsed, Argument<string> id, string rest = "") =>
        $"/api/statements/{Uri.EscapeDataString(parsed.GetRequiredValue(id))}{rest}";

    private static Command Verify(Writer writer)
    {
        var id = StatementId();
        var method = new Option<string>("--method")
        {
            Description = "How it was verified (e.g. source-text-check, recording, transcript)", HelpName = "method", Required = true,
        };
        var note = new Option<string>("--note") { Description = "The evidence: what was checked against what", HelpName = "text" };
        return writer.Command("verify", "Verify a statement against its evidence", [id, method, note],
            parsed => new WriteRequest(HttpMethod.Post, Path(parsed, id, "/verify"), new { Method = parsed.GetValue(method), Note = parsed.GetValue(note) }),
            "verified", statement: true);
    }

    private static Command WithReason(Writer writer, string name, string description, string done)
    {
        var id = StatementId();
        var reason = Reason($"Why the statement is {done} (kept in its history)");
        return writer.Command(name, description, [id, reason],
            parsed => new WriteRequest(HttpMethod.Post, Path(parsed, id, $"/{name}"), new { Reason = parsed.GetValue(reason) }),
            done, statement: true);
    }

    private static Option<string> Relation(bool required) => new Option<string>("--relation")
    {
        Description = required ? "How the statement relates to the target" : "Only the link with this relation [default: every link to the target]",
        HelpName = "relation",
        Required = required,
    }.AcceptOnlyFromAmong(Relations);

    private static Command Link(Writer writer)
    {
        var (id, target, relation) = (StatementId(), new Argument<string>("target") { Description = "The statement it relates to" }, Relation(required: true));
        return writer.Command("link", "Link a statement to another: it repeats, clarifies, contradicts, supersedes or responds to it", [id, target, relation],
            parsed => new WriteRequest(HttpMethod.Post, Path(parsed, id, "/links"), new { TargetId = parsed.GetRequiredValue(target), Relation = parsed.GetValue(relation) }),
            "linked", statement: true);
    }

    private static Command Unlink(Writer writer)
    {
        var (id, target, relation) = (StatementId(), new Argument<string>("target") { Description = "The statement it links to" }, Relation(required: false));
        var reason = Reason("Why the link is removed (kept in the statement's history)");
        return writer.Command("unlink", "Remove a statement's link to another, with a reason", [id, target, relation, reason],
            parsed => new WriteRequest(HttpMethod.Delete, Path(parsed, id, $"/links/{Uri.EscapeDataString(parsed.GetRequiredValue(target))}"),
                new { Reason = parsed.GetValue(reason), Relation = parsed.GetValue(relation) }),
            "unlinked", statement: true);
    }

    private static Option<string> Topic() => new("--topic") { Description = "The topic (a topic id)", HelpName = "id", Required = true };

    private static Command File(Writer writer)
    {
        var (id, topic) = (StatementId(), Topic());
        return writer.Command("file", "File a statement under a topic", [id, topic],
            parsed => new WriteRequest(HttpMethod.Post, $"/api/topics/{Uri.EscapeDataString(parsed.GetValue(topic)!)}/statements",
                new { StatementId = parsed.GetRequiredValue(id) }),
            "filed", "already filed", statement: true);
    }

    private static Command Unfile(Writer writer)
    {
        var (id, topic) = (StatementId(), Topic());
        var reason = Reason("Why it no longer belongs under the topic (kept in the topic's history)");
        return writer.Command("unfile", "Take a statement out of a topic, with a reason (the filing stays in the history)", [id, topic, reason],
            parsed => new WriteRequest(HttpMethod.Delete,
                $"/api/topics/{Uri.EscapeDataString(parsed.GetValue(topic)!)}/statements/{Uri.EscapeDataString(parsed.GetRequiredValue(id))}",
                new { Reason = parsed.GetValue(reason) }),
            "unfiled", statement: true);
    }
}
