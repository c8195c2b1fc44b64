using System.Text.Json;
using Archive.Cli.Tests.Archive;
using Archive.Domain.Sources;
using Xunit;

namespace Archive.Cli.Tests.Writing;

public sealed class SourcesCommandTests(ArchiveHost archive) : IClassFixture<ArchiveHost>
{
    // an emoji and CJK characters are one code point each (the emoji two UTF-16 units, each CJK character three UTF-8 bytes)
    private const string Mixed = "Line one 😀 ends here\n中文第二行\n\nThe fourth line, after an empty one";

    [Fact]
    public async Task SourcesAdd_NewDocumentThenAgain_PrintsItsIdThenAlreadyRegistered()
    {
        // given a text file
        using var folder = new TempFolder();
        var file = folder.File("briefing.txt", "The spokesperson opened the weekly briefing.\r\nShe took three questions.\r\n");
        var id = SourceText.IdFor(SourceText.Normalise(File.ReadAllText(file)));

        // when it is added twice
        var first = await archive.Run("sources", "add", file, "--title", "Weekly briefing", "--outlet", "The Ministry",
            "--source-url", "https://example.org/briefing", "--published-on", "2025-03-01", "--language", "en");
        var second = await archive.Run("sources", "add", file, "--title", "Weekly briefing", "--outlet", "The Ministry",
            "--source-url", "https://example.org/briefing", "--published-on", "2025-03-01", "--language", "en");

        // then the id comes first on one line, with the position reached; the second time nothing changes
        Assert.Equal((0, ""), (first.Exit, first.Error));
        Assert.Matches($@"^{id}  registered \(version 1, position \d+\)\n$", first.Output);
        Assert.Matches($@"^{id}  already registered \(version 1, position \d+\)\n$", second.Output);
        var shown = await archive.Json("sources", "show", id);
        Assert.Equal(("Weekly briefing", "The Ministry", "https://example.org/briefing", "2025-03-01", "en"),
            (Text(shown, "title"), Text(shown, "outlet"), Text(shown, "url"), Text(shown, "publishedOn"), Text(shown, "language")));
        Assert.Equal("The spokesperson opened the weekly briefing.\nShe took three questions.", Text(shown, "text"));
    }

    [Fact]
    public async Task SourcesAdd_Json_AnswersIdVersionAndPositionWithTheFileNameAsTitle()
    {
        using var folder = new TempFolder();
        var file = folder.File("press-note.txt", "A press note of the ministry, dated the first of March.");

        var written = await archive.Json("sources", "add", file);
        var shown = await archive.Json("sources", "show", Text(written, "id"), "--min-position", $"{written.GetProperty("position").GetInt64()}");

        Assert.Equal(1, written.GetProperty("version").GetInt64());
        Assert.True(written.GetProperty("position").GetInt64() > 0);
        Assert.Equal("press-note", Text(shown, "title"));
    }

    [Fact]
    public async Task SourcesAdd_SameTextOtherDetails_ExitsOneNamingTheCorrection()
    {
        using var folder = new TempFolder();
        var file = folder.File("statement.txt", "The foreign office issued a short statement on the talks.");
        var id = Text(await archive.Json("sources", "add", file, "--title", "Statement"), "id");

        var outcome = await archive.Run("sources", "add", file, "--title", "Another title");

        Assert.Equal(1, outcome.Exit);
        var error = Assert.Single(outcome.ErrorLines);
        Assert.StartsWith($"archive: the archive at {ArchiveHost.Url} answered 409 Conflict: ", error);
        Assert.Contains("title", error);
        Assert.EndsWith($"; to change the description the archive holds: archive sources correct {id} --reason …", error);
        Assert.Equal("", outcome.Output);
    }

    [Theory]
    [InlineData("page.html", "<html><head><title>Briefing</title></head><body><nav>Home</nav><p>The minister spoke.</p></body></html>")]
    [InlineData("page.txt", "<!DOCTYPE html><html><head><title>Briefing</title></head><body><p>The minister spoke.</p></body></html>")]
    public async Task SourcesAdd_HtmlPage_RegistersItsMainTextUnlessAsText(string name, string content)
    {
        using var folder = new TempFolder();
        var file = folder.File(name, content);

        var page = await archive.Run("sources", "add", file);
        var asText = await archive.Run("sources", "add", file, "--as-text");

        Assert.Equal((0, 0), (page.Exit, asText.Exit));
        var source = await archive.Json("sources", "show", page.Output.Split(' ')[0].Trim());
        Assert.Equal(("The minister spoke.", "Briefing"), (source.GetProperty("text").GetString(), source.GetProperty("title").GetString()));
        var markup = await archive.Json("sources", "show", asText.Output.Split(' ')[0].Trim());
        Assert.Equal(content, markup.GetProperty("text").GetString());
    }

    [Fact]
    public async Task SourcesAdd_MissingOrNotUtf8_ExitsTwoOrOneInOneLine()
    {
        using var folder = new TempFolder();
        var latin1 = folder.File("latin1.txt");
        await File.WriteAllBytesAsync(latin1, [0x43, 0x61, 0x66, 0xE9], TestContext.Current.CancellationToken);

        var missing = await archive.Run("sources", "add", folder.File("missing.txt"));
        var notUtf8 = await archive.Run("sources", "add", latin1);

        Assert.Equal(2, missing.Exit);
        Assert.Equal($"archive: {folder.File("missing.txt")} does not exist", Assert.Single(missing.ErrorLines));
        Assert.Equal(1, notUtf8.Exit);
        Assert.Equal($"archive: {latin1} is not UTF-8 text; convert it first (e.g. iconv -t UTF-8)", Assert.Single(notUtf8.ErrorLines));
    }

    [Fact]
    public async Task SourcesShow_Offsets_CountEmojiAndCjkAsOneCodePoint()
    {
        // given a text with an emoji on its first line and CJK on its second
        using var folder = new TempFolder();
        var id = Text(await archive.Json("sources", "add", folder.File("mixed.txt", Mixed), "--title", "Mixed scripts"), "id");

        // when
        var outcome = await archive.Run("sources", "show", id, "--offsets");

        // then every line starts with the code-point offset of its first character
        Assert.Equal((0, ""), (outcome.Exit, outcome.Error));
        var text = outcome.Output.Split('\n')[^5..^1];
        Assert.Equal([" 0  Line one 😀 ends here", "21  中文第二行", "27", "28  The fourth line, after an empty one"], text);
        // and those are the archive's offsets: a span taken from them holds exactly the characters shown
        await archive.Json("actors", "add", "cli-offsets-speaker", "--name", "A Speaker", "--kind", "person");
        Assert.Equal("中文", await RecordedQuote(id, "中文", "21:23"));
        Assert.Equal("😀 ends", await RecordedQuote(id, "😀 ends", "9:15"));
    }

    [Fact]
    public async Task SourcesShow_OffsetsJson_ListsEachLineWithItsOffset()
    {
        using var folder = new TempFolder();
        var id = Text(await archive.Json("sources", "add", folder.File("mixed-json.txt", Mixed + "."), "--title", "Mixed scripts"), "id");

        var shown = await archive.Json("sources", "show", id, "--offsets");

        var lines = shown.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("offset").GetInt32(), Text(l, "text"))).ToArray();
        Assert.Equal([(0, "Line one 😀 ends here"), (21, "中文第二行"), (27, ""), (28, "The fourth line, after an empty one.")], lines);
        Assert.Equal(Mixed + ".", Text(shown, "text"));
    }

    [Fact]
    public async Task SourcesShow_Unknown_ExitsOneWithTheArchivesReason()
    {
        var outcome = await archive.Run("sources", "show", "src-00000000000000000000", "--offsets");

        Assert.Equal(1, outcome.Exit);
        Assert.Equal($"archive: the archive at {ArchiveHost.Url} answered 404 Not Found: Something the request names does not exist.; " +
                     "id: source 'src-00000000000000000000' is not registered", Assert.Single(outcome.ErrorLines));
    }

    [Fact]
    public async Task SourcesCorrect_Title_IsReadBackAtItsPosition()
    {
        // given a registered source
        using var folder = new TempFolder();
        var id = Text(await archive.Json("sources", "add", folder.File("to-correct.txt", "A communiqué with a misspelt title."), "--title", "Comunique"), "id");

        // when its title is corrected
        var corrected = await archive.Run("sources", "correct", id, "--title", "Communiqué", "--reason", "the title was misspelt");
        var position = corrected.Output.Split("position ")[^1].TrimEnd(')', '\n');
        var shown = await archive.Json("sources", "show", id, "--min-position", position);

        // then the correction answers like any write and is read back at once
        Assert.Equal((0, ""), (corrected.Exit, corrected.Error));
        Assert.Matches($@"^{id}  corrected \(version 2, position \d+\)\n$", corrected.Output);
        Assert.Equal("Communiqué", Text(shown, "title"));
    }

    private async Task<string> RecordedQuote(string sourceId, string quote, string span)
    {
        var recorded = await archive.Json("record", "--actor", "cli-offsets-speaker", "--source", sourceId, "--quote", quote, "--span", span,
            "--said-on", "2025-03-01");
        return Text(await archive.Json("statements", "show", Text(recorded, "id")), "quote");
    }

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
