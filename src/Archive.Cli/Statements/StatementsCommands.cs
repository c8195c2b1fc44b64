using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Archive.Cli.Shell;
using Spectre.Console;

namespace Archive.Cli.Statements;

/// <summary><c>archive statements list|show|history</c> and <c>archive search TEXT</c>: reading statements.</summary>
public static class StatementsCommands
{
    public static Command Create(GlobalOptions globals, TextWriter output, TextWriter error, HttpMessageHandler? http)
    {
        var screen = new Screen(output, error);
        return new Command("statements", "List, show and trace statements")
        {
            ListCommand(globals, screen, http),
            ShowCommand(globals, screen, http),
            HistoryCommand(globals, screen, http),
        };
    }

    public static Command SearchCommand(GlobalOptions globals, TextWriter output, TextWriter error, HttpMessageHandler? http)
    {
        var screen = new Screen(output, error);
        var text = new Argument<string>("text")
        {
            Description = "Words that must all match (stemmed), \"quoted phrases\", prefix* terms",
            Validators = { r => { if (string.IsNullOrWhiteSpace(r.GetValueOrDefault<string>())) r.AddError("the search text is empty"); } },
        };
        var (filters, paging, position) = (new StatementFilters(), new Paging(), new MinPosition());
        var command = new Command("search", "Full-text search over the quotes, best hits first, combined with the filters") { text };
        filters.AddTo(command);
        paging.AddTo(command);
        position.AddTo(command);
        command.SetAction(async (parsed, ct) =>
        {
            using var server = globals.Server(parsed, http);
            var page = await paging.Fetch(server, parsed, "/api/statements", [("q", parsed.GetRequiredValue(text)), .. filters.Query(parsed), position.Query(parsed)], "a page of statements", ct);
            if (parsed.GetValue(globals.Json)) await screen.WriteJson(page);
            else
            {
                var table = new Table().AddColumns("Statement", "Actor", "Said on", "Status", "Match");
                foreach (var s in Cells.Items(page))
                    table.AddRow(Cells.Text(s, "id"), Cells.Text(s, "actorId"), Cells.Text(s, "saidOn"), Cells.Text(s, "status"),
                        s["snippet"] is JsonValue v ? Cells.Snippet(v.ToString()) : Cells.Short(s, "quote"));
                screen.Console.Write(table);
                Paging.PrintNext(screen, page, "archive search …");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command ListCommand(GlobalOptions globals, Screen screen, HttpMessageHandler? http)
    {
        var (filters, paging, position) = (new StatementFilters(), new Paging(), new MinPosition());
        var command = new Command("list", "Statements in said-on order, filtered");
        filters.AddTo(command);
        paging.AddTo(command);
        position.AddTo(command);
        command.SetAction(async (parsed, ct) =>
        {
            using var server = globals.Server(parsed, http);
            var page = await paging.Fetch(server, parsed, "/api/statements", [.. filters.Query(parsed), position.Query(parsed)], "a page of statements", ct);
            if (parsed.GetValue(globals.Json)) await screen.WriteJson(page);
            else
            {
                screen.Console.Write(Table(Cells.Items(page)));
                Paging.PrintNext(screen, page, "archive statements list …");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Statement items (of a list or a timeline) as a table.</summary>
    public static Table Table(IEnumerable<JsonNode> items)
    {
        var table = new Table().AddColumns("Statement", "Actor", "Said on", "Status", "Kind", "Topics", "Quote");
        foreach (var s in items)
            table.AddRow(Cells.Text(s, "id"), Cells.Text(s, "actorId"), Cells.Text(s, "saidOn"), Cells.Text(s, "status"),
                Cells.Text(s, "quoteKind"), Cells.Text(s, "topics"), Cells.Short(s, "quote"));
        return table;
    }

    private static Command ShowCommand(GlobalOptions globals, Screen screen, HttpMessageHandler? http)
    {
        var id = new Argument<string>("id") { Description = "The statement's id, e.g. st-0123456789abcdef0123" };
        var asOf = new Option<DateTimeOffset?>("--as-of") { Description = "As the archive held it at this instant (transaction time)", HelpName = "instant", CustomParser = Parsers.Instant };
        var version = new Option<int?>("--revision") { Description = "As it was at this revision, from 1", HelpName = "n" };
        var position = new MinPosition();
        var command = new Command("show", "One statement: its quote, source, state, verification, topics and links") { id, asOf, version, position.Option };
        command.Validators.Add(r =>
        {
            if (r.GetResult(asOf) is not null && r.GetResult(version) is not null) r.AddError("give --as-of or --revision, not both");
        });
        command.SetAction(async (parsed, ct) =>
        {
            var query = new List<string>();
            if (parsed.GetValue(asOf) is { } instant) query.Add("asOf=" + Uri.EscapeDataString(instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)));
            if (parsed.GetValue(version) is { } n) query.Add($"version={n}");
            if (position.Query(parsed) is (var name, { } at)) query.Add($"{name}={at}");
            using var server = globals.Server(parsed, http);
            var statement = await server.GetJson<JsonObject>(
                $"/api/statements/{Uri.EscapeDataString(parsed.GetRequiredValue(id))}" + (query.Count == 0 ? "" : "?" + string.Join("&", query)),
                Screen.Json, "a statement", ct);
            if (parsed.GetValue(globals.Json)) await screen.WriteJson(statement);
            else Print(screen, statement);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One statement's view as a table of its fields.</summary>
    public static void Print(Screen screen, JsonObject statement)
    {
        var links = statement["links"] is JsonArray l ? string.Join(", ", l.Select(x => $"{Cells.Value(x, "relation")} {Cells.Value(x, "statementId")} ({Cells.Value(x, "direction")})")) : "–";
        screen.Console.Write(Cells.Fields([
            ("id", Cells.Value(statement, "id")),
            ("actor", Cells.Value(statement, "actorId")),
            ("co-speakers", Cells.Value(statement, "coSpeakers")),
            ("quote", Cells.Value(statement, "quote")),
            ("kind", Cells.Value(statement, "quoteKind")),
            ("said on", Cells.Value(statement, "saidOn")),
            ("occasion", Cells.Value(statement, "occasion")),
            ("language", Cells.Value(statement, "language")),
            ("source", $"{Cells.Value(statement, "source.title")} ({Cells.Value(statement, "sourceId")}) [{Cells.Value(statement, "span.start")}, {Cells.Value(statement, "span.end")})"),
            ("outlet", Cells.Value(statement, "source.outlet")),
            ("url", Cells.Value(statement, "source.url")),
            ("status", Cells.Value(statement, "status") + (statement["statusReason"] is null ? "" : $": {Cells.Value(statement, "statusReason")}")),
            ("verification", statement["verification"] is null ? "–" : $"{Cells.Value(statement, "verification.method")}: {Cells.Value(statement, "verification.note")} ({Cells.Value(statement, "verification.verifiedBy")}, {Cells.Value(statement, "verification.verifiedAt")})"),
            ("topics", Cells.Value(statement, "topics")),
            ("links", links.Length == 0 ? "–" : links),
            ("revision", Cells.Value(statement, "revision")),
            ("recorded", $"{Cells.Value(statement, "recordedAt")} by {Cells.Value(statement, "recordedBy")}"),
        ]));
    }

    private static Command HistoryCommand(GlobalOptions globals, Screen screen, HttpMessageHandler? http)
    {
        var id = new Argument<string>("id") { Description = "The statement's id" };
        var command = new Command("history", "Every event of a statement in order: who, when, why, and its hash") { id };
        command.SetAction(async (parsed, ct) =>
        {
            using var server = globals.Server(parsed, http);
            var events = await server.GetJson<JsonArray>($"/api/statements/{Uri.EscapeDataString(parsed.GetRequiredValue(id))}/history",
                Screen.Json, "a statement's history", ct);
            if (parsed.GetValue(globals.Json))
            {
                await screen.WriteJson(events);
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("Position", "Stream", "Version", "Event", "Recorded at", "By", "Reason", "Hash");
            foreach (var e in events)
                table.AddRow(Cells.Text(e, "position"), Cells.Text(e, "stream"), Cells.Text(e, "version"), Cells.Text(e, "type"),
                    Cells.Text(e, "recordedAt"), Cells.Text(e, "principal"), Cells.Short(e, "reason", 60), Cells.Short(e, "hash", 13));
            screen.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
