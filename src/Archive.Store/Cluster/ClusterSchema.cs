using Npgsql;

namespace Archive.Store.Cluster;

/// <summary>
/// The tables and queries behind Orleans' ADO.NET membership provider, in a schema of their own. The provider
/// reads its queries by key from a table it names <c>OrleansQuery</c> (unqualified, so the clustering connection
/// puts this schema on the search path) and binds parameters and result columns by name; everything else —
/// tables, types, how conditional writes stay atomic — is ours. Applied idempotently; the query texts are
/// replaced on every run so a new release's queries take effect at the next start.
/// </summary>
public static class ClusterSchema
{
    public const string DefaultSchema = "archive_cluster";

    /// <summary>The connection string the membership provider uses: the archive's, with the cluster schema first on the search path.</summary>
    public static string ConnectionString(string connectionString, string schema) =>
        new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ConnectionString;

    public static async Task MigrateAsync(string connectionString, string schema, CancellationToken cancellationToken = default)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(schema, "^[a-z_][a-z0-9_]{0,62}$"))
            throw new ArgumentException($"the cluster schema must be a lower-case PostgreSQL identifier, not '{schema}'", nameof(schema));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand($"select pg_advisory_xact_lock(hashtext('archive-cluster-schema-{schema}'));{Tables(schema)}", connection, transaction))
            await command.ExecuteNonQueryAsync(cancellationToken);
        foreach (var (key, text) in Queries(schema))
        {
            await using var upsert = new NpgsqlCommand(
                $"insert into {schema}.orleansquery (querykey, querytext) values (@key, @text) " +
                "on conflict (querykey) do update set querytext = excluded.querytext", connection, transaction);
            upsert.Parameters.AddWithValue("key", key);
            upsert.Parameters.AddWithValue("text", text);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static string Tables(string s) => $"""
        create schema if not exists {s};
        create table if not exists {s}.orleansquery (
          querykey varchar(64) primary key,
          querytext text not null);
        -- one row per cluster: the table version every conditional membership write checks and bumps
        create table if not exists {s}.membership_version (
          deployment_id varchar(150) primary key,
          version integer not null default 0,
          changed_at timestamptz not null default now());
        -- one row per silo incarnation (address, port, generation)
        create table if not exists {s}.membership (
          deployment_id varchar(150) not null,
          address varchar(45) not null,
          port integer not null,
          generation integer not null,
          silo_name varchar(150) not null,
          host_name varchar(150) not null,
          status integer not null,
          proxy_port integer not null default 0,
          suspect_times text,
          start_time timestamptz not null,
          i_am_alive_time timestamptz not null,
          primary key (deployment_id, address, port, generation));
        """;

    /// <summary>The membership columns, aliased to the names the provider reads.</summary>
    private const string MemberColumns = """
        v.deployment_id as "DeploymentId", m.address as "Address", m.port as "Port", m.generation as "Generation",
        m.silo_name as "SiloName", m.host_name as "HostName", m.status as "Status", m.proxy_port as "ProxyPort",
        m.suspect_times as "SuspectTimes", m.start_time as "StartTime", m.i_am_alive_time as "IAmAliveTime", v.version as "Version"
        """;

    private const string Silo = "address = @Address and port = @Port and generation = @Generation";

    /// <summary>
    /// Each key's parameters are fixed by the provider. A conditional write (insert or update of a member) bumps the
    /// table version only when the version it read is still current and the member row is (or is not yet) there,
    /// and changes the member only when the bump happened — one statement, so both happen or neither.
    /// </summary>
    public static IReadOnlyList<(string Key, string Text)> Queries(string s) =>
    [
        ("GatewaysQueryKey", $"""
            select m.address as "Address", m.proxy_port as "ProxyPort", m.generation as "Generation"
            from {s}.membership m
            where m.deployment_id = @DeploymentId and m.status = @Status and m.proxy_port > 0
            """),
        ("MembershipReadRowKey", $"""
            select {MemberColumns}
            from {s}.membership_version v
            left join {s}.membership m on m.deployment_id = v.deployment_id and m.{Silo.Replace(" and ", " and m.")}
            where v.deployment_id = @DeploymentId
            """),
        ("MembershipReadAllKey", $"""
            select {MemberColumns}
            from {s}.membership_version v
            left join {s}.membership m on m.deployment_id = v.deployment_id
            where v.deployment_id = @DeploymentId
            """),
        ("InsertMembershipVersionKey", $"""
            with inserted as (
              insert into {s}.membership_version (deployment_id) values (@DeploymentId)
              on conflict (deployment_id) do nothing
              returning 1)
            select count(*) > 0 from inserted
            """),
        // A heartbeat moves only the member's own liveness time forward; it never changes the table version.
        ("UpdateIAmAlivetimeKey", $"""
            update {s}.membership set i_am_alive_time = greatest(i_am_alive_time, @IAmAliveTime)
            where deployment_id = @DeploymentId and {Silo}
            """),
        ("InsertMembershipKey", $"""
            with bumped as (
              update {s}.membership_version set version = version + 1, changed_at = now()
              where deployment_id = @DeploymentId and version = @Version and version < 2147483647
                and not exists (select 1 from {s}.membership where deployment_id = @DeploymentId and {Silo})
              returning deployment_id),
            inserted as (
              insert into {s}.membership (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
              select deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, coalesce(@ProxyPort, 0), @StartTime, @IAmAliveTime
              from bumped
              returning 1)
            select count(*) > 0 from inserted
            """),
        ("UpdateMembershipKey", $"""
            with bumped as (
              update {s}.membership_version set version = version + 1, changed_at = now()
              where deployment_id = @DeploymentId and version = @Version and version < 2147483647
                and exists (select 1 from {s}.membership where deployment_id = @DeploymentId and {Silo})
              returning deployment_id),
            updated as (
              update {s}.membership m
              set status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = greatest(m.i_am_alive_time, @IAmAliveTime)
              from bumped
              where m.deployment_id = bumped.deployment_id and m.{Silo.Replace(" and ", " and m.")}
              returning 1)
            select count(*) > 0 from updated
            """),
        ("DeleteMembershipTableEntriesKey", $"""
            with members as (delete from {s}.membership where deployment_id = @DeploymentId)
            delete from {s}.membership_version where deployment_id = @DeploymentId
            """),
        // Dead silos (status 6) whose last sign of life and start are both older than the cut-off.
        ("CleanupDefunctSiloEntriesKey", $"""
            delete from {s}.membership
            where deployment_id = @DeploymentId and status = 6
              and i_am_alive_time < @IAmAliveTime and start_time < @IAmAliveTime
            """),
        // One dead row, only if it is still exactly as the caller read it.
        ("CleanupDefunctSiloEntryKey", $"""
            delete from {s}.membership
            where deployment_id = @DeploymentId and status = 6 and {Silo}
              and i_am_alive_time = @IAmAliveTime and start_time = @StartTime
              and coalesce(suspect_times, '') = coalesce(@SuspectTimes, '')
            """),
    ];
}
