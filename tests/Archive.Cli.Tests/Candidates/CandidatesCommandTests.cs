using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Archive.Cli.Tests.Archive;
using Xunit;

namespace Archive.Cli.Tests.Candidates;

/// <summary>A real archive with two actors and one news report (written for this test) registered through the API.</summary>
public sealed class ReportArchive : IAsyncLifetime
{
    public const string Report = """
        PORT LIRA, June 2 – Selland will reopen the Kell crossing to freight at the end of the month.

        "We have listened to the hauliers, and we are ready to act," Tomas Brandt, the foreign minister of Selland, told reporters on Monday.

        "This is good news for the people on both banks of the river," said Irena Volk, the spokesperson of the Marovian foreign ministry.

        "The queues will be gone within a week," said Karl Esser, who drives a lorry between the two capitals.
        """;

    public ArchiveHost Host { get; } = new();
    public string SourceId { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        await Host.InitializeAsync();
        using var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ArchiveHost.Key);
        foreach (var actor in new object[]
                 {
                     new { id = "tomas-brandt", name = "Tomas Brandt", kind = "person", country = "XS" },
                     new { id = "irena-volk", name = "Irena Volk", kind = "person", country = "XM" },
                 })
            (await client.PostAsJsonAsync("/api/actors", actor)).EnsureSuccessStatusCode();
        using var source = await client.PostAsJsonAsync("/api/sources", new { title = "Kell crossing to reopen", text = Report, publishedOn = "2026-06-02" });
        source.EnsureSuccessStatusCode();
        SourceId = (await source.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

public sealed class CandidatesCommandTests(ReportArchive archive) : IClassFixture<ReportArchive>
{
    private readonly ArchiveHost _host = archive.Host;

    private async Task<JsonElement[]> Items(params string[] extra) =>
        (await _host.Json(["candidates", archive.SourceId, .. extra])).GetProperty("items").EnumerateArray().ToArray();

    private static int IndexOf(JsonElement[] items, Func<JsonElement, bool> which) => items.Single(which).GetProperty("index").GetInt32();

    private static string? Speaker(JsonElement c) => c.GetProperty("speaker").TryGetProperty("actorId", out var id) ? id.GetString() : null;

    [Fact]
    public async Task Candidates_Table_NumbersEachCandidateWithItsSpeaker()
    {
        var outcome = await _host.Run("candidates", archive.SourceId, "--recorded");

        Assert.Equal(0, outcome.Exit);
        var lines = outcome.Output.Split('\n');
        Assert.Contains(lines, l => l.Contains(" tomas-brandt ") && l.Contains("2026-06-01") && l.Contains("We have listened"));
        Assert.Contains(lines, l => l.Contains("? Karl Esser"));
        Assert.Contains("archive candidates SOURCE --accept N", outcome.Output);
    }

    [Fact]
    public async Task Candidates_Json_IsTheArchivesListWithIndices()
    {
        var list = await _host.Json("candidates", archive.SourceId, "--recorded");

        Assert.Equal("rules-13", list.GetProperty("extractorVersion").GetString());
        var items = list.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(Enumerable.Range(0, items.Length), items.Select(i => i.GetProperty("index").GetInt32()));
        Assert.Contains(items, i => Speaker(i) == "irena-volk" && i.GetProperty("quoteKind").GetString() == "direct");
    }

    [Fact]
    public async Task CandidatesAccept_RecordsEachOnceAndReportsTheOneWithoutASpeaker()
    {
        var items = await Items("--recorded");
        var brandt = IndexOf(items, i => Speaker(i) == "tomas-brandt");
        var esser = IndexOf(items, i => i.GetProperty("speaker").GetProperty("mention").GetString() == "Karl Esser");

        // when the archivist accepts a resolved candidate and an unresolved one
        var first = await _host.Run("candidates", archive.SourceId, "--accept", brandt.ToString(), esser.ToString());

        // then the first is recorded, the second refused with the reason, and the exit code says not all went
        Assert.Equal(1, first.Exit);
        Assert.Contains($"#{brandt}: recorded as st-", first.Output);
        Assert.Contains($"#{esser}: refused: 400", first.Output);
        Assert.Contains("actorId", first.Output);
        // and accepting it again records nothing; the list marks it
        var events = await _host.EventCount();
        var again = await _host.Json("candidates", archive.SourceId, "--accept", brandt.ToString());
        Assert.Equal("already recorded", again[0].GetProperty("outcome").GetString());
        Assert.Equal(events, await _host.EventCount());
        var id = again[0].GetProperty("id").GetString();
        Assert.Equal(id, (await Items("--recorded")).Single(i => i.GetProperty("index").GetInt32() == brandt).GetProperty("recordedStatementId").GetString());
        Assert.DoesNotContain(await Items(), i => i.GetProperty("index").GetInt32() == brandt);
    }

    [Fact]
    public async Task CandidatesAccept_EditedSpeaker_IsRecordedAsEdited()
    {
        var items = await Items("--recorded");
        var volk = IndexOf(items, i => Speaker(i) == "irena-volk");

        var accepted = await _host.Json("candidates", archive.SourceId, "--accept", volk.ToString(), "--actor", "tomas-brandt", "--said-on", "2026-06-01");

        Assert.Equal(201, accepted[0].GetProperty("status").GetInt32());
        var show = await _host.Json("statements", "show", accepted[0].GetProperty("id").GetString()!);
        Assert.Equal(("tomas-brandt", "2026-06-01"), (show.GetProperty("actorId").GetString(), show.GetProperty("saidOn").GetString()));
    }

    [Theory]
    [InlineData("--actor", "lin-jian")]
    [InlineData("--accept", "-1")]
    public async Task Candidates_EditWithoutAcceptOrNegativeNumber_IsAUsageError(string option, string value)
    {
        var outcome = await _host.Run("candidates", archive.SourceId, option, value);

        Assert.Equal(2, outcome.Exit);
        Assert.StartsWith("archive: ", outcome.Error);
    }
}
