using Archive.Cli.Shell;

namespace Archive.Cli.Import;

/// <summary>Where <c>archive import</c> finds its file.</summary>
public static class ImportFile
{
    /// <summary>The file to read: DIR/archive.json for a folder, else the file itself. A missing path is a usage error.</summary>
    public static string Locate(string path)
    {
        if (Directory.Exists(path))
        {
            var file = Path.Combine(path, "archive.json");
            return File.Exists(file) ? Path.GetFullPath(file) : throw CliException.Usage($"{path} holds no archive.json");
        }
        return File.Exists(path) ? Path.GetFullPath(path) : throw CliException.Usage($"{path} does not exist");
    }
}
