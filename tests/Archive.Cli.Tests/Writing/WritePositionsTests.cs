using System.Net;
using System.Text.Json;
using Archive.Cli.Shell;
using Archive.Cli.Tests.Archive;
using Xunit;

namespace Archive.Cli.Tests.Writing;

/// <summary>Keeps the min-position header of every request it passes on, so a test sees what the command line waited for.</summary>
internal sealed class HeaderWitness(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public List<(string PathAndQuery, string? MinPosition)> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add((request.RequestUri!.PathAndQuery,
            request.Headers.TryGetValues(ArchiveServer.MinPositionHeader, out var values) ? string.Join(",", values) : null));
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>A write's position is remembered per archive, so the next command's read shows it without --min-position.</summary>
public sealed class WritePositionsTests(DecisionsArchive given) : IClassFixture<DecisionsArchive>, IDisposable
{
    private readonly TempFolder _state = new();

    public void Dispose() => _state.Dispose();

    private Task<Cli.Outcome> Run(HttpMessageHandler http, WritePositions positions, params string[] args) =>
        Cli.Run(http, positions, [.. args, "--url", ArchiveHost.Url, "--key", ArchiveHost.Key]);

    [Fact]
    public async Task Dispute_ThenShowInTheNextCommand_TheReadWaitsForTheWritesPosition()
    {
        // given a statement recorded and a command line that remembers its writes in a state folder
        var positions = new WritePositions(_state.Path, TextWriter.Null);
        var witness = new HeaderWitness(given.Host.Server.CreateHandler());
        const string quote = "the rail link needs more money";
        var start = DecisionsArchive.Notes.IndexOf(quote, StringComparison.Ordinal);
        var recorded = await Run(witness, positions, "record", "--actor", "cli-dec-envoy", "--source", given.SourceId, "--quote", quote,
            "--span", $"{start}:{start + quote.Length}", "--said-on", "2025-03-01", "--kind", "reported", "--json");
        Assert.True(recorded.Exit == 0, recorded.Error);
        var id = JsonDocument.Parse(recorded.Output).RootElement.GetProperty("id").GetString()!;

        // when it is disputed, and the next command shows it
        var disputed = await Run(witness, positions, "dispute", id, "--reason", "the ministry denies the figure", "--json");
        Assert.True(disputed.Exit == 0, disputed.Error);
        var position = JsonDocument.Parse(disputed.Output).RootElement.GetProperty("position").GetInt64();
        var shown = await Run(witness, positions, "statements", "show", id, "--json");

        // then the show carried the dispute's position, and the statement it printed is disputed
        Assert.True(shown.Exit == 0, shown.Error);
        var read = witness.Requests[^1];
        Assert.StartsWith($"/api/statements/{id}", read.PathAndQuery);
        Assert.Equal(position.ToString(System.Globalization.CultureInfo.InvariantCulture), read.MinPosition);
        Assert.Equal("disputed", JsonDocument.Parse(shown.Output).RootElement.GetProperty("status").GetString());
        Assert.Equal(position, positions.LastWrite(ArchiveHost.Url));
        Assert.Null(positions.LastWrite("http://another-archive.test"));
    }

    [Fact]
    public async Task Show_RememberedPositionNeverReached_The503SaysWhoseItIsAndHowToReadWithoutIt()
    {
        // given a remembered write far beyond what this archive holds (as after the archive was set up again from nothing)
        var positions = new WritePositions(_state.Path, TextWriter.Null);
        positions.Remember(ArchiveHost.Url, long.MaxValue / 2);
        var witness = new HeaderWitness(given.Host.Server.CreateHandler());

        // when a statement list is read without --min-position, and then with --min-position 0
        var waited = await Run(witness, positions, "statements", "list");
        var unwaited = await Run(witness, positions, "statements", "list", "--min-position", "0");

        // then the first gives up with the archive's 503 and says the position was remembered, where, and how to read anyway
        Assert.Equal(1, waited.Exit);
        var error = Assert.Single(waited.ErrorLines);
        Assert.Contains("503 Service Unavailable", error);
        Assert.Contains($"the request waited for position {long.MaxValue / 2}, the last write from this machine to this archive, remembered in {positions.File}", error);
        Assert.Contains("--min-position 0", error);
        // and the explicit position wins
        Assert.True(unwaited.Exit == 0, unwaited.Error);
        Assert.Contains("minPosition=0", witness.Requests[^1].PathAndQuery);
    }

    [Fact]
    public async Task Verify_StateFolderCannotBeWritten_TheWriteSucceedsAndSaysItsPositionWasNotRemembered()
    {
        // given a state "folder" below a file, where nothing can be created
        var blocker = _state.File("not-a-folder", "x");
        var warnings = new StringWriter();
        var positions = new WritePositions(Path.Combine(blocker, "archive"), warnings);
        var stub = new RoutedStub().On("POST /api/statements/st-00000000000000000001/verify", HttpStatusCode.OK,
            """{"id":"st-00000000000000000001","version":4,"position":77}""");

        // when a statement is verified
        var outcome = await Cli.Run(stub, positions, "verify", "st-00000000000000000001", "--method", "source-text-check",
            "--url", ArchiveHost.Url, "--key", "k");

        // then the write is reported as done, and the warning names the position to pass by hand
        Assert.Equal(0, outcome.Exit);
        Assert.StartsWith("st-00000000000000000001  verified (version 4, position 77)", outcome.Output);
        Assert.Contains("the write succeeded, but its position 77 could not be remembered", warnings.ToString());
        Assert.Contains("pass --min-position 77", warnings.ToString());
    }

    [Fact]
    public void Remember_LatestWriteWinsAndAnUnreadableFileCountsAsEmpty()
    {
        // given a state file that is not JSON
        var positions = new WritePositions(_state.Path, TextWriter.Null);
        File.WriteAllText(positions.File!, "{ not json");

        // then nothing is remembered, and remembering replaces it
        Assert.Null(positions.LastWrite(ArchiveHost.Url));
        positions.Remember(ArchiveHost.Url, 900);
        positions.Remember("http://another-archive.test", 5);
        positions.Remember(ArchiveHost.Url, 12);
        Assert.Equal(12, positions.LastWrite(ArchiveHost.Url));
        Assert.Equal(5, positions.LastWrite("http://another-archive.test"));
    }
}
