namespace Archive.Cli.Shell;

public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
}

/// <summary>A failure the user is told about in one line on standard error, without a stack trace.</summary>
public sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static CliException Usage(string message) => new(ExitCodes.Usage, message);

    public static CliException Failure(string message) => new(ExitCodes.Failure, message);
}
