using System.Text.Json;
using Archive.Cli.Tests.Archive;
using Xunit;

namespace Archive.Cli.Tests.Writing;

/// <summary>A real archive with a speaker, two topics and a source of one sentence a line, all written through the command line.</summary>
public sealed class DecisionsArchive : IAsyncLifetime
{
    public const string Notes =
        "The envoy said the corridor is on schedule.\nThe envoy said the border crossing will reopen next week.\n" +
        "The envoy said trade rose by a tenth last year.\nThe envoy said the new road is finished.\n" +
        "The envoy said the power plant was delayed.\nThe envoy said the rail link needs more money.\n" +
        "The envoy said the talks will continue in autumn.\nThe envoy said the visa rules will be eased.";

    private readonly TempFolder _folder = new();

    public ArchiveHost Host { get; } = new();

    public string SourceId { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        await Host.InitializeAsync();
        await Host.Json("actors", "add", "cli-dec-envoy", "--name", "An Envoy", "--kind", "person");
        await Host.Json("topics", "add", "cli-dec-trade", "--title", "Trade");
        await Host.Json("topics", "add", "cli-dec-roads", "--title", "Roads");
        SourceId = (await Host.Json("sources", "add", _folder.File("notes.txt", Notes), "--title", "Notes")).GetProperty("id").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        _folder.Dispose();
        await Host.DisposeAsync();
    }
}

public sealed class StatementWritesTests(DecisionsArchive given) : IClassFixture<DecisionsArchive>
{
    private static string Line(string what) => $@"^st-[0-9a-f]{{20}}  {what} \(version \d+, position (?<position>\d+)\)\n$";

    private readonly ArchiveHost _archive = given.Host;

    [Fact]
    public async Task Verify_Recorded_PrintsThePositionAtWhichItIsReadBack()
    {
        // given
        var id = await Recorded("the corridor is on schedule");

        // when
        var outcome = await _archive.Run("verify", id, "--method", "source-text-check", "--note", "compared with the notes");

        // then one line with the id and the position, and a read that waits for that position sees the verification
        Assert.Equal((0, ""), (outcome.Exit, outcome.Error));
        var match = System.Text.RegularExpressions.Regex.Match(outcome.Output, Line("verified"));
        Assert.True(match.Success, outcome.Output);
        var statement = await _archive.Json("statements", "show", id, "--min-position", match.Groups["position"].Value);
        Assert.Equal("verified", Text(statement, "status"));
        Assert.Equal("source-text-check", Text(statement.GetProperty("verification"), "method"));
    }

    [Fact]
    public async Task DisputeRetractReinstate_InTurn_EachChangesTheStatus()
    {
        var id = await Recorded("the border crossing will reopen next week");

        var disputed = await _archive.Json("dispute", id, "--reason", "the embassy denies it", "--show");
        var retracted = await _archive.Json("retract", id, "--reason", "the envoy withdrew it", "--show");
        var verifyRetracted = await _archive.Run("verify", id, "--method", "source-text-check");
        var reinstated = await _archive.Json("reinstate", id, "--reason", "the withdrawal was misreported", "--show");

        Assert.Equal("disputed", Text(disputed.GetProperty("statement"), "status"));
        Assert.Equal("retracted", Text(retracted.GetProperty("statement"), "status"));
        Assert.Equal(1, verifyRetracted.Exit);
        Assert.StartsWith($"archive: the archive at {ArchiveHost.Url} answered 409 Conflict: ", Assert.Single(verifyRetracted.ErrorLines));
        Assert.Equal("", verifyRetracted.Output);
        Assert.Equal("disputed", Text(reinstated.GetProperty("statement"), "status"));
        Assert.Equal(id, Text(reinstated.GetProperty("written"), "id"));
    }

    [Fact]
    public async Task LinkAndUnlink_OneRelation_AddsThenRemovesIt()
    {
        var (id, target) = (await Recorded("the new road is finished"), await Recorded("the power plant was delayed"));

        var linked = await _archive.Run("link", id, target, "--relation", "contradicts");
        var shown = await _archive.Json("statements", "show", id);
        var unlinked = await _archive.Run("unlink", id, target, "--relation", "contradicts", "--reason", "they are about different projects");
        var after = await _archive.Json("statements", "show", id);

        Assert.Matches(Line("linked"), linked.Output);
        Assert.Contains(shown.GetProperty("links").EnumerateArray(), l => Text(l, "statementId") == target && Text(l, "relation") == "contradicts");
        Assert.Matches(Line("unlinked"), unlinked.Output);
        Assert.DoesNotContain(after.GetProperty("links").EnumerateArray(), l => Text(l, "statementId") == target && Text(l, "direction") == "outgoing");
    }

    [Fact]
    public async Task FileAndUnfile_ATopic_FiledOnceThenUnfiled()
    {
        var id = await Recorded("trade rose by a tenth last year");

        var filed = await _archive.Run("file", id, "--topic", "cli-dec-trade");
        var again = await _archive.Run("file", id, "--topic", "cli-dec-trade");
        var shown = await _archive.Json("statements", "show", id);
        var unfiled = await _archive.Json("unfile", id, "--topic", "cli-dec-trade", "--reason", "filed under the wrong topic", "--show");

        Assert.Matches(Line("filed"), filed.Output);
        Assert.Matches(Line("already filed"), again.Output);
        Assert.Equal(["cli-dec-trade"], shown.GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
        Assert.Empty(unfiled.GetProperty("statement").GetProperty("topics").EnumerateArray());
    }

    [Fact]
    public async Task Amend_SaidOnAndOccasion_ShowsTheNewRevision()
    {
        var id = await Recorded("the rail link needs more money");

        var outcome = await _archive.Run("amend", id, "--said-on", "2025-02-27", "--occasion", "a radio interview", "--reason", "the interview aired earlier", "--show");

        Assert.Equal((0, ""), (outcome.Exit, outcome.Error));
        // the archive answers an amendment with where the statement stands in its source, which the line shows
        Assert.Matches(@"^st-[0-9a-f]{20}  amended \d+–\d+ “the rail link needs more money” \(version \d+, position \d+\)\n", outcome.Output);
        Assert.Contains("2025-02-27", outcome.Output);
        Assert.Contains("a radio interview", outcome.Output);
    }

    [Fact]
    public async Task Amend_Occurrence_ReselectsTheCurrentQuoteElsewhere()
    {
        // given "The envoy said" recorded from the first line: it begins every line
        var id = (await _archive.Json("record", "--actor", "cli-dec-envoy", "--source", given.SourceId, "--quote", "The envoy said",
            "--span", "0:14", "--said-on", "2025-03-01", "--kind", "reported")).GetProperty("id").GetString()!;
        var third = Nth(DecisionsArchive.Notes, "The envoy said", 3);

        // when the third place is chosen instead
        var amended = await _archive.Json("amend", id, "--occurrence", "3", "--reason", "the paraphrase belongs to the third line", "--show");

        // then the statement keeps its id and quote and takes the new span
        var span = amended.GetProperty("statement").GetProperty("span");
        Assert.Equal((third, third + 14), (span.GetProperty("start").GetInt32(), span.GetProperty("end").GetInt32()));
        Assert.Equal(id, Text(amended.GetProperty("statement"), "id"));
    }

    [Fact]
    public async Task StatementsShow_MinPositionNotReached_ExitsOneOnceTheArchiveGivesUp()
    {
        var id = await Recorded("the talks will continue in autumn");

        var outcome = await _archive.Run("statements", "show", id, "--min-position", $"{long.MaxValue / 2}");

        Assert.Equal(1, outcome.Exit);
        var error = Assert.Single(outcome.ErrorLines);
        Assert.StartsWith($"archive: the archive at {ArchiveHost.Url} answered 503 Service Unavailable: ", error);
        Assert.Contains("minPosition", error);
    }

    [Fact]
    public async Task Verify_UnknownWithJson_PrintsTheArchivesProblemAndOneLine()
    {
        var outcome = await _archive.Run("verify", "st-00000000000000000000", "--method", "source-text-check", "--json");

        Assert.Equal(1, outcome.Exit);
        Assert.Equal($"archive: the archive at {ArchiveHost.Url} answered 404 Not Found: Something the request names does not exist.; " +
                     "id: statement 'st-00000000000000000000' is not recorded", Assert.Single(outcome.ErrorLines));
        using var problem = JsonDocument.Parse(outcome.Output);
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("id", out _));
    }

    /// <summary>Records the envoy's quote from its place in the notes, with its span, and returns the statement's id.</summary>
    private async Task<string> Recorded(string quote)
    {
        var start = DecisionsArchive.Notes.IndexOf(quote, StringComparison.Ordinal);
        var written = await _archive.Json("record", "--actor", "cli-dec-envoy", "--source", given.SourceId, "--quote", quote,
            "--span", $"{start}:{start + quote.Length}", "--said-on", "2025-03-01", "--kind", "reported");
        return written.GetProperty("id").GetString()!;
    }

    private static int Nth(string text, string value, int n)
    {
        var at = -1;
        for (var i = 0; i < n; i++) at = text.IndexOf(value, at + 1, StringComparison.Ordinal);
        return at;
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
