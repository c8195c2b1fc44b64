using System.CommandLine;
using Archive.Cli.Shell;
using Archive.Audit;
using Spectre.Console;

namespace Archive.Cli.Audit;

/// <summary><c>archive audit verify [--stream S]</c>: asks the server to recompute the hash chains and reports each broken stream.</summary>
public static class VerifyCommand
{
    /// <summary>The answer of <c>GET /api/audit/verify</c>; <see cref="Seals"/> is null from a server that does not seal.</summary>
    public sealed record Report(bool Intact, long Streams, long Events, IReadOnlyList<ChainBreak> Broken, long? Seals = null, long Tombstones = 0);

    public static Command Create(GlobalOptions globals, Screen screen, HttpMessageHandler? http)
    {
        var stream = new Option<string>("--stream") { Description = "Verify only this stream, e.g. actor:lin-jian", HelpName = "stream" };
        var command = new Command("verify", "Have the archive recompute its hash chains and report the first broken link of each stream") { stream };
        command.SetAction(async (parsed, ct) =>
        {
            var only = parsed.GetValue(stream);
            using var server = globals.Server(parsed, http);
            var report = await server.GetJson<Report>(
                "/api/audit/verify" + (only is null ? "" : $"?stream={Uri.EscapeDataString(only)}"), Screen.Json, "a verification report", ct);
            var exit = report.Intact && report.Broken.Count == 0 ? ExitCodes.Ok : ExitCodes.Failure;

            if (parsed.GetValue(globals.Json))
            {
                await screen.WriteJson(report);
                return exit;
            }

            var table = new Table().AddColumns("Streams", "Events", "Seals", "Result");
            table.AddRow(new Text($"{report.Streams:N0}"), new Text($"{report.Events:N0}"), new Text(report.Seals is { } seals ? $"{seals:N0}" : "–"), exit == ExitCodes.Ok
                ? new Markup("[green]intact[/]")
                : new Markup($"[red]broken in {report.Broken.Count} stream{(report.Broken.Count == 1 ? "" : "s")}[/]"));
            screen.Console.Write(table);
            if (report.Tombstones > 0)
                screen.Line($"tombstones: {report.Tombstones:N0} (positions of appends that failed, filled by the event store; not archive content)");
            foreach (var b in report.Broken)
                screen.Line($"broken: {b.StreamKey} at version {b.Version}: {b.Problem}: expected {b.Expected}, found {b.Found}");
            if (only is not null && report.Streams == 0)
                await screen.Error($"warning: the archive holds no stream '{only}'");
            if (exit != ExitCodes.Ok)
                await screen.Error(report.Broken.Count == 0
                    ? "the archive reports its hash chain broken"
                    : $"the hash chain is broken in {report.Broken.Count} stream{(report.Broken.Count == 1 ? "" : "s")}, first {report.Broken[0].StreamKey} at version {report.Broken[0].Version}");
            return exit;
        });
        return command;
    }
}
