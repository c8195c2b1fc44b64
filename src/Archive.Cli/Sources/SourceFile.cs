using System.Text;
using Archive.Cli.Shell;

namespace Archive.Cli.Sources;

/// <summary>The document <c>archive sources add</c> registers: a UTF-8 text file, as it is (the archive normalises it).</summary>
public static class SourceFile
{
    private static readonly string[] HtmlExtensions = [".html", ".htm", ".xhtml"];

    public static string Read(string path, bool htmlAsText)
    {
        if (Directory.Exists(path)) throw CliException.Usage($"{path} is a folder, not a document");
        if (!File.Exists(path)) throw CliException.Usage($"{path} does not exist");
        // An HTML page registered as it is would keep its markup in the text forever (a source's text never changes):
        // its main text is to be extracted first, which the archive does not do yet.
        if (!htmlAsText && HtmlExtensions.Contains(Path.GetExtension(path).ToLowerInvariant())) throw HtmlRefused(path);
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(File.ReadAllBytes(path));
        }
        catch (DecoderFallbackException)
        {
            throw CliException.Failure($"{path} is not UTF-8 text; convert it first (e.g. iconv -t UTF-8)");
        }
        var start = text.TrimStart('\uFEFF').TrimStart();
        if (!htmlAsText && (start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase)))
            throw HtmlRefused(path);
        return text;
    }

    private static CliException HtmlRefused(string path) =>
        CliException.Usage($"{path} is an HTML page; the archive registers text documents for now: save the page's text as a .txt file, " +
                           "or pass --as-text to register the file's markup as its text");
}
