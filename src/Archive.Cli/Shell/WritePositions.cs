using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Archive.Cli.Shell;

/// <summary>
/// The event position of the last write made from this machine, per archive URL, kept in a small JSON file between
/// invocations: every later request to that archive carries it (header <c>Archive-Min-Position</c>), so a read shows the
/// write before it even when the write was another command. An explicit <c>--min-position</c> wins (<c>0</c> reads
/// without waiting). The file is a convenience, never a reason to fail: a write that cannot be remembered says so and
/// still succeeds, and an unreadable file counts as empty.
/// </summary>
public sealed class WritePositions
{
    public const string DirectoryVariable = "ARCHIVE_STATE_DIR";
    public const string FileName = "last-writes.json";

    /// <summary>Remembers nothing and sends nothing (tests that run many archives in one process, and ARCHIVE_STATE_DIR set empty).</summary>
    public static readonly WritePositions None = new(null, TextWriter.Null);

    private readonly TextWriter _warnings;

    public WritePositions(string? directory, TextWriter warnings)
    {
        File = directory is null ? null : Path.Combine(directory, FileName);
        _warnings = warnings;
    }

    /// <summary>Where the positions are kept; null when nothing is.</summary>
    public string? File { get; }

    /// <summary>$ARCHIVE_STATE_DIR (empty: off), else $XDG_STATE_HOME/archive, else ~/.local/state/archive.</summary>
    public static WritePositions FromEnvironment(TextWriter warnings)
    {
        if (Environment.GetEnvironmentVariable(DirectoryVariable) is { } chosen)
            return chosen.Length == 0 ? None : new WritePositions(chosen, warnings);
        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home ? Path.Combine(home, ".local", "state") : null;
        return state is null ? None : new WritePositions(Path.Combine(state, "archive"), warnings);
    }

    /// <summary>The position of the last write to <paramref name="archive"/> remembered here, if any.</summary>
    public long? LastWrite(string archive)
    {
        if (File is null) return null;
        try
        {
            return Read(System.IO.File.ReadAllText(File))?[archive] is JsonValue value && value.TryGetValue(out long position) && position >= 0 ? position : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Remembers <paramref name="position"/> as the last write to <paramref name="archive"/>. The latest write wins, not the
    /// highest position: after an archive is rebuilt from nothing its positions start again, and the next write heals the file.
    /// </summary>
    public void Remember(string archive, long position)
    {
        if (File is null) return;
        // Two commands may write at once: the file is opened exclusively, and a brief wait lets the other one finish.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(File)!);
                using var stream = new FileStream(File, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                var positions = Read(new StreamReader(stream, leaveOpen: true).ReadToEnd()) ?? [];
                positions[archive] = position;
                stream.SetLength(0);
                using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
                positions.WriteTo(writer);
                return;
            }
            catch (IOException) when (attempt < 20)
            {
                Thread.Sleep(25);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _warnings.WriteLine($"archive: the write succeeded, but its position {position.ToString(CultureInfo.InvariantCulture)} could not be " +
                                    $"remembered in {File} ({Printable.Line(e.Message)}); pass --min-position {position.ToString(CultureInfo.InvariantCulture)} to read it at once");
                return;
            }
        }
    }

    private static JsonObject? Read(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
