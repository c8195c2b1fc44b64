using System.CommandLine;

namespace Archive.Cli.Shell;

/// <summary>The options every command takes: where the archive is, the API key, and JSON output.</summary>
public sealed class GlobalOptions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    // No DefaultValueFactory: help would print the environment's values, and the key is a secret.
    public Option<string> Url { get; } = new("--url")
    {
        Description = $"The archive's base URL [default: $ARCHIVE_URL, else {DefaultUrl}]",
        HelpName = "url",
        Recursive = true,
    };

    public Option<string> Key { get; } = new("--key")
    {
        Description = "API key, sent as a bearer token [default: $ARCHIVE_KEY]",
        HelpName = "key",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the result as JSON",
        Recursive = true,
    };

    /// <summary>The last write's position per archive, remembered between commands (see <see cref="WritePositions"/>).</summary>
    public WritePositions Positions { get; init; } = WritePositions.None;

    /// <summary>The archive the command line names, with the key it gives and the remembered position of the last write.</summary>
    public ArchiveServer Server(ParseResult parsed, HttpMessageHandler? http) => new(ResolveUrl(parsed), ResolveKey(parsed), http, Positions);

    public void AddTo(RootCommand root)
    {
        root.Add(Url);
        root.Add(Key);
        root.Add(Json);
    }

    public Uri ResolveUrl(ParseResult parsed)
    {
        var (text, from) = parsed.GetValue(Url) is { } given
            ? (given, "--url")
            : Environment.GetEnvironmentVariable("ARCHIVE_URL") is { Length: > 0 } env ? (env, "ARCHIVE_URL") : (DefaultUrl, "default");
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
            throw CliException.Usage($"{from} is not an http(s) base URL: '{text}'");
        return url;
    }

    public string? ResolveKey(ParseResult parsed)
    {
        var (key, from) = parsed.GetValue(Key) is { } given ? (given, "--key") : (Environment.GetEnvironmentVariable("ARCHIVE_KEY"), "ARCHIVE_KEY");
        if (string.IsNullOrEmpty(key)) return null;
        if (key.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))) throw CliException.Usage($"{from} holds whitespace or control characters");
        return key;
    }
}
