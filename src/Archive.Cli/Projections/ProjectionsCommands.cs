using System.CommandLine;
using Archive.Cli.Shell;
using Spectre.Console;

namespace Archive.Cli.Projections;

/// <summary><c>archive projections status|rebuild [name]</c>: the read models and their rebuilds from the events.</summary>
public static class ProjectionsCommands
{
    public sealed record Status(string Name, string Lifecycle, string State, DateTimeOffset? StartedAt = null, DateTimeOffset? FinishedAt = null, string? Error = null);

    public sealed record StatusList(IReadOnlyList<Status> Items);

    public static readonly TimeSpan RebuildDeadline = TimeSpan.FromMinutes(30);

    public static Command Create(GlobalOptions globals, TextWriter output, TextWriter error, HttpMessageHandler? http)
    {
        var screen = new Screen(output, error);
        return new Command("projections", "Read models: their state and rebuilds from the events")
        {
            StatusCommand(globals, screen, http),
            RebuildCommand(globals, screen, http),
        };
    }

    private static Command StatusCommand(GlobalOptions globals, Screen screen, HttpMessageHandler? http)
    {
        var command = new Command("status", "List the read models, their lifecycle and their last rebuild");
        command.SetAction(async (parsed, ct) =>
        {
            using var server = globals.Server(parsed, http);
            var list = await server.GetJson<StatusList>("/api/projections", Screen.Json, "a list of read models", ct);
            if (parsed.GetValue(globals.Json)) await screen.WriteJson(list);
            else Print(screen, list);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command RebuildCommand(GlobalOptions globals, Screen screen, HttpMessageHandler? http)
    {
        var name = new Argument<string>("name") { Description = "A read model (see 'archive projections status'), or all", DefaultValueFactory = _ => "all" };
        var command = new Command("rebuild", "Rebuild read models from the events, with a progress bar; the archive replaces their documents") { name };
        command.SetAction(async (parsed, ct) =>
        {
            var which = parsed.GetValue(name)!;
            using var server = globals.Server(parsed, http);
            using (await server.Post($"/api/projections/{Uri.EscapeDataString(which)}/rebuild", ct)) { }

            var deadline = DateTimeOffset.UtcNow + RebuildDeadline;
            StatusList list = new([]);
            async Task<bool> Poll()
            {
                list = await server.GetJson<StatusList>("/api/projections", Screen.Json, "a list of read models", ct);
                return Watched(list, which).All(s => s.State is "done" or "failed");
            }

            if (parsed.GetValue(globals.Json))
            {
                while (!await Poll()) await Wait(deadline, ct);
                await screen.WriteJson(list);
            }
            else
            {
                await screen.Console.Progress().StartAsync(async progress =>
                {
                    var bars = new Dictionary<string, ProgressTask>();
                    while (true)
                    {
                        var finished = await Poll();
                        foreach (var s in Watched(list, which))
                        {
                            if (!bars.TryGetValue(s.Name, out var bar)) bars[s.Name] = bar = progress.AddTask(s.Name, maxValue: 2);
                            bar.Value = s.State switch { "running" => 1, "done" or "failed" => 2, _ => 0 };
                            bar.Description = $"{s.Name} ({s.State})";
                        }
                        if (finished) break;
                        await Wait(deadline, ct);
                    }
                });
                Print(screen, new StatusList(Watched(list, which).ToArray()));
            }
            var failed = Watched(list, which).Where(s => s.State == "failed").ToArray();
            if (failed.Length == 0) return ExitCodes.Ok;
            await screen.Error($"rebuilding {failed[0].Name} failed: {failed[0].Error}");
            return ExitCodes.Failure;
        });
        return command;
    }

    private static IEnumerable<Status> Watched(StatusList list, string which) => list.Items.Where(s => which == "all" || s.Name == which);

    private static async Task Wait(DateTimeOffset deadline, CancellationToken ct)
    {
        if (DateTimeOffset.UtcNow > deadline) throw CliException.Failure($"the rebuild did not finish within {RebuildDeadline.TotalMinutes:0} minutes");
        await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
    }

    private static void Print(Screen screen, StatusList list)
    {
        var table = new Table().AddColumns("Read model", "Lifecycle", "Last rebuild", "Finished");
        foreach (var s in list.Items)
            table.AddRow(Screen.Plain(s.Name), Screen.Plain(s.Lifecycle), Screen.Plain(s.State + (s.Error is null ? "" : $": {s.Error}")),
                Screen.Plain(s.FinishedAt?.ToString("u") ?? "–"));
        screen.Console.Write(table);
    }
}
