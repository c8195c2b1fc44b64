using System.Text.Json;
using Archive.Testing;
using Xunit;

namespace Archive.Cli.Tests.Db;

public sealed class DbMigrateCommandTests : IAsyncLifetime
{
    private readonly string _schema = TestDatabase.NewSchema("m");

    [Fact]
    public async Task Migrate_FreshSchemaTwice_CreatesTheArchiveThenChangesNothing()
    {
        // given a schema that does not exist yet
        Assert.Equal(0, await TestDatabase.Scalar("select count(*) from information_schema.schemata where schema_name = @s", ("s", _schema)));

        // when
        var first = await Cli.Run("db", "migrate", "--postgres", TestDatabase.ConnectionString, "--schema", _schema);
        var tables = await Tables();
        var second = await Cli.Run("db", "migrate", "--postgres", TestDatabase.ConnectionString, "--schema", _schema, "--json");

        // then both succeed, print their steps, and the event table refuses updates
        Assert.True(first.Exit == 0, first.Error);
        Assert.Contains($"applied: event store and read models in schema '{_schema}'", first.Output);
        Assert.Contains($"schema '{_schema}' of ", first.Output);
        Assert.Contains("applied: cluster membership tables and queries in schema 'archive_cluster'", first.Output);
        // every query Orleans' membership provider asks for at start-up
        Assert.Equal(10, await TestDatabase.Scalar("select count(*) from archive_cluster.orleansquery where querykey like '%Key'"));
        Assert.Contains("mt_events", tables);
        Assert.Contains("mt_doc_statementview", tables);
        Assert.True(second.Exit == 0, second.Error);
        using var json = JsonDocument.Parse(second.Output);
        Assert.Equal(_schema, json.RootElement.GetProperty("schema").GetString());
        Assert.True(json.RootElement.GetProperty("steps").GetArrayLength() >= 2);
        Assert.Equal(tables, await Tables());
        Assert.True(await TestDatabase.Scalar(
            "select count(*) from information_schema.triggers where event_object_schema = @s and event_object_table = 'mt_events'", ("s", _schema)) > 0);
    }

    [Fact]
    public async Task Migrate_UnreachableDatabase_ExitsOneInOneLine()
    {
        var outcome = await Cli.Run("db", "migrate", "--postgres", $"Host=127.0.0.1;Port={TestDatabase.FreePort()};Username=x;Password=secret-word;Timeout=5",
            "--schema", _schema);

        Assert.Equal(1, outcome.Exit);
        var line = Assert.Single(outcome.ErrorLines);
        Assert.StartsWith($"archive: migrating schema '{_schema}' of ", line);
        Assert.DoesNotContain("secret-word", line);
    }

    private Task<List<string>> Tables() =>
        TestDatabase.Column<string>("select table_name::text from information_schema.tables where table_schema = @s order by 1", ("s", _schema));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await TestDatabase.Scalar($"drop schema if exists {_schema} cascade; select 0");
}
