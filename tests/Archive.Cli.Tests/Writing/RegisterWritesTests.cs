using System.Text.Json;
using Archive.Cli.Tests.Archive;
using Xunit;

namespace Archive.Cli.Tests.Writing;

public sealed class RegisterWritesTests(ArchiveHost archive) : IClassFixture<ArchiveHost>
{
    [Fact]
    public async Task ActorsAdd_NewThenAgain_RegisteredThenAlreadyRegistered()
    {
        // given nothing about this actor

        // when it is added twice, as a table and as JSON
        var first = await archive.Run("actors", "add", "cli-reg-dar", "--name", "A Deputy", "--kind", "person", "--country", "PK",
            "--alias", "The Deputy", "--alias", "Deputy PM");
        var again = await archive.Json("actors", "add", "cli-reg-dar", "--name", "A Deputy", "--kind", "person", "--country", "PK",
            "--alias", "The Deputy", "--alias", "Deputy PM");

        // then
        Assert.Equal((0, ""), (first.Exit, first.Error));
        Assert.Matches(@"^cli-reg-dar  registered \(version 1, position \d+\)\n$", first.Output);
        Assert.Equal(("cli-reg-dar", 1), (again.GetProperty("id").GetString(), again.GetProperty("version").GetInt32()));
        var actor = (await archive.Json("actors", "show", "cli-reg-dar")).GetProperty("actor");
        Assert.Equal(["The Deputy", "Deputy PM"], actor.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task ActorsAdd_InvalidId_ExitsOneWithTheArchivesReason()
    {
        var outcome = await archive.Run("actors", "add", "Not A Slug", "--name", "Someone", "--kind", "person");

        Assert.Equal(1, outcome.Exit);
        var error = Assert.Single(outcome.ErrorLines);
        Assert.StartsWith($"archive: the archive at {ArchiveHost.Url} answered 400 Bad Request: The request is invalid.; id: ", error);
        Assert.Equal("", outcome.Output);
    }

    [Fact]
    public async Task ActorsRoleAndAlias_Added_AppearInTheProfile()
    {
        await archive.Json("actors", "add", "cli-reg-envoy", "--name", "An Envoy", "--kind", "person");

        var role = await archive.Run("actors", "role", "cli-reg-envoy", "--role", "ambassador", "--organisation", "The Embassy", "--from", "2023-05-01");
        var ended = await archive.Json("actors", "role", "cli-reg-envoy", "--role", "ambassador", "--organisation", "The Embassy",
            "--from", "2023-05-01", "--to", "2025-01-31");
        var alias = await archive.Run("actors", "alias", "cli-reg-envoy", "Ambassador Envoy");
        var actor = (await archive.Json("actors", "show", "cli-reg-envoy", "--min-position", $"{ended.GetProperty("position").GetInt64()}")).GetProperty("actor");

        Assert.Matches(@"^cli-reg-envoy  role assigned \(version 2, position \d+\)\n$", role.Output);
        Assert.Matches(@"^cli-reg-envoy  alias added \(version 4, position \d+\)\n$", alias.Output);
        Assert.Contains(actor.GetProperty("roles").EnumerateArray(), r => r.GetProperty("role").GetString() == "ambassador"
            && r.GetProperty("organisation").GetString() == "The Embassy" && r.GetProperty("to").GetString() == "2025-01-31");
        Assert.Contains("Ambassador Envoy", actor.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task TopicsAdd_WithParent_OpensItOnceUnderTheParent()
    {
        await archive.Json("topics", "add", "cli-reg-corridor", "--title", "The corridor");

        var opened = await archive.Run("topics", "add", "cli-reg-corridor-roads", "--title", "Roads", "--description", "Roads of the corridor",
            "--parent", "cli-reg-corridor");
        var again = await archive.Run("topics", "add", "cli-reg-corridor-roads", "--title", "Roads", "--description", "Roads of the corridor",
            "--parent", "cli-reg-corridor");
        var topic = (await archive.Json("topics", "show", "cli-reg-corridor-roads")).GetProperty("topic");

        Assert.Matches(@"^cli-reg-corridor-roads  opened \(version 1, position \d+\)\n$", opened.Output);
        Assert.Matches(@"^cli-reg-corridor-roads  already open \(version 1, position \d+\)\n$", again.Output);
        Assert.Equal(("cli-reg-corridor", "Roads of the corridor"), (topic.GetProperty("parentId").GetString(), topic.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task TopicsRenameAndMerge_InTurn_RetitleThenRedirectTheTopic()
    {
        await archive.Json("topics", "add", "cli-reg-ports", "--title", "Ports");
        await archive.Json("topics", "add", "cli-reg-harbours", "--title", "Harbors");

        var renamed = await archive.Run("topics", "rename", "cli-reg-harbours", "Harbours");
        var merged = await archive.Json("topics", "merge", "cli-reg-harbours", "--into", "cli-reg-ports", "--reason", "one topic for both");
        var topic = (await archive.Json("topics", "show", "cli-reg-harbours", "--min-position", $"{merged.GetProperty("position").GetInt64()}"))
            .GetProperty("topic");
        var renameMerged = await archive.Run("topics", "rename", "cli-reg-harbours", "Harbours and ports");

        Assert.Matches(@"^cli-reg-harbours  renamed \(version 2, position \d+\)\n$", renamed.Output);
        Assert.Equal(("Harbours", "cli-reg-ports"), (topic.GetProperty("title").GetString(), topic.GetProperty("mergedInto").GetString()));
        Assert.Equal(1, renameMerged.Exit);
        var error = Assert.Single(renameMerged.ErrorLines);
        Assert.StartsWith($"archive: the archive at {ArchiveHost.Url} answered 409 Conflict: ", error);
        Assert.Contains("cli-reg-ports", error);
    }
}
