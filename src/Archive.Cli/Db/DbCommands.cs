using System.CommandLine;
using System.Text.RegularExpressions;
using Archive.Cli.Shell;
using Archive.Store;
using Archive.Store.Database;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Archive.Cli.Db;

/// <summary><c>archive db migrate</c>: applies the archive's database changes directly, the same steps a host applies at start-up.</summary>
public static partial class DbCommands
{
    public sealed record Migration(string Schema, IReadOnlyList<string> Steps);

    public static Command Create(GlobalOptions globals, TextWriter output, TextWriter error)
    {
        var screen = new Screen(output, error);
        var postgres = new Option<string>("--postgres")
        {
            Description = "Npgsql connection string [default: $ARCHIVE_POSTGRES]",
            HelpName = "connection",
        };
        var schema = new Option<string>("--schema")
        {
            Description = "PostgreSQL schema [default: $ARCHIVE_SCHEMA, else archive]; cluster tables go to $ARCHIVE_CLUSTER_SCHEMA, else archive_cluster",
            HelpName = "schema",
        };
        var migrate = new Command("migrate", "Create or update the event store, read models, append-only triggers and cluster tables; safe to run again")
        {
            postgres, schema,
        };
        migrate.SetAction(async (parsed, ct) =>
        {
            var (connection, from) = parsed.GetValue(postgres) is { } given
                ? (given, "--postgres")
                : (Environment.GetEnvironmentVariable("ARCHIVE_POSTGRES"), "ARCHIVE_POSTGRES");
            if (string.IsNullOrWhiteSpace(connection)) throw CliException.Usage("no database: give --postgres or set ARCHIVE_POSTGRES");
            string? database;
            try
            {
                database = new NpgsqlConnectionStringBuilder(connection) is var b ? $"{b.Database ?? b.Username} on {b.Host}:{b.Port}" : null;
            }
            catch (ArgumentException e)
            {
                // the message names the bad keyword; the string itself may hold a password
                throw CliException.Usage($"{from} is not a connection string: {e.Message}");
            }

            var (name, nameFrom) = parsed.GetValue(schema) is { } s ? (s, "--schema")
                : Environment.GetEnvironmentVariable("ARCHIVE_SCHEMA") is { Length: > 0 } env ? (env, "ARCHIVE_SCHEMA") : ("archive", "default");
            if (!SchemaName().IsMatch(name))
                throw CliException.Usage($"{nameFrom} '{name}' is not a schema name (lowercase letters, digits and _, at most 63, not starting with a digit)");

            IReadOnlyList<string> steps;
            // Marten prints notices about the projection daemon on standard output, which would break --json; the daemon is not ours to run here.
            var console = Console.Out;
            if (ReferenceEquals(output, console)) Console.SetOut(TextWriter.Null);
            try
            {
                // The same settings a host parses, with the command line's connection and schema.
                var settings = ArchiveSettings.From(new ConfigurationBuilder().AddEnvironmentVariables().Build(), connectionString: connection, schema: name);
                steps = await ArchiveDatabase.MigrateAsync(settings.ConnectionString, settings.Schema, settings.Cluster.Schema, ct);
            }
            catch (Exception e) when (DatabaseCause(e) is { } cause)
            {
                throw CliException.Failure($"migrating schema '{name}' of {database} failed: {cause.Message}");
            }
            finally
            {
                if (ReferenceEquals(output, console)) Console.SetOut(console);
            }

            if (parsed.GetValue(globals.Json))
            {
                await screen.WriteJson(new Migration(name, steps));
                return ExitCodes.Ok;
            }
            foreach (var step in steps) screen.Line($"applied: {step}");
            screen.Line($"schema '{name}' of {database} is up to date");
            return ExitCodes.Ok;
        });
        return new Command("db", "The archive's PostgreSQL database") { migrate };
    }

    // Marten wraps what the database said in exceptions of its own; the innermost database error says it best.
    private static Exception? DatabaseCause(Exception e)
    {
        Exception? found = null;
        for (Exception? at = e; at is not null; at = at.InnerException)
            if (at is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException) found = at;
        return found;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
