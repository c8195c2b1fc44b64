using System.CommandLine;
using System.CommandLine.Parsing;
using Archive.Cli.Audit;
using Archive.Cli.Shell;

namespace Archive.Cli;

public static class Program
{
    public static Task<int> Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>
    /// Runs one command line in process: output on <paramref name="output"/>, one-line errors on
    /// <paramref name="error"/>. Exit codes: 0 ok, 1 failure (verification failed, server error, server unreachable),
    /// 2 usage error. <paramref name="http"/> replaces the network (the caller keeps ownership of it); <paramref name="positions"/>
    /// where the last write's position is remembered between commands (default: from the environment, see <see cref="WritePositions"/>).
    /// </summary>
    public static async Task<int> Run(string[] args, TextWriter output, TextWriter error, HttpMessageHandler? http = null,
        CancellationToken cancellationToken = default, WritePositions? positions = null)
    {
        var globals = new GlobalOptions { Positions = positions ?? WritePositions.FromEnvironment(error) };
        var root = new RootCommand("Statement Archive: register sources, record statements and decide on them, import, browse and search, " +
                                   "verify the hash chain on a server or offline in an exported bundle, export evidence, rebuild read models, " +
                                   "migrate the database.");
        globals.AddTo(root);
        var writer = new Writes.Writer(globals, new Screen(output, error), http);
        root.Add(Import.ImportCommand.Create(globals, output, error, http));
        root.Add(Sources.SourcesCommands.Create(globals, output, error, http));
        root.Add(Recording.RecordCommand.Create(writer));
        root.Add(Recording.AmendCommand.Create(writer));
        foreach (var command in Statements.StatementWrites.Create(writer)) root.Add(command);
        root.Add(Statements.StatementsCommands.Create(globals, output, error, http));
        root.Add(Statements.StatementsCommands.SearchCommand(globals, output, error, http));
        var actors = Registers.RegisterCommands.ActorsCommand(globals, output, error, http);
        Registers.RegisterWrites.AddToActors(actors, writer);
        root.Add(actors);
        var topics = Registers.RegisterCommands.TopicsCommand(globals, output, error, http);
        Registers.RegisterWrites.AddToTopics(topics, writer);
        root.Add(topics);
        root.Add(AuditCommands.Create(globals, output, error, http));
        root.Add(Projections.ProjectionsCommands.Create(globals, output, error, http));
        root.Add(Db.DbCommands.Create(globals, output, error));
        root.Add(Candidates.CandidatesCommand.Create(globals, output, error, http));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var path = new List<string>();
            for (SymbolResult? at = parsed.CommandResult; at is CommandResult { Parent: not null } command; at = command.Parent)
                path.Insert(0, command.Command.Name);
            // System.CommandLine lays some messages out over several lines; an error is one line
            var message = System.Text.RegularExpressions.Regex.Replace(parsed.Errors[0].Message, @"\s+", " ").Trim().TrimEnd('.');
            await error.WriteLineAsync($"archive: {Printable.Line(message)}; see 'archive {string.Join(' ', [.. path, "--help"])}'");
            return ExitCodes.Usage;
        }
        try
        {
            var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
            // Only the real process handles Ctrl-C; in-process callers cancel through the token.
            if (!ReferenceEquals(output, Console.Out)) invocation.ProcessTerminationTimeout = null;
            return await parsed.InvokeAsync(invocation, cancellationToken);
        }
        catch (CliException e)
        {
            await error.WriteLineAsync($"archive: {Printable.Line(e.Message)}");
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("archive: cancelled");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"archive: {Printable.Line(e.Message)}");
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            // a bug of ours; still one line, the type says where to look
            await error.WriteLineAsync($"archive: unexpected {e.GetType().Name}: {Printable.Line(e.Message)}");
            return ExitCodes.Failure;
        }
    }
}
