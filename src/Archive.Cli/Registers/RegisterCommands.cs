using System.CommandLine;
using System.Text.Json.Nodes;
using Archive.Cli.Shell;
using Archive.Cli.Statements;
using Spectre.Console;

namespace Archive.Cli.Registers;

/// <summary>
/// <c>archive actors [list|show ID]</c> and <c>archive topics [list|show ID]</c>: the registers in id order with their statement
/// counts, and one entry with its statements in said-on order (its timeline) and counts by topic or by actor.
/// </summary>
public static class RegisterCommands
{
    private sealed record Register(
        string Name, string Singular, string Path, string[] Columns, Func<JsonNode, string[]> Row, Func<JsonNode, (string, string)[]> Fields,
        string Head, string CountsProperty, string CountsOf, string TimelineFilter);

    private static readonly Register Actors = new(
        "actors", "actor", "/api/actors", ["Actor", "Name", "Kind", "Country", "Statements"],
        a => [Cells.Value(a, "id"), Cells.Value(a, "name"), Cells.Value(a, "kind"), Cells.Value(a, "country"), Cells.Value(a, "statementCount")],
        a => [("id", Cells.Value(a, "id")), ("name", Cells.Value(a, "name")), ("kind", Cells.Value(a, "kind")), ("country", Cells.Value(a, "country")),
            ("aliases", Cells.Value(a, "aliases")), ("roles", a["roles"] is JsonArray { Count: > 0 } roles
                ? string.Join("; ", roles.Select(r => $"{Cells.Value(r, "role")}, {Cells.Value(r, "organisation")} ({Cells.Value(r, "from")} – {Cells.Value(r, "to")})"))
                : "–"),
            ("statements", Cells.Value(a, "statementCount")), ("registered", Cells.Value(a, "registeredAt"))],
        "actor", "statementsByTopic", "Topic", "topic");

    private static readonly Register Topics = new(
        "topics", "topic", "/api/topics", ["Topic", "Title", "Parent", "Statements"],
        t => [Cells.Value(t, "id"), Cells.Value(t, "title"), Cells.Value(t, "parentId"), Cells.Value(t, "statementCount")],
        t => [("id", Cells.Value(t, "id")), ("title", Cells.Value(t, "title")), ("description", Cells.Value(t, "description")),
            ("parent", Cells.Value(t, "parentId")), ("merged into", Cells.Value(t, "mergedInto")),
            ("statements", Cells.Value(t, "statementCount")), ("opened", Cells.Value(t, "openedAt"))],
        "topic", "statementsByActor", "Actor", "actor");

    public static Command ActorsCommand(GlobalOptions globals, TextWriter output, TextWriter error, HttpMessageHandler? http) =>
        Create(Actors, globals, new Screen(output, error), http, "Actors: who said what");

    public static Command TopicsCommand(GlobalOptions globals, TextWriter output, TextWriter error, HttpMessageHandler? http) =>
        Create(Topics, globals, new Screen(output, error), http, "Topics: what statements are filed under");

    private static Command Create(Register register, GlobalOptions globals, Screen screen, HttpMessageHandler? http, string description)
    {
        // 'archive actors' alone lists, like 'archive actors list'
        var (paging, position) = (new Paging(), new MinPosition());
        var command = new Command(register.Name, $"{description}; without a subcommand, the list") { ListCommand(register, globals, screen, http), ShowCommand(register, globals, screen, http) };
        paging.AddTo(command);
        position.AddTo(command);
        command.SetAction((parsed, ct) => List(register, paging, position, globals, screen, http, parsed, ct));
        return command;
    }

    private static Command ListCommand(Register register, GlobalOptions globals, Screen screen, HttpMessageHandler? http)
    {
        var (paging, position) = (new Paging(), new MinPosition());
        var command = new Command("list", $"The {register.Name} in id order, with their statement counts");
        paging.AddTo(command);
        position.AddTo(command);
        command.SetAction((parsed, ct) => List(register, paging, position, globals, screen, http, parsed, ct));
        return command;
    }

    private static async Task<int> List(Register register, Paging paging, MinPosition position, GlobalOptions globals, Screen screen, HttpMessageHandler? http,
        ParseResult parsed, CancellationToken ct)
    {
        using var server = globals.Server(parsed, http);
        var page = await paging.Fetch(server, parsed, register.Path, [position.Query(parsed)], $"a page of {register.Name}", ct);
        if (parsed.GetValue(globals.Json))
        {
            await screen.WriteJson(page);
            return ExitCodes.Ok;
        }
        var table = new Table().AddColumns(register.Columns);
        foreach (var item in Cells.Items(page)) table.AddRow(register.Row(item).Select(Screen.Plain));
        screen.Console.Write(table);
        Paging.PrintNext(screen, page, $"archive {register.Name} list");
        return ExitCodes.Ok;
    }

    private static Command ShowCommand(Register register, GlobalOptions globals, Screen screen, HttpMessageHandler? http)
    {
        var id = new Argument<string>("id") { Description = $"The {register.Singular}'s id, e.g. {(register == Actors ? "lin-jian" : "cpec")}" };
        var only = new Option<string>($"--{register.TimelineFilter}") { Description = $"Only statements of this {register.TimelineFilter}", HelpName = "id" };
        var (paging, position) = (new Paging(), new MinPosition());
        var command = new Command("show", $"One {register.Singular}, its statement counts by {register.CountsOf.ToLowerInvariant()} and its statements in said-on order") { id, only };
        paging.AddTo(command);
        position.AddTo(command);
        command.SetAction(async (parsed, ct) =>
        {
            using var server = globals.Server(parsed, http);
            var timeline = await paging.Fetch(server, parsed, $"{register.Path}/{Uri.EscapeDataString(parsed.GetRequiredValue(id))}/timeline",
                [(register.TimelineFilter, parsed.GetValue(only)), position.Query(parsed)], $"the {register.Singular}'s timeline", ct);
            if (parsed.GetValue(globals.Json))
            {
                await screen.WriteJson(timeline);
                return ExitCodes.Ok;
            }
            screen.Console.Write(Cells.Fields(register.Fields(timeline[register.Head]!)));
            if (timeline[register.CountsProperty] is JsonObject { Count: > 0 } counts)
            {
                var table = new Table().AddColumns(register.CountsOf, "Statements");
                foreach (var (key, count) in counts) table.AddRow(Screen.Plain(key), Screen.Plain(Cells.Value(count)));
                screen.Console.Write(table);
            }
            screen.Console.Write(StatementsCommands.Table(Cells.Items(timeline)));
            Paging.PrintNext(screen, timeline, $"archive {register.Name} show {parsed.GetRequiredValue(id)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
