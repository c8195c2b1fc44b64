using System.Text;
using Archive.Audit;
using Xunit;
using static Archive.Audit.Tests.Bundles;

namespace Archive.Audit.Tests.Verification;

public sealed class BundleVerifierTests
{
    [Fact]
    public void Verify_ValidBundle_CountsEventsAndStreams()
    {
        var result = BundleVerifier.Verify(Lines());

        Assert.Null(result.Failure);
        Assert.Equal((5L, 2, 0L), (result.Events, result.Streams, result.Seals));
    }

    [Fact]
    public void Verify_ValidBundleFromTextReader_Verifies()
    {
        var result = BundleVerifier.Verify(new StringReader(Text(Lines())));

        Assert.True(result.Verified, result.Failure?.ToString());
    }

    [Fact]
    public void Verify_OneLetterOfQuoteChanged_FailsNamingLineStreamAndVersion()
    {
        var lines = With(LineOf(2), line => line.Replace("welcome", "welcomf", StringComparison.Ordinal));

        var failure = Failed(lines);

        Assert.Equal((4L, Actor, (long?)2), (failure.Line, failure.Stream, failure.Version));
        Assert.Contains("hash", failure.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_AnyLetterOrDigitOfAnyDataChanged_FailsAtThatLine()
    {
        for (var index = 0; index < Events.Length; index++)
        {
            var e = Events[index];
            var line = Lines()[LineOf(index) - 1];
            var start = line.IndexOf(e.Data, StringComparison.Ordinal);
            for (var at = start; at < start + e.Data.Length; at++)
            {
                if (Changed(line[at]) is not { } replacement) continue;
                var lines = Lines();
                lines[LineOf(index) - 1] = line[..at] + replacement + line[(at + 1)..];

                var failure = Failed(lines);

                var edit = $"'{line[at]}' → '{replacement}' at {at - start} in the data of line {LineOf(index)}";
                Assert.True(failure.Line == LineOf(index), $"{edit}: failed at line {failure.Line}");
                Assert.True(failure.Stream == e.Stream && failure.Version == e.Version, $"{edit}: named {failure.Stream} version {failure.Version}");
            }
        }

        static char? Changed(char c) => c switch
        {
            >= '0' and < '9' => (char)(c + 1),
            '9' => '0',
            >= 'a' and < 'z' or >= 'A' and < 'Z' => (char)(c + 1),
            'z' => 'a',
            'Z' => 'A',
            _ => null,
        };
    }

    [Fact]
    public void Verify_KeysReorderedAndWhitespaceAdded_Verifies()
    {
        var lines = Lines(Events, dataAsWritten: e => Rewritten(e.Data));

        var result = BundleVerifier.Verify(lines);

        Assert.True(result.Verified, result.Failure?.ToString());
        Assert.NotEqual(Lines()[LineOf(2) - 1], lines[LineOf(2) - 1]);
    }

    [Fact]
    public void Verify_EquivalentNumbersAndEscapes_Verifies()
    {
        var lines = Lines(Events, dataAsWritten: e => e.Data
            .Replace("\"weight\":0.75", "\"weight\":7.50e-1", StringComparison.Ordinal)
            .Replace("\"pages\":12", "\"pages\":12.0", StringComparison.Ordinal)
            .Replace("欢迎", "\\u6b22\\u8fce", StringComparison.Ordinal)
            .Replace("\"lin-jian\"", "\"lin\\u002djian\"", StringComparison.Ordinal));

        var result = BundleVerifier.Verify(lines);

        Assert.True(result.Verified, result.Failure?.ToString());
    }

    [Fact]
    public void Verify_TwoEventLinesSwapped_FailsAtTheSecond()
    {
        var lines = Lines();
        (lines[2], lines[3]) = (lines[3], lines[2]);

        var failure = Failed(lines);

        Assert.Equal(4, failure.Line);
        Assert.Contains("order", failure.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Verify_AnEventLineRemoved_Fails(int eventIndex)
    {
        var lines = Lines();
        lines.RemoveAt(LineOf(eventIndex) - 1);

        var failure = Failed(lines);

        Assert.InRange(failure.Line, LineOf(eventIndex), lines.Count);
    }

    [Fact]
    public void Verify_MiddleEventOfStreamRemoved_FailsAtNextEventOfThatStream()
    {
        var lines = Lines();
        lines.RemoveAt(LineOf(2) - 1);

        var failure = Failed(lines);

        Assert.Equal((LineOf(4) - 1L, Actor, (long?)3), (failure.Line, failure.Stream, failure.Version));
        Assert.Equal(("version 2", "version 3"), (failure.Expected, failure.Found));
    }

    [Fact]
    public void Verify_LastEventRemovedAndFooterKept_FailsAtFooter()
    {
        var lines = Lines();
        lines.RemoveAt(LineOf(4) - 1);

        var failure = Failed(lines);

        Assert.Equal(lines.Count, failure.Line);
        Assert.Contains("footer", failure.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_HashChangedToAnotherValidChain_FailsAtTheChangedLink()
    {
        // the event is re-hashed consistently with forged data, but its successor still names the old hash
        var forged = Events.ToArray();
        forged[2] = forged[2] with { Data = forged[2].Data.Replace("welcome", "reject", StringComparison.Ordinal) };
        var lines = Lines();
        lines[LineOf(2) - 1] = Lines(forged)[LineOf(2) - 1];

        var failure = Failed(lines);

        Assert.Equal(((long)LineOf(4), Actor, (long?)3), (failure.Line, failure.Stream, failure.Version));
        Assert.Contains("previous", failure.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_StreamAppearsMidwayInBundleFromStart_Fails()
    {
        var lines = Lines(Events.Skip(1).ToArray());

        var failure = Failed(lines);

        Assert.Equal((3L, Actor, (long?)2), (failure.Line, failure.Stream, failure.Version));
    }

    [Fact]
    public void Verify_BundleStartingMidway_TakesFirstPreviousHashesAsGiven()
    {
        var earlier = Lines(Events.Take(2).ToArray());
        var heads = new Dictionary<string, string>
        {
            [Actor] = Hash(earlier[LineOf(0) - 1]),
            [Topic] = Hash(earlier[LineOf(1) - 1]),
        };

        var result = BundleVerifier.Verify(Lines(Events.Skip(2).ToArray(), from: 3, to: 7, previousBefore: heads));

        Assert.True(result.Verified, result.Failure?.ToString());
        Assert.Equal((3L, 2), (result.Events, result.Streams));
    }

    private static string Hash(string line) =>
        System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("hash").GetString()!;

    /// <summary>The same JSON value with members in reverse order and spaces and tabs around every token.</summary>
    private static string Rewritten(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var builder = new StringBuilder();
        Write(document.RootElement);
        return builder.ToString();

        void Write(System.Text.Json.JsonElement element)
        {
            switch (element.ValueKind)
            {
                case System.Text.Json.JsonValueKind.Object:
                    builder.Append("{ ");
                    var members = element.EnumerateObject().Reverse().ToArray();
                    for (var i = 0; i < members.Length; i++)
                    {
                        if (i > 0) builder.Append(" ,\t");
                        builder.Append(System.Text.Json.JsonSerializer.Serialize(members[i].Name)).Append(" :  ");
                        Write(members[i].Value);
                    }
                    builder.Append(" }");
                    break;
                case System.Text.Json.JsonValueKind.Array:
                    builder.Append("[ ");
                    var items = element.EnumerateArray().ToArray();
                    for (var i = 0; i < items.Length; i++)
                    {
                        if (i > 0) builder.Append(" , ");
                        Write(items[i]);
                    }
                    builder.Append(" ]");
                    break;
                default:
                    builder.Append(element.GetRawText());
                    break;
            }
        }
    }
}
