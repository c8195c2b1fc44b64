using System.Text.Json.Nodes;
using Archive.Audit.Bundles;
using Xunit;
using static Archive.Audit.Tests.Bundles;

namespace Archive.Audit.Tests.Verification;

/// <summary>One line into its record, or the problem a verifier reports for it.</summary>
public sealed class BundleReaderTests
{
    /// <summary>The fixture's event at position 4 (stream <see cref="Bundles.Actor"/>, version 2), with one field edited.</summary>
    private static string EventWith(Action<JsonObject> edit)
    {
        var line = JsonNode.Parse(Lines()[LineOf(2) - 1])!.AsObject();
        edit(line);
        return line.ToJsonString();
    }

    [Theory]
    [InlineData("position", "the event has no position", "position as a whole number")]
    [InlineData("stream", "the event has no stream", "stream as a non-empty string")]
    [InlineData("version", "the event has no version", "version as a whole number from 1")]
    [InlineData("type", "the event has no type", "type as a non-empty string")]
    [InlineData("timestamp", "the event has no timestamp", "timestamp as an ISO-8601 time")]
    [InlineData("data", "the event has no data", "a data property")]
    [InlineData("hash", "the event has no hash", "hash as 64 lowercase hex digits")]
    [InlineData("previousHash", "the event has no previous hash", "previousHash as 64 lowercase hex digits or null")]
    public void Read_EventWithoutAField_NamesTheFieldWhereTheEventIs(string field, string problem, string expected)
    {
        var read = BundleReader.Read(EventWith(line => line.Remove(field)));

        Assert.Equal("event", read.Kind);
        Assert.Null(read.Line);
        // a field that is missing cannot name where the event is; every other one still does
        Assert.Equal(new BundleLineProblem(problem, expected, "none",
            field == "stream" ? null : Actor, field == "version" ? null : 2, field == "position" ? null : 4), read.Problem);
    }

    [Fact]
    public void Read_FieldOfAnotherType_ShowsWhatWasFound()
    {
        var read = BundleReader.Read(EventWith(line => line["version"] = "2"));

        Assert.Equal(new BundleLineProblem("the event has no version", "version as a whole number from 1", "\"2\"", Actor, null, 4), read.Problem);
    }

    [Fact]
    public void Read_HeaderOfAnotherFormat_IsNotABundle()
    {
        var read = BundleReader.Read(Lines()[0].Replace("statement-archive-bundle", "other", StringComparison.Ordinal));

        Assert.Equal(("header", "not a Statement Archive bundle", "format \"statement-archive-bundle\"", "other"),
            (read.Kind, read.Problem?.Problem, read.Problem?.Expected, read.Problem?.Found));
    }

    [Fact]
    public void Read_FooterWithoutTombstoneCount_CountsNone()
    {
        var read = BundleReader.Read("""{"kind":"footer","events":5,"streams":2}""");

        Assert.Equal(new BundleFooter(5, 2, 0), read.Line);
    }

    [Fact]
    public void Read_ReservedSealKind_IsALineWithNothingToRead()
    {
        var read = BundleReader.Read("""{"kind":"seal","root":"00"}""");

        Assert.IsType<BundleReservedSeal>(read.Line);
        Assert.Null(read.Problem);
    }

    [Theory]
    [InlineData("""{"kind":"comment"}""", "comment", "the line is of an unknown kind")]
    [InlineData("""{"kind":1}""", null, "the line has no kind")]
    [InlineData("""{"kind":"event""", null, "the line is not valid JSON")]
    public void Read_NoKnownKind_IsAProblemWithoutARecord(string line, string? kind, string problem)
    {
        var read = BundleReader.Read(line);

        Assert.Equal((kind, (BundleLine?)null, problem), (read.Kind, read.Line, read.Problem?.Problem));
    }
}
