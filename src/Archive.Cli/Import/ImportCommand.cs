using System.CommandLine;
using Archive.Cli.Shell;
using Archive.Domain.Seeds;
using Spectre.Console;

namespace Archive.Cli.Import;

/// <summary><c>archive import DIR|FILE</c>: actors, topics, sources and statements from an <c>archive.json</c>-shaped file, through the API.</summary>
public static class ImportCommand
{
    public static Command Create(GlobalOptions globals, TextWriter output, TextWriter error, HttpMessageHandler? http)
    {
        var screen = new Screen(output, error);
        var path = new Argument<string>("path") { Description = "A folder holding archive.json and its source documents, or an archive.json-shaped file" };
        var command = new Command("import", "Import actors, topics, sources and statements (with their verifications); what the archive already holds is skipped") { path };
        command.SetAction(async (parsed, ct) =>
        {
            var file = ImportFile.Locate(parsed.GetRequiredValue(path));
            SeedFile seeds;
            try { seeds = await SeedImporter.Read(file, ct); }
            catch (InvalidDataException e) { throw CliException.Failure(e.Message); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw CliException.Failure($"cannot read {file}: {e.Message}"); }
            using var server = globals.Server(parsed, http);
            var importer = new SeedImporter(new HttpImportTarget(server));
            var json = parsed.GetValue(globals.Json);

            ImportReport report;
            if (screen.IsTerminal && !json)
            {
                report = null!;
                await screen.Console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async progress =>
                    {
                        var bar = progress.AddTask("importing", maxValue: SeedImporter.Count(seeds));
                        report = await importer.Import(file, seeds, item =>
                        {
                            bar.Increment(1);
                            bar.Description = $"{item.Kind} {Markup.Escape(Printable.Line(item.Name))}";
                        }, ct);
                        bar.Description = "imported";
                    });
            }
            else
            {
                report = await importer.Import(file, seeds, _ => { }, ct);
            }

            if (json) await screen.WriteJson(report);
            else Print(screen, report);
            if (report.Failed == 0) return ExitCodes.Ok;
            await screen.Error($"{report.Failed} of {report.Items.Count} items were not imported");
            return ExitCodes.Failure;
        });
        return command;
    }

    private static void Print(Screen screen, ImportReport report)
    {
        var table = new Table().AddColumns("Kind", "Added", "Skipped", "Failed");
        foreach (var kind in new[] { "actor", "topic", "source", "statement" })
        {
            var of = report.Items.Where(i => i.Kind == kind).ToArray();
            table.AddRow(new Text(kind + "s"), new Text($"{of.Count(i => i.Outcome == SeedImporter.Outcomes.Added)}"),
                new Text($"{of.Count(i => i.Outcome == SeedImporter.Outcomes.Skipped)}"), new Text($"{of.Count(i => i.Outcome == SeedImporter.Outcomes.Failed)}"));
        }
        table.AddRow(new Markup("[bold]total[/]"), new Text($"{report.Added}"), new Text($"{report.Skipped}"), new Text($"{report.Failed}"));
        screen.Console.Write(table);
        foreach (var failure in report.Items.Where(i => i.Outcome == SeedImporter.Outcomes.Failed))
            screen.Line($"failed: {failure.Kind} {failure.Name}: {failure.Reason}");
    }
}
