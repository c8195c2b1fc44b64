using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Archive.Cli.Shell;
using Spectre.Console;

namespace Archive.Cli.Audit;

/// <summary><c>archive audit export [--from N] [--to N] --out FILE</c>: downloads a bundle that anyone can verify offline.</summary>
public static class ExportCommand
{
    public sealed record Report(string File, long? From, long? To, long Bytes);

    public static Command Create(GlobalOptions globals, Screen screen, HttpMessageHandler? http)
    {
        var from = new Option<long?>("--from") { Description = "First global position, inclusive (default: the first)", HelpName = "position", CustomParser = Position };
        var to = new Option<long?>("--to") { Description = "Last global position, inclusive (default: the last committed)", HelpName = "position", CustomParser = Position };
        var output = new Option<FileInfo>("--out") { Description = "File to write the bundle to (replaced when it exists)", HelpName = "file", Required = true };
        var command = new Command("export", "Download the events between two global positions, with their hashes, as a bundle") { from, to, output };
        command.SetAction(async (parsed, ct) =>
        {
            var (first, last, target) = (parsed.GetValue(from), parsed.GetValue(to), parsed.GetRequiredValue(output));
            // checked here, not in a parse validator: a validator cannot read an option whose value failed to parse
            if (last is not null && first is not null && last < first) throw CliException.Usage("--to must not be before --from; see 'archive audit export --help'");
            if (target.Directory is not { Exists: true } directory)
                throw CliException.Failure($"the folder of {target.FullName} does not exist");

            using var server = globals.Server(parsed, http);
            var range = string.Join("&", new[] { first is { } f ? $"from={f}" : null, last is { } l ? $"to={l}" : null }.Where(p => p is not null));
            using var response = await server.Get("/api/audit/export" + (range.Length > 0 ? "?" + range : ""), ct);
            if (response.Content.Headers.ContentType?.MediaType is "text/html")
                throw CliException.Failure($"the archive at {server.Describe} answered a web page, not a bundle");

            // Written beside the target and moved into place when complete: a broken download never looks like a bundle.
            var partial = Path.Combine(directory.FullName, $".{target.Name}.{Guid.NewGuid():N}.partial");
            long bytes;
            try
            {
                await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                {
                    await using var body = await response.Content.ReadAsStreamAsync(ct);
                    await body.CopyToAsync(file, ct);
                    bytes = file.Length;
                }
                File.Move(partial, target.FullName, overwrite: true);
            }
            catch (HttpRequestException e)
            {
                throw CliException.Failure($"the connection to the archive at {server.Describe} broke during the export: {e.Message}");
            }
            finally
            {
                File.Delete(partial);
            }

            if (parsed.GetValue(globals.Json))
            {
                await screen.WriteJson(new Report(target.FullName, first, last, bytes));
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("File", "Positions", "Bytes");
            table.AddRow(Screen.Plain(target.FullName), new Text($"{first?.ToString() ?? "first"}–{last?.ToString() ?? "last"}"), new Text($"{bytes:N0}"));
            screen.Console.Write(table);
            screen.Line($"verify it offline: archive audit verify-bundle {target.FullName}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static long? Position(ArgumentResult result)
    {
        var token = result.Tokens is [var single] ? single.Value : "";
        if (long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
        var name = result.Parent is OptionResult option ? option.Option.Name : "a position";
        result.AddError($"{name} must be a whole number from 0, not '{token}'");
        return 0;
    }
}
