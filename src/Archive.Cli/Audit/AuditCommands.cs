using System.CommandLine;
using Archive.Cli.Shell;

namespace Archive.Cli.Audit;

/// <summary><c>archive audit …</c>: checking that nobody rewrote the record, on the server or in an exported bundle.</summary>
public static class AuditCommands
{
    public static Command Create(GlobalOptions globals, TextWriter output, TextWriter error, HttpMessageHandler? http)
    {
        var screen = new Screen(output, error);
        return new Command("audit", "Verify the hash chain and export evidence")
        {
            VerifyBundleCommand.Create(globals, screen),
            VerifyCommand.Create(globals, screen, http),
            ExportCommand.Create(globals, screen, http),
        };
    }
}
