using System.Text;
using Archive.Audit;
using Xunit;
using static Archive.Audit.Tests.Bundles;

namespace Archive.Audit.Tests.Verification;

/// <summary>The bundle's frame: header, footer, line kinds, JSON and UTF-8.</summary>
public sealed class BundleFormatTests
{
    [Fact]
    public void Verify_NoFooter_FailsAfterTheLastLine()
    {
        var lines = Lines();
        lines.RemoveAt(lines.Count - 1);

        var failure = Failed(lines);

        Assert.Equal(lines.Count + 1, failure.Line);
        Assert.Contains("footer", failure.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_LastLineCutShort_FailsAsNotJson()
    {
        var lines = Lines();
        lines[^1] = lines[^1][..10];

        var failure = Failed(lines);

        Assert.Equal(lines.Count, failure.Line);
        Assert.Contains("not valid JSON", failure.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"kind\":\"event\",")]
    public void Verify_LineNotAJsonObject_FailsWithItsLineNumber(string text)
    {
        var failure = Failed(With(3, _ => text));

        Assert.Equal(3, failure.Line);
    }

    [Fact]
    public void Verify_Empty_FailsAtLineOne()
    {
        var failure = Failed([]);

        Assert.Equal(1, failure.Line);
        Assert.Equal("a header line", failure.Expected);
    }

    [Fact]
    public void Verify_NoHeader_FailsAtLineOne()
    {
        var lines = Lines();
        lines.RemoveAt(0);

        Assert.Equal(1, Failed(lines).Line);
    }

    [Theory]
    [InlineData("\"format\":\"statement-archive-bundle\"", "\"format\":\"other\"")]
    [InlineData("\"formatVersion\":1", "\"formatVersion\":2")]
    [InlineData("\"hash\":\"sha256\"", "\"hash\":\"sha512\"")]
    [InlineData("\"canonicalization\":\"RFC 8785\"", "\"canonicalization\":\"none\"")]
    [InlineData("\"fromPosition\":1", "\"fromPosition\":\"1\"")]
    public void Verify_UnknownHeader_FailsAtLineOne(string field, string replacement)
    {
        var failure = Failed(With(1, line => line.Replace(field, replacement, StringComparison.Ordinal)));

        Assert.Equal(1, failure.Line);
    }

    [Fact]
    public void Verify_UnknownKind_FailsAtThatLine()
    {
        var lines = Lines();
        lines.Insert(3, """{"kind":"comment","text":"hello"}""");

        Assert.Equal(4, Failed(lines).Line);
    }

    [Fact]
    public void Verify_SealLines_AreCounted()
    {
        var lines = Lines();
        lines.Insert(4, """{"kind":"seal","root":"00"}""");
        lines.Insert(lines.Count - 1, """{"kind":"seal","root":"11"}""");

        var result = BundleVerifier.Verify(lines);

        Assert.True(result.Verified, result.Failure?.ToString());
        Assert.Equal(2, result.Seals);
    }

    [Fact]
    public void Verify_LineAfterFooter_Fails()
    {
        var lines = Lines();
        lines.Add(lines[LineOf(0) - 1]);

        Assert.Equal(lines.Count, Failed(lines).Line);
    }

    [Fact]
    public void Verify_FooterCountsWrong_FailsAtFooter()
    {
        var failure = Failed(With(Lines().Count, _ => """{"kind":"footer","events":5,"streams":3}"""));

        Assert.Equal(Lines().Count, failure.Line);
        Assert.Contains("stream count", failure.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_EventOutsideHeaderRange_Fails()
    {
        var failure = Failed(With(1, line => line.Replace("\"toPosition\":7", "\"toPosition\":6", StringComparison.Ordinal)));

        Assert.Equal(LineOf(4), failure.Line);
    }

    [Fact]
    public void Verify_RepeatedPropertyName_Fails()
    {
        var failure = Failed(With(LineOf(1), line => line.Replace("{\"kind\":\"event\",", "{\"kind\":\"event\",\"stream\":\"topic:other\",", StringComparison.Ordinal)));

        Assert.Equal(LineOf(1), failure.Line);
    }

    [Fact]
    public void Verify_NumberWithoutCanonicalForm_FailsWithoutThrowing()
    {
        var failure = Failed(With(LineOf(2), line => line.Replace("\"weight\":0.75", "\"weight\":1e400", StringComparison.Ordinal)));

        Assert.Equal(LineOf(2), failure.Line);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void VerifyStream_BytesThatAreNotUtf8_FailAtTheirLine(int line)
    {
        var bytes = Encoding.UTF8.GetBytes(Text(Lines())).ToList();
        var start = bytes.Select((b, i) => (b, i)).Where(p => p.b == (byte)'\n').ElementAt(line - 2).i + 1;
        bytes.Insert(start + 20, 0xff);

        var result = BundleVerifier.Verify(new MemoryStream([.. bytes]));

        Assert.Equal(line, result.Failure?.Line);
        Assert.Contains("UTF-8", result.Failure?.Problem, StringComparison.Ordinal);
        Assert.Equal(4, result.Events); // the undecodable line cannot be read as an event
    }

    [Fact]
    public void VerifyStream_CrLfAndByteOrderMark_Verifies()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Join("\r\n", Lines()))).ToArray();

        var result = BundleVerifier.Verify(new MemoryStream(bytes));

        Assert.True(result.Verified, result.Failure?.ToString());
    }

    [Fact]
    public void VerifyReader_BytesThatAreNotUtf8_FailWithoutThrowing()
    {
        var bytes = Encoding.UTF8.GetBytes(Text(Lines())).Append((byte)0xff).ToArray();
        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false, throwOnInvalidBytes: true));

        var result = BundleVerifier.Verify(reader);

        Assert.Contains("UTF-8", result.Failure?.Problem, StringComparison.Ordinal);
    }
}
