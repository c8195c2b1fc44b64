using Archive.Store.Cluster;
using Archive.Store.Storage;
using Microsoft.Extensions.Configuration;

namespace Archive.Store;

/// <summary>
/// Every setting an archive process reads (the co-hosted default, an API node, a silo, the CLI's <c>db migrate</c>),
/// parsed once from configuration (environment variables) with its default. docs/operations.md lists them.
/// </summary>
public sealed record ArchiveSettings(
    string ConnectionString,
    string Schema,
    string? SeedsDirectory,
    int SiloPort,
    int GatewayPort,
    TimeSpan SealEvery,
    long SealEveryEvents,
    string? SealKey,
    string? SealPublicKey,
    ClusterSettings Cluster,
    CommitOptions Commit)
{
    public const string DefaultSchema = "archive";

    /// <param name="defaultClustering"><c>localhost</c> for the co-hosted default, <c>postgres</c> for a silo of its own.</param>
    /// <param name="connectionString">Given instead of <c>ARCHIVE_POSTGRES</c> (tests, the CLI's <c>--postgres</c>).</param>
    /// <param name="schema">Given instead of <c>ARCHIVE_SCHEMA</c>.</param>
    public static ArchiveSettings From(IConfiguration configuration, string defaultClustering = "localhost",
        string? connectionString = null, string? schema = null)
    {
        var connection = connectionString ?? configuration["ARCHIVE_POSTGRES"] ?? configuration.GetConnectionString("Archive");
        if (string.IsNullOrWhiteSpace(connection))
            throw new InvalidOperationException(
                "ARCHIVE_POSTGRES is not set: give a PostgreSQL connection string, or start the archive with deploy/run.sh, which provisions one.");
        return new ArchiveSettings(
            connection,
            schema ?? (configuration["ARCHIVE_SCHEMA"] is { Length: > 0 } s ? s : DefaultSchema),
            configuration["ARCHIVE_SEEDS"],
            configuration.GetValue("ARCHIVE_SILO_PORT", 11111),
            configuration.GetValue("ARCHIVE_GATEWAY_PORT", 30000),
            TimeSpan.FromSeconds(configuration.GetValue("ARCHIVE_SEAL_SECONDS", 60)),
            configuration.GetValue("ARCHIVE_SEAL_EVENTS", 1000L),
            configuration["ARCHIVE_SEAL_KEY"],
            configuration["ARCHIVE_SEAL_PUBLIC_KEY"],
            ClusterSettings.From(configuration, defaultClustering),
            CommitOptions.From(configuration));
    }
}
