namespace Archive.Api.Hosting;

/// <summary>Every setting the archive host reads, with its environment variable and default.</summary>
public sealed record ArchiveSettings(
    string ConnectionString,
    string Schema,
    string? SeedsDirectory,
    int SiloPort,
    int GatewayPort,
    TimeSpan SealEvery,
    long SealEveryEvents,
    string? SealKey)
{
    public static ArchiveSettings From(IConfiguration configuration)
    {
        var connection = configuration["ARCHIVE_POSTGRES"] ?? configuration.GetConnectionString("Archive");
        if (string.IsNullOrWhiteSpace(connection))
            throw new InvalidOperationException(
                "ARCHIVE_POSTGRES is not set: give a PostgreSQL connection string, or start the archive with deploy/run.sh, which provisions one.");
        return new ArchiveSettings(
            connection,
            configuration["ARCHIVE_SCHEMA"] ?? "archive",
            configuration["ARCHIVE_SEEDS"],
            configuration.GetValue("ARCHIVE_SILO_PORT", 11111),
            configuration.GetValue("ARCHIVE_GATEWAY_PORT", 30000),
            TimeSpan.FromSeconds(configuration.GetValue("ARCHIVE_SEAL_SECONDS", 60)),
            configuration.GetValue("ARCHIVE_SEAL_EVENTS", 1000L),
            configuration["ARCHIVE_SEAL_KEY"]);
    }
}
