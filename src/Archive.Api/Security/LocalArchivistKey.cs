using System.Security.Cryptography;

namespace Archive.Api.Security;

/// <summary>
/// With no key configured at all, the archive does not run open: it makes an archivist key once, keeps it in a
/// git-ignored file (mode 0600) and reuses it on later starts, so a local archive and the <c>archive</c> command
/// line share it without setup.
/// </summary>
public static class LocalArchivistKey
{
    public const string DefaultPath = ".archive/archivist.key";
    public const string Name = "local-archivist";

    /// <summary>The secret kept at <paramref name="path"/>, made (and kept) when the file does not exist.</summary>
    public static string LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            var kept = File.ReadAllText(path).Trim();
            if (kept.Length < KeyEntries.MinimumSecretLength || kept.Any(char.IsWhiteSpace))
                throw new InvalidOperationException(
                    $"The local archivist key file '{path}' does not hold a key (one line of at least {KeyEntries.MinimumSecretLength} characters without spaces); delete it to make a new one.");
            return kept;
        }
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory) Directory.CreateDirectory(directory);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(path, options)) writer.WriteLine(secret);
        return secret;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>What the host prints once at start when it serves the local archivist key.</summary>
public sealed record LocalKeyNotice(string Message);

/// <summary>Prints the local key's notice on start: on stdout, so it shows whatever the log levels are.</summary>
public sealed class LocalKeyAnnouncer(LocalKeyNotice notice) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Console.WriteLine(notice.Message);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
