namespace Archive.Deploy.Tests;

/// <summary>
/// deploy/postgres.sh against real servers on free ports: one it did not create is used exactly as it is or left
/// alone (never reconfigured, reloaded, restarted, started or stopped); its own private server it creates, marks,
/// reuses and starts again. Each run says in one line what it chose.
/// </summary>
public sealed class PostgresScriptTests(PostgresScriptTests.ForeignServer foreign) : IClassFixture<PostgresScriptTests.ForeignServer>
{
    private const string Script = "bash deploy/postgres.sh";

    [Fact]
    public async Task ExistingServer_NamedInArchivePostgres_IsUsedAsItIs()
    {
        // given a server with fewer connections than the test suite would like
        var before = await foreign.Server.State(foreign.Port);

        // when
        var run = await foreign.Server.Bash(Script, new() { ["ARCHIVE_POSTGRES"] = foreign.ConnectionString });

        // then
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(foreign.ConnectionString, run.LastStdoutLine);
        Assert.Equal($"postgres: using existing server 127.0.0.1:{foreign.Port} as it is (from ARCHIVE_POSTGRES; max_connections 20)", Assert.Single(run.StderrLines));
        Assert.Equal(before, await foreign.Server.State(foreign.Port));
    }

    [Fact]
    public async Task ExistingServer_Sourced_ExportsItsMaxConnectionsForTheTestSuite()
    {
        // given
        var command = $"source deploy/postgres.sh && echo \"$ARCHIVE_POSTGRES\" && echo \"max $ARCHIVE_PG_MAX_CONNECTIONS\"";

        // when
        var run = await foreign.Server.Bash(command, new() { ["ARCHIVE_POSTGRES"] = foreign.ConnectionString, ["ARCHIVE_PG_MAX_CONNECTIONS"] = "999" });

        // then
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([foreign.ConnectionString, "max 20"], run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task PrivateMode_FirstRun_CreatesAMarkedServerOfItsOwnOnAPortNoOtherServerClaims()
    {
        // given a running server it did not create, and a stopped Debian cluster configured on the first port the
        // script would otherwise take (a stopped cluster starts on its port at the next boot)
        await using var mine = await ScratchPostgres.Create();
        var before = await foreign.Server.State(foreign.Port);
        var claimed = Enumerable.Range(5433, 60).First(p => !ScratchPostgres.PortInUse(p));
        var tools = Directory.CreateDirectory(Path.Combine(mine.Root, "bin")).FullName;
        await ScratchPostgres.WriteExecutable(Path.Combine(tools, "pg_lsclusters"),
            $"#!/bin/sh\necho '15 main {claimed} down postgres /var/lib/postgresql/15/main /var/log/postgresql/postgresql-15-main.log'\n");
        var environment = Private(mine, port: null);
        environment["PATH"] = $"{tools}:{Environment.GetEnvironmentVariable("PATH")}";

        // when
        var run = await mine.Bash(Script, environment);

        // then
        Assert.True(run.ExitCode == 0, run.ToString());
        var port = int.Parse(Assert.Single(run.LastStdoutLine.Split(';'), p => p.StartsWith("Port=", StringComparison.Ordinal))["Port=".Length..]);
        Assert.NotEqual(claimed, port);
        Assert.Equal($"Host=127.0.0.1;Port={port};Database=archive;Username=archive;Password=archive", run.LastStdoutLine);
        Assert.Equal($"postgres: using private server {mine.Data} on 127.0.0.1:{port} (created by this script just now; max_connections 300)",
            Assert.Single(run.StderrLines));
        Assert.True(File.Exists(Path.Combine(mine.Data, "archive-private-server")), "the new data directory is not marked as the script's");
        Assert.Equal("127.0.0.1 300", await ScratchPostgres.Query(port, "select current_setting('listen_addresses') || ' ' || current_setting('max_connections')"));
        Assert.Equal(before, await foreign.Server.State(foreign.Port));
    }

    [Fact]
    public async Task PrivateMode_LaterRuns_ReuseTheServerAndStartItWhenStopped()
    {
        // given a private server the script created
        await using var mine = await ScratchPostgres.Create();
        var port = ScratchPostgres.FreePort();
        var first = await mine.Bash(Script, Private(mine, port));
        Assert.True(first.ExitCode == 0, first.ToString());
        var started = await ScratchPostgres.Query(port, "select pg_postmaster_start_time()");

        // when it runs again, and again after the server was stopped
        var again = await mine.Bash(Script, Private(mine, port: null));
        var stillStarted = await ScratchPostgres.Query(port, "select pg_postmaster_start_time()");
        await mine.Stop();
        var afterStop = await mine.Bash(Script, Private(mine, port: null));

        // then
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(first.LastStdoutLine, again.LastStdoutLine);
        Assert.Equal($"postgres: using private server {mine.Data} on 127.0.0.1:{port} (created by this script earlier; running; max_connections 300)",
            Assert.Single(again.StderrLines));
        Assert.Equal(started, stillStarted);
        Assert.True(afterStop.ExitCode == 0, afterStop.ToString());
        Assert.Equal(first.LastStdoutLine, afterStop.LastStdoutLine);
        Assert.Contains("(created by this script earlier; started it; max_connections 300)", Assert.Single(afterStop.StderrLines));
    }

    [Fact]
    public async Task PrivateMode_DataDirectoryItDidNotCreate_IsRefusedAndLeftStoppedAndUnchanged()
    {
        // given a stopped server's data directory that an administrator made
        await using var theirs = await ScratchPostgres.Create();
        await theirs.InitDb(ScratchPostgres.FreePort(), maxConnections: 20);
        var files = Directory.GetFiles(theirs.Data).Order().Select(f => (f, File.GetLastWriteTimeUtc(f))).ToList();

        // when
        var run = await theirs.Bash(Script, Private(theirs, ScratchPostgres.FreePort()));

        // then
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{theirs.Data} holds a PostgreSQL data directory that this script did not create", run.Stderr);
        Assert.False(theirs.Running, "the script started a server it did not create");
        Assert.Equal(files, Directory.GetFiles(theirs.Data).Order().Select(f => (f, File.GetLastWriteTimeUtc(f))).ToList());
    }

    private static Dictionary<string, string?> Private(ScratchPostgres scratch, int? port) => new()
    {
        ["ARCHIVE_PG_MODE"] = "private",
        ["ARCHIVE_PG_DATA"] = scratch.Data,
        ["ARCHIVE_PG_PORT"] = port?.ToString(),
        ["ARCHIVE_PG_WAIT"] = "20",
    };

    /// <summary>A running server the script did not create, with max_connections 20 and the archive's role.</summary>
    public sealed class ForeignServer : IAsyncLifetime
    {
        public ScratchPostgres Server { get; private set; } = null!;

        public int Port { get; } = ScratchPostgres.FreePort();

        public string ConnectionString => $"Host=127.0.0.1;Port={Port};Database=archive;Username=archive;Password=archive";

        public async ValueTask InitializeAsync()
        {
            Server = await ScratchPostgres.Create();
            await Server.InitDb(Port, maxConnections: 20);
            await Server.Start();
            await Server.CreateArchiveRole(Port);
        }

        public async ValueTask DisposeAsync()
        {
            if (Server is not null) await Server.DisposeAsync();
        }
    }
}
