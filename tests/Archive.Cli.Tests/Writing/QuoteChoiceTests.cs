using System.Net;
using System.Text.Json;
using Xunit;

namespace Archive.Cli.Tests.Writing;

/// <summary>
/// How `record` and `amend` answer the archive's contract for a quote sent without a span (409 listing its occurrences, 400 naming the
/// closest passage, the locate endpoint), against a stand-in that answers exactly that contract.
/// </summary>
public sealed class QuoteChoiceTests
{
    private const string Url = "http://archive.test";
    private const string Source = "src-00000000000000000001";
    private const string Quote = "the port will open in spring";
    private const string Text = "Officials said the port will open in spring. 🚢 Later, the port will open in spring was repeated by the minister.";

    // code points, as the archive counts: the ship before the second occurrence is one
    private static readonly (int Start, int End) First = Span(Text.IndexOf(Quote, StringComparison.Ordinal));
    private static readonly (int Start, int End) Second = Span(Text.IndexOf(Quote, 20, StringComparison.Ordinal));

    private static readonly string Occurrences = $$$"""[{"span":{"start":{{{First.Start}}},"end":{{{First.End}}}},"text":"{{{Quote}}}"},{"span":{"start":{{{Second.Start}}},"end":{{{Second.End}}}},"text":"{{{Quote}}}"}]""";

    // the archive's refusal of an ambiguous quote, with or without the occurrences it found
    private static string Conflict(bool listed) => (listed ? $$$"""{"occurrences":{{{Occurrences}}},""" : "{") + $$$"""
        "title":"The request conflicts with the archive's record.","status":409,
         "detail":"quote: occurs 2 times in the source (at {{{First.Start}}}–{{{First.End}}}, {{{Second.Start}}}–{{{Second.End}}}); send the span of the one you mean",
         "errors":{"quote":["occurs 2 times in the source"]}}
        """;

    private static readonly string SourceView = JsonSerializer.Serialize(new { id = Source, title = "A briefing", text = Text });

    private static readonly string[] Record = ["record", "--actor", "a-minister", "--source", Source, "--quote", Quote, "--said-on", "2025-03-01", "--url", Url];

    [Fact]
    public async Task Record_QuoteOccursTwice_ListsEachOccurrenceInContextAndExitsOne()
    {
        // given an archive that refuses the quote as ambiguous, listing where it occurs
        var archive = new RoutedStub()
            .On("POST /api/statements", HttpStatusCode.Conflict, Conflict(listed: true))
            .On($"GET /api/sources/{Source}", HttpStatusCode.OK, SourceView);

        // when
        var outcome = await Cli.Run(archive, Record);

        // then each occurrence is on its own line with its context, the error says how to choose, and no span was sent
        Assert.Equal(1, outcome.Exit);
        Assert.Equal($"archive: the quote occurs 2 times in source {Source}: choose one with --occurrence N (1 to 2) or --span START:END",
            Assert.Single(outcome.ErrorLines));
        var lines = outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches($"^1\\. {First.Start}–{First.End}  “Officials said {Quote}\\. 🚢 Later, .*…”$", lines[0]);
        Assert.Matches($"^2\\. {Second.Start}–{Second.End}  “….*{Quote} was repeated by the minister\\.”$", lines[1]);
        using var sent = JsonDocument.Parse(archive.Requests[0].Body!);
        Assert.False(sent.RootElement.TryGetProperty("span", out _));
    }

    [Fact]
    public async Task Record_RefusalListsNoOccurrences_AsksTheArchiveWhereTheQuoteIs()
    {
        var archive = new RoutedStub()
            .On("POST /api/statements", HttpStatusCode.Conflict, Conflict(listed: false))
            .On($"POST /api/sources/{Source}/locate", HttpStatusCode.OK, $$$"""{"items":{{{Occurrences}}}}""")
            .On($"GET /api/sources/{Source}", HttpStatusCode.OK, SourceView);

        var outcome = await Cli.Run(archive, Record);

        Assert.Equal(1, outcome.Exit);
        Assert.StartsWith("archive: the quote occurs 2 times", Assert.Single(outcome.ErrorLines));
        Assert.Equal(2, outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var locate = Assert.Single(archive.Requests, r => r.Route.EndsWith("/locate"));
        Assert.Equal(Quote, JsonDocument.Parse(locate.Body!).RootElement.GetProperty("quote").GetString());
    }

    [Fact]
    public async Task Record_Occurrence_LocatesTheQuoteAndSendsTheChosenSpan()
    {
        var archive = new RoutedStub()
            .On($"POST /api/sources/{Source}/locate", HttpStatusCode.OK, $$$"""{"items":{{{Occurrences}}}}""")
            .On("POST /api/statements", HttpStatusCode.Created,
                $$$"""{"id":"st-00000000000000000002","version":3,"position":41,"span":{"start":{{{Second.Start}}},"end":{{{Second.End}}}},"quote":"{{{Quote}}}"}""");

        var outcome = await Cli.Run(archive, [.. Record, "--occurrence", "2"]);

        Assert.Equal(0, outcome.Exit);
        Assert.Equal($"st-00000000000000000002  recorded {Second.Start}–{Second.End} “{Quote}” (version 3, position 41)\n", outcome.Output);
        var record = Assert.Single(archive.Requests, r => r.Route == "POST /api/statements");
        var span = JsonDocument.Parse(record.Body!).RootElement.GetProperty("span");
        Assert.Equal(Second, (span.GetProperty("start").GetInt32(), span.GetProperty("end").GetInt32()));
    }

    [Fact]
    public async Task Record_OccurrenceBeyondTheCount_ListsThemAndRecordsNothing()
    {
        var archive = new RoutedStub()
            .On($"POST /api/sources/{Source}/locate", HttpStatusCode.OK, $$$"""{"items":{{{Occurrences}}}}""")
            .On($"GET /api/sources/{Source}", HttpStatusCode.OK, SourceView);

        var outcome = await Cli.Run(archive, [.. Record, "--occurrence", "3"]);

        Assert.Equal(1, outcome.Exit);
        Assert.Equal($"archive: --occurrence 3: the quote occurs 2 times in source {Source}", Assert.Single(outcome.ErrorLines));
        Assert.Equal(2, outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain(archive.Requests, r => r.Route == "POST /api/statements");
    }

    [Fact]
    public async Task Record_AmbiguousWithJson_PrintsTheOccurrencesAsJson()
    {
        var archive = new RoutedStub().On("POST /api/statements", HttpStatusCode.Conflict, Conflict(listed: true));

        var outcome = await Cli.Run(archive, [.. Record, "--json"]);

        Assert.Equal(1, outcome.Exit);
        Assert.Single(outcome.ErrorLines);
        using var json = JsonDocument.Parse(outcome.Output);
        Assert.Equal(Source, json.RootElement.GetProperty("sourceId").GetString());
        var spans = json.RootElement.GetProperty("occurrences").EnumerateArray()
            .Select(o => (o.GetProperty("span").GetProperty("start").GetInt32(), o.GetProperty("span").GetProperty("end").GetInt32()));
        Assert.Equal([First, Second], spans);
    }

    [Fact]
    public async Task Record_QuoteNotInTheSource_NamesTheClosestPassagesSpan()
    {
        var archive = new RoutedStub().On("POST /api/statements", HttpStatusCode.BadRequest, $$$"""
            {"title":"The request is invalid.","status":400,"detail":"quote: not found in the source; the closest passage is “{{{Quote}}}” at {{{First.Start}}}–{{{First.End}}}",
             "errors":{"quote":["not found in the source"]},"closest":{"span":{"start":{{{First.Start}}},"end":{{{First.End}}}},"text":"{{{Quote}}}"}}
            """);

        var outcome = await Cli.Run(archive, ["record", "--actor", "a-minister", "--source", Source, "--quote", "the port opens in spring", "--url", Url]);

        Assert.Equal(1, outcome.Exit);
        var error = Assert.Single(outcome.ErrorLines);
        Assert.StartsWith($"archive: the archive at {Url} answered 400 Bad Request: The request is invalid.; quote: not found in the source", error);
        Assert.EndsWith($"; to take the closest passage, send --span {First.Start}:{First.End}", error);
        Assert.Equal("", outcome.Output);
    }

    [Fact]
    public async Task Amend_NewQuoteOccursTwice_ListsTheOccurrencesInTheStatementsSource()
    {
        var archive = new RoutedStub()
            .On("POST /api/statements/st-00000000000000000003/amend", HttpStatusCode.Conflict, Conflict(listed: true))
            .On("GET /api/statements/st-00000000000000000003", HttpStatusCode.OK, $$$"""{"id":"st-00000000000000000003","sourceId":"{{{Source}}}","quote":"Officials"}""")
            .On($"GET /api/sources/{Source}", HttpStatusCode.OK, SourceView);

        var outcome = await Cli.Run(archive, ["amend", "st-00000000000000000003", "--quote", Quote, "--reason", "the quote was cut short", "--url", Url]);

        Assert.Equal(1, outcome.Exit);
        Assert.Equal($"archive: the quote occurs 2 times in source {Source}: choose one with --occurrence N (1 to 2) or --span START:END",
            Assert.Single(outcome.ErrorLines));
        Assert.Matches($"(?m)^1\\. {First.Start}–{First.End}  “", outcome.Output);
        Assert.Matches($"(?m)^2\\. {Second.Start}–{Second.End}  “", outcome.Output);
    }

    private static (int Start, int End) Span(int utf16Index)
    {
        var start = Text[..utf16Index].EnumerateRunes().Count();
        return (start, start + Quote.Length);
    }
}
