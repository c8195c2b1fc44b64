using Xunit;

namespace Archive.Domain.Tests;

public sealed class StreamKeysTests
{
    [Fact]
    public void StreamKeys_ForEachStream_ArePrefixedWithStreamKind()
    {
        Assert.Equal("actor:lin-jian", StreamKeys.Actor("lin-jian"));
        Assert.Equal("topic:cpec", StreamKeys.Topic("cpec"));
        Assert.Equal("source:src-0123456789abcdef0123", StreamKeys.Source("src-0123456789abcdef0123"));
    }
}
