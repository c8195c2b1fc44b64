using System.Text;
using Archive.Cli.Shell;

namespace Archive.Cli.Sources;

/// <summary>The document <c>archive sources add</c> registers: a UTF-8 text file, as it is (the archive normalises it).</summary>
public static class SourceFile
{
    private static readonly string[] HtmlExtensions = [".html", ".htm", ".xhtml"];

    public static string Read(string path)
    {
        if (Directory.Exists(path)) throw CliException.Usage($"{path} is a folder, not a document");
        if (!File.Exists(path)) throw CliException.Usage($"{path} does not exist");
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(File.ReadAllBytes(path));
        }
        catch (DecoderFallbackException)
        {
            throw CliException.Failure($"{path} is not UTF-8 text; convert it first (e.g. iconv -t UTF-8)");
        }
        return text;
    }

    /// <summary>
    /// An HTML page (by its extension, or a text that starts like one): registered as it is, its markup would be its text
    /// forever (a source's text never changes), so the archive is asked to extract its main text instead.
    /// </summary>
    public static bool IsHtml(string path, string text)
    {
        var start = text.TrimStart('\uFEFF').TrimStart();
        return HtmlExtensions.Contains(Path.GetExtension(path).ToLowerInvariant())
            || start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }
}
