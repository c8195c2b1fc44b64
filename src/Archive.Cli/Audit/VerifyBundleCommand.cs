using System.CommandLine;
using System.Text;
using Archive.Cli.Shell;
using Archive.Audit;
using Archive.Store.Audit;
using Spectre.Console;

namespace Archive.Cli.Audit;

/// <summary><c>archive audit verify-bundle FILE</c>: recomputes every hash of an exported bundle, with no database and no network.</summary>
public static class VerifyBundleCommand
{
    public sealed record Report(string File, bool Verified, long Events, int Streams, long Seals, BundleFailure? Failure, long Tombstones = 0);

    public static Command Create(GlobalOptions globals, Screen screen)
    {
        var file = new Argument<FileInfo>("file") { Description = "A bundle written by 'archive audit export' (NDJSON)" }.AcceptExistingOnly();
        var command = new Command("verify-bundle", "Verify an exported bundle offline: every hash, every link, the counts") { file };
        command.SetAction(async (parsed, ct) =>
        {
            var path = parsed.GetRequiredValue(file);
            BundleVerification result;
            // Bytes, not a TextReader: bytes that are not UTF-8 fail at their own line instead of becoming U+FFFD.
            await using (var stream = new FileStream(path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
                result = await Task.Run(() => BundleVerifier.Verify(stream, SealKey.Verify), ct);

            if (parsed.GetValue(globals.Json))
            {
                await screen.WriteJson(new Report(path.FullName, result.Verified, result.Events, result.Streams, result.Seals, result.Failure, result.Tombstones));
                return result.Verified ? ExitCodes.Ok : ExitCodes.Failure;
            }

            var table = new Table().AddColumns("Events", "Streams", "Seals", "Result");
            table.AddRow(
                new Text($"{result.Events:N0}"), new Text($"{result.Streams:N0}"), new Text($"{result.Seals:N0}"),
                result.Failure is { } f ? new Markup($"[red]failed at line {f.Line}[/]") : new Markup("[green]verified[/]"));
            screen.Console.Write(table);
            if (result.Tombstones > 0)
                screen.Line($"tombstones: {result.Tombstones:N0} (positions of appends that failed, filled by the event store; not archive content)");
            if (result.Failure is { } failure) await screen.Error(Describe(failure));
            return result.Verified ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }

    /// <summary>One line: where, what is wrong, what was expected and what was found.</summary>
    public static string Describe(BundleFailure failure)
    {
        var where = new StringBuilder($"line {failure.Line}");
        if (failure.Stream is not null) where.Append($", stream {failure.Stream}");
        if (failure.Version is { } version) where.Append($", version {version}");
        return $"{where}: {failure.Problem}: expected {failure.Expected}, found {failure.Found}";
    }
}
