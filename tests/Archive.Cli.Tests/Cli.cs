using Archive.Cli.Shell;
using Xunit;

namespace Archive.Cli.Tests;

/// <summary>Runs the command line in process, as a shell would, and captures what it prints.</summary>
public static class Cli
{
    public sealed record Outcome(int Exit, string Output, string Error)
    {
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Runs one command line; nothing is remembered between runs (many archives share this process).</summary>
    public static Task<Outcome> Run(HttpMessageHandler? http, params string[] args) => Run(http, WritePositions.None, args);

    /// <summary>Runs one command line that remembers its writes' positions in <paramref name="positions"/>, as a shell's commands do.</summary>
    public static async Task<Outcome> Run(HttpMessageHandler? http, WritePositions positions, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exit = await Program.Run(args, output, error, http, TestContext.Current.CancellationToken, positions);
        return new Outcome(exit, output.ToString(), error.ToString());
    }

    public static Task<Outcome> Run(params string[] args) => Run(null, args);
}

/// <summary>A folder of its own per test, removed afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("archive-cli-tests-").FullName;

    public string File(string name, string? text = null)
    {
        var path = System.IO.Path.Combine(Path, name);
        if (text is not null) System.IO.File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
