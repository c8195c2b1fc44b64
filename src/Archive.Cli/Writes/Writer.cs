using System.CommandLine;
using System.Text.Json.Nodes;
using Archive.Cli.Shell;
using Archive.Cli.Statements;

namespace Archive.Cli.Writes;

/// <summary>What one write sends: the method, the path and the JSON body.</summary>
public sealed record WriteRequest(HttpMethod Method, string Path, object Body);

/// <summary>
/// How every write command talks and answers: one line naming the id, what happened and the event position reached (so a
/// later read can wait for it with <c>--min-position</c>), or the archive's answer under <c>--json</c>; a refusal ends the
/// command with exit 1 and the archive's reason in one line (and its ProblemDetails on standard output under <c>--json</c>).
/// </summary>
public sealed class Writer(GlobalOptions globals, Screen screen, HttpMessageHandler? http)
{
    public Screen Screen => screen;

    public ArchiveServer Server(ParseResult parsed) => globals.Server(parsed, http);

    public bool Json(ParseResult parsed) => parsed.GetValue(globals.Json);

    /// <summary>A write command: its arguments and options, the request they make, and the words for "done" and "done before".</summary>
    /// <param name="statement">The write answers a statement's id: <c>--show</c> then prints the statement as it now is.</param>
    public Command Command(string name, string description, IEnumerable<Symbol> symbols, Func<ParseResult, WriteRequest> request,
        string done, string? again = null, bool statement = false)
    {
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            if (symbol is Argument argument) command.Add(argument);
            else if (symbol is Option option) command.Add(option);
        }
        var show = statement ? ShowOption() : null;
        if (show is not null) command.Add(show);
        command.SetAction(async (parsed, ct) =>
        {
            var write = request(parsed);
            using var server = Server(parsed);
            var reply = await Send(server, parsed, write, ct);
            return await Report(server, parsed, reply, done, again ?? done, show is not null && parsed.GetValue(show), ct);
        });
        return command;
    }

    public static Option<bool> ShowOption() => new("--show")
    {
        Description = "Then print the statement as the archive now holds it (the read waits for this write)",
    };

    /// <summary>Sends the write; a refusal ends the command (see <see cref="Refuse"/>), with <paramref name="hint"/>'s advice when it has some.</summary>
    public async Task<ArchiveServer.Reply> Send(ArchiveServer server, ParseResult parsed, WriteRequest write, CancellationToken ct,
        Func<ArchiveServer.Reply, string?>? hint = null)
    {
        var reply = await server.Write(write.Method, write.Path, write.Body, ct);
        if (!reply.Succeeded) await Refuse(server, parsed, reply, hint?.Invoke(reply));
        return reply;
    }

    /// <summary>Ends the command with exit 1: the archive's reason in one line, and its ProblemDetails (or <paramref name="problem"/>) under --json.</summary>
    public async Task Refuse(ArchiveServer server, ParseResult parsed, ArchiveServer.Reply reply, string? hint = null, JsonObject? problem = null)
    {
        if (Json(parsed) && (problem ?? reply.Problem) is { } document) await screen.WriteJson(document);
        throw CliException.Failure($"the archive at {server.Describe} answered {reply.Refusal}" + (hint is null ? "" : $"; {hint}"));
    }

    /// <summary>Prints a successful write; with <paramref name="show"/>, then the statement it answered, read at the write's position.</summary>
    public async Task<int> Report(ArchiveServer server, ParseResult parsed, ArchiveServer.Reply reply, string done, string again, bool show, CancellationToken ct)
    {
        var answer = reply.Answer!;
        JsonObject? statement = null;
        if (show)
        {
            var position = answer["position"]?.GetValueKind() == System.Text.Json.JsonValueKind.Number ? answer["position"]!.GetValue<long>() : (long?)null;
            statement = await server.GetJson<JsonObject>(
                MinPosition.Append($"/api/statements/{Uri.EscapeDataString(answer["id"]!.GetValue<string>())}", position), Screen.Json, "a statement", ct);
        }
        if (Json(parsed))
        {
            await screen.WriteJson(statement is null ? answer : new JsonObject { ["written"] = answer, ["statement"] = statement });
            return ExitCodes.Ok;
        }
        screen.Line(Summary(answer, reply.Status == 201 ? done : again));
        if (statement is not null) StatementsCommands.Print(screen, statement);
        return ExitCodes.Ok;
    }

    /// <summary>"st-…  recorded 120–135 “…” (version 4, position 1234)": the id first, so <c>cut -d' ' -f1</c> takes it.</summary>
    public static string Summary(JsonObject answer, string what)
    {
        var line = $"{Cells.Value(answer, "id")}  {what}";
        if (answer["span"] is JsonObject) line += $" {Cells.Value(answer, "span.start")}–{Cells.Value(answer, "span.end")}";
        if (answer["quote"] is JsonValue) line += $" “{Quotes.Shown(Cells.Value(answer, "quote"))}”";
        return line + $" (version {Cells.Value(answer, "version")}, position {Cells.Value(answer, "position")})";
    }
}
