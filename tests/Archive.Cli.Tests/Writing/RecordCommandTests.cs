using System.Text.Json;
using Archive.Cli.Tests.Archive;
using Xunit;

namespace Archive.Cli.Tests.Writing;

/// <summary>A real archive with a speaker, a co-speaker, a topic and a briefing, all written through the command line.</summary>
public sealed class RecordingArchive : IAsyncLifetime
{
    public const string Briefing =
        "The minister said the port will open in spring. Asked again, she said the port will open in spring, weather permitting.\n" +
        "A spokesperson called the talks \u201cconstructive\u201d and \u2014 in his words \u2014 \u201clong overdue\u201d.\n" +
        "The port will open in spring, the ministry's statement repeated.";

    private readonly TempFolder _folder = new();

    public ArchiveHost Host { get; } = new();

    public string SourceId { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        await Host.InitializeAsync();
        await Host.Json("actors", "add", "cli-rec-minister", "--name", "A Minister", "--kind", "person", "--country", "PK");
        await Host.Json("actors", "add", "cli-rec-envoy", "--name", "An Envoy", "--kind", "person");
        await Host.Json("topics", "add", "cli-rec-ports", "--title", "Ports");
        SourceId = (await Host.Json("sources", "add", _folder.File("briefing.txt", Briefing), "--language", "en")).GetProperty("id").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        _folder.Dispose();
        await Host.DisposeAsync();
    }
}

public sealed class RecordCommandTests(RecordingArchive given) : IClassFixture<RecordingArchive>
{
    private const string Twice = "the port will open in spring";
    private readonly ArchiveHost _archive = given.Host;

    private static readonly int FirstStart = RecordingArchive.Briefing.IndexOf(Twice, StringComparison.Ordinal);
    private static readonly int SecondStart = RecordingArchive.Briefing.IndexOf(Twice, FirstStart + 1, StringComparison.Ordinal);

    private string[] Record(string quote, params string[] more) => RecordBy("cli-rec-minister", quote, more);

    private string[] RecordBy(string actor, string quote, params string[] more) =>
        ["record", "--actor", actor, "--source", given.SourceId, "--quote", quote, "--said-on", "2025-03-01", .. more];

    [Fact]
    public async Task Record_QuoteOccursOnce_RecordsTheSourcesOwnCharactersWhereItFoundThem()
    {
        // given a quote typed with straight quote marks and hyphens, which the source prints curly and with em dashes
        const string typed = "called the talks \"constructive\" and - in his words - \"long overdue\"";
        var start = RecordingArchive.Briefing.IndexOf("called", StringComparison.Ordinal);
        var end = RecordingArchive.Briefing.IndexOf("overdue\u201d", StringComparison.Ordinal) + 8;

        // when it is recorded without a span
        var outcome = await _archive.Run(Record(typed, "--kind", "reported"));

        // then the archive found it, and the line shows the span and the source's characters
        Assert.Equal((0, ""), (outcome.Exit, outcome.Error));
        Assert.Matches($@"^st-[0-9a-f]{{20}}  recorded {start}–{end} “{RecordingArchive.Briefing[start..end]}” \(version \d+, position \d+\)\n$", outcome.Output);
    }

    [Fact]
    public async Task Record_Again_AnswersAlreadyRecordedWithTheSameId()
    {
        var span = $"{FirstStart}:{FirstStart + Twice.Length}";

        var first = await _archive.Json(Record(Twice, "--span", span, "--occasion", "a press conference"));
        var again = await _archive.Run(Record(Twice, "--span", span, "--occasion", "a press conference"));

        Assert.Equal(0, again.Exit);
        Assert.StartsWith($"{first.GetProperty("id").GetString()}  already recorded ", again.Output);
        Assert.Contains($"(version {first.GetProperty("version").GetInt64()}, ", again.Output);
    }

    [Fact]
    public async Task Record_QuoteOccursTwice_ListsEachOccurrenceAndRecordsNothing()
    {
        var events = await _archive.EventCount();

        var outcome = await _archive.Run(RecordBy("cli-rec-envoy", Twice));

        Assert.Equal(1, outcome.Exit);
        Assert.Equal($"archive: the quote occurs 2 times in source {given.SourceId}: choose one with --occurrence N (1 to 2) or --span START:END",
            Assert.Single(outcome.ErrorLines));
        var lines = outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"1. {FirstStart}–{FirstStart + Twice.Length}  “The minister said the port will open in spring.", lines[0]);
        Assert.StartsWith($"2. {SecondStart}–{SecondStart + Twice.Length}  “…", lines[1]);
        Assert.Contains("weather permitting", lines[1]);
        Assert.Equal(events, await _archive.EventCount());
    }

    [Fact]
    public async Task Record_OccurrenceTwo_RecordsTheSecondPlace()
    {
        var written = await _archive.Json(Record(Twice, "--occurrence", "2", "--kind", "reported"));

        var statement = await _archive.Json("statements", "show", written.GetProperty("id").GetString()!);
        Assert.Equal(SecondStart, statement.GetProperty("span").GetProperty("start").GetInt32());
        Assert.Equal("reported", statement.GetProperty("quoteKind").GetString());
    }

    [Fact]
    public async Task Record_SpanOfTheFirstOccurrence_RecordsThatOne()
    {
        var written = await _archive.Json(RecordBy("cli-rec-envoy", Twice, "--span", $"{FirstStart}–{FirstStart + Twice.Length}"));

        var statement = await _archive.Json("statements", "show", written.GetProperty("id").GetString()!);
        Assert.Equal((FirstStart, FirstStart + Twice.Length),
            (statement.GetProperty("span").GetProperty("start").GetInt32(), statement.GetProperty("span").GetProperty("end").GetInt32()));
        Assert.Equal("cli-rec-envoy", statement.GetProperty("actorId").GetString());
    }

    [Fact]
    public async Task Record_QuoteNotInTheSource_ExitsOneNamingTheClosestPassagesSpan()
    {
        var outcome = await _archive.Run(Record("the ministry's statement repeated it"));

        Assert.Equal(1, outcome.Exit);
        var error = Assert.Single(outcome.ErrorLines);
        Assert.StartsWith($"archive: the archive at {ArchiveHost.Url} answered 400 Bad Request: ", error);
        Assert.Matches(@"; to take the closest passage, send --span \d+:\d+$", error);
        Assert.Equal("", outcome.Output);
    }

    [Fact]
    public async Task Record_ShowWithJson_ReadsTheStatementAtTheWritesPosition()
    {
        var start = RecordingArchive.Briefing.IndexOf("weather permitting", StringComparison.Ordinal);

        var both = await _archive.Json(Record("weather permitting", "--span", $"{start}:{start + 18}", "--topic", "cli-rec-ports", "--show"));
        var table = await _archive.Run(Record("weather permitting", "--span", $"{start}:{start + 18}", "--topic", "cli-rec-ports", "--show"));

        var (written, statement) = (both.GetProperty("written"), both.GetProperty("statement"));
        Assert.Equal(written.GetProperty("id").GetString(), statement.GetProperty("id").GetString());
        Assert.True(written.GetProperty("position").GetInt64() > 0);
        Assert.Equal(["cli-rec-ports"], statement.GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(0, table.Exit);
        Assert.StartsWith($"{written.GetProperty("id").GetString()}  already recorded", table.Output);
        Assert.Contains("weather permitting", table.Output.Split('\n').Single(l => l.Contains("quote")));
    }

    [Fact]
    public async Task Record_JointWithCoSpeaker_NamesThemBoth()
    {
        var start = RecordingArchive.Briefing.IndexOf("The port will open", StringComparison.Ordinal);

        var written = await _archive.Json(Record("The port will open in spring", "--span", $"{start}:{start + 28}", "--kind", "joint",
            "--co-speaker", "cli-rec-envoy", "--occasion", "a joint statement"));

        var statement = await _archive.Json("statements", "show", written.GetProperty("id").GetString()!);
        Assert.Equal("joint", statement.GetProperty("quoteKind").GetString());
        Assert.Equal(["cli-rec-envoy"], statement.GetProperty("coSpeakers").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("a joint statement", statement.GetProperty("occasion").GetString());
    }

    [Fact]
    public async Task Record_UnknownActor_ExitsOneWithTheArchivesReason()
    {
        var outcome = await _archive.Run(RecordBy("cli-rec-nobody", Twice, "--span", $"{FirstStart}:{FirstStart + Twice.Length}"));

        Assert.Equal(1, outcome.Exit);
        var error = Assert.Single(outcome.ErrorLines);
        Assert.StartsWith($"archive: the archive at {ArchiveHost.Url} answered 404 Not Found: ", error);
        Assert.Contains("cli-rec-nobody", error);
        Assert.Equal("", outcome.Output);
    }
}
