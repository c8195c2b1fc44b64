using System.Text.Json;
using Xunit;
using static Archive.Audit.Tests.Bundles;

namespace Archive.Cli.Tests.Audit;

public sealed class VerifyBundleCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Bundle(IEnumerable<string> lines) => _folder.File("bundle.ndjson", Text(lines));

    [Fact]
    public async Task VerifyBundle_ValidBundle_ExitsZeroWithSummary()
    {
        var outcome = await Cli.Run("audit", "verify-bundle", Bundle(Lines()));

        Assert.Equal(0, outcome.Exit);
        Assert.Equal("", outcome.Error);
        var row = outcome.Output.Split('\n').Single(l => l.Contains("verified", StringComparison.Ordinal));
        Assert.Equal(["5", "2", "0", "verified"], row.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task VerifyBundle_ValidBundleWithJson_PrintsCounts()
    {
        var outcome = await Cli.Run("audit", "verify-bundle", Bundle(Lines()), "--json");

        Assert.Equal(0, outcome.Exit);
        var json = JsonDocument.Parse(outcome.Output).RootElement;
        Assert.True(json.GetProperty("verified").GetBoolean());
        Assert.Equal((5, 2, 0), (json.GetProperty("events").GetInt32(), json.GetProperty("streams").GetInt32(), json.GetProperty("seals").GetInt32()));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("failure").ValueKind);
    }

    [Fact]
    public async Task VerifyBundle_OneLetterOfDataChanged_ExitsOneNamingLineStreamAndVersion()
    {
        var lines = Lines();
        lines[LineOf(2) - 1] = lines[LineOf(2) - 1].Replace("partner", "partnes", StringComparison.Ordinal);

        var outcome = await Cli.Run("audit", "verify-bundle", Bundle(lines));

        Assert.Equal(1, outcome.Exit);
        var error = Assert.Single(outcome.ErrorLines);
        Assert.StartsWith($"archive: line 4, stream {Actor}, version 2: ", error, StringComparison.Ordinal);
        Assert.Contains("expected ", error, StringComparison.Ordinal);
        Assert.Contains(", found ", error, StringComparison.Ordinal);
        Assert.Contains("failed at line 4", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyBundle_FailureWithJson_PrintsFailure()
    {
        var lines = Lines();
        lines.RemoveAt(lines.Count - 1);

        var outcome = await Cli.Run("audit", "verify-bundle", "--json", Bundle(lines));

        Assert.Equal(1, outcome.Exit);
        var failure = JsonDocument.Parse(outcome.Output).RootElement.GetProperty("failure");
        Assert.Equal(lines.Count + 1, failure.GetProperty("line").GetInt32());
        Assert.Equal("a footer line", failure.GetProperty("expected").GetString());
    }

    [Fact]
    public async Task VerifyBundle_LineNotJson_ExitsOneNamingTheLine()
    {
        var lines = Lines();
        lines[2] = "{ this is not json";

        var outcome = await Cli.Run("audit", "verify-bundle", Bundle(lines));

        Assert.Equal(1, outcome.Exit);
        Assert.StartsWith("archive: line 3: the line is not valid JSON", Assert.Single(outcome.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyBundle_HostileStreamName_PrintsOneLineWithoutControlCharacters()
    {
        var hostile = Events.Select(e => e.Stream == Topic ? e with { Stream = "topic:\u001b[2J\nforged" } : e).ToArray();
        var lines = Lines(hostile);
        lines[LineOf(3) - 1] = lines[LineOf(3) - 1].Replace("archivist", "archivisT", StringComparison.Ordinal);

        var outcome = await Cli.Run("audit", "verify-bundle", Bundle(lines));

        Assert.Equal(1, outcome.Exit);
        var error = Assert.Single(outcome.ErrorLines);
        Assert.DoesNotContain('\u001b', error);
        Assert.Contains("topic:\\u001b[2J\\u000aforged", error, StringComparison.Ordinal);
    }
}
