using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>A description qualified by a place's name ("The Holt mayor, Ada Lind,") introduces the person as any description does.</summary>
public sealed class PlaceQualifiedPeopleTests
{
    [Fact]
    public void Extract_NarrativeSentenceWithAPlaceQualifiedDescription_IsWhoThePronounMeans()
    {
        var text = "“We will rebuild the pier by the summer,” Mayor Karl Brenn told the crowd.\n\n"
            + "The Holt mayor, Ada Lind, laid a wreath on behalf of her town.\n\n"
            + "“Nobody here will forget the crew of the ferry,” she said.";

        var candidate = Given.Extract(text, new DateOnly(2026, 12, 6)).Starting("Nobody here will forget");

        Assert.Equal((null, "Ada Lind"), (candidate.Speaker.ActorId, candidate.Speaker.Mention));
    }
}
