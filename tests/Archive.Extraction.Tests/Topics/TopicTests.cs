using Xunit;

namespace Archive.Extraction.Tests.Topics;

public sealed class TopicTests
{
    [Fact]
    public void Extract_TopicTitleOrAlias_FilesTheCandidate()
    {
        var candidate = Assert.Single(Given.Extract("Ines Calder said that the rail link would open to freight this year.", new DateOnly(2026, 3, 3)));

        Assert.Equal(["northern-rail-link"], candidate.Topics);
    }

    [Fact]
    public void Extract_WordsSharedByStatementsFiledUnderTopic_FileTheCandidate()
    {
        var candidate = Assert.Single(Given.Extract("Amara Diallo said that releases from the reservoirs would be published weekly.", new DateOnly(2026, 3, 3)));

        Assert.Equal(["lake-orra-water"], candidate.Topics);
    }

    [Fact]
    public void Extract_NoTopicWords_FilesNothing()
    {
        var candidate = Assert.Single(Given.Extract("Amara Diallo said that trust had grown between the neighbours.", new DateOnly(2026, 3, 3)));

        Assert.Empty(candidate.Topics);
    }
}
