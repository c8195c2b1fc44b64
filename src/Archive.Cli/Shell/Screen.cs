using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Archive.Cli.Shell;

/// <summary>Where a command writes: tables for people, JSON for scripts, one-line errors.</summary>
public sealed class Screen(TextWriter output, TextWriter error)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public IAnsiConsole Console { get; } = Create(output);

    /// <summary>True when people watch: progress bars are drawn only then, never into a file or a pipe.</summary>
    public bool IsTerminal { get; } = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;

    // Colours and wrapping only on a real terminal; a redirected or in-memory writer gets plain, unwrapped lines.
    private static IAnsiConsole Create(TextWriter output)
    {
        var terminal = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            // interactive only on a terminal: progress bars redraw in place there and print nothing elsewhere
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal) console.Profile.Width = 1 << 16;
        return console;
    }

    /// <summary>One line of text from outside (a server, a bundle), printed as is: no markup, no control characters.</summary>
    public void Line(string text) => Console.WriteLine(Printable.Line(text));

    public Task WriteJson<T>(T value) => output.WriteLineAsync(JsonSerializer.Serialize(value, Json));

    public Task Error(string line) => error.WriteLineAsync($"archive: {Printable.Line(line)}");

    public static Text Plain(string text) => new(Printable.Line(text));
}
