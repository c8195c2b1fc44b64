using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>
/// Lettered and numbered lists under "we have decided to:" or "The two sides agreed:": each item is one of the
/// parties' joint statements, while a numbered heading stays a heading.
/// </summary>
public sealed class JointListTests
{
    private static readonly DateOnly MeetingDay = new(2026, 11, 3);

    [Fact]
    public void Extract_LetteredListAfterOpeningPhraseAndWeHaveDecidedTo_IsOneJointStatementPerItem()
    {
        var text = "Joint Statement of the Foreign Ministers of Valdoria and Kestria\n\n"
            + "We, the Foreign Ministers of Valdoria and Kestria, met today in Selva.\n\n"
            + "To carry the work forward, we have decided to:\n\n"
            + "(a) set up a joint committee on the rail link, which will first meet in January;\n"
            + "(b) ask our transport ministries to agree a timetable for the freight trains by March.";

        var candidates = Given.Extract(text, MeetingDay);

        foreach (var words in new[] { "set up a joint committee", "ask our transport ministries" })
        {
            var item = candidates.Starting(words);
            Assert.Equal(QuoteKinds.Joint, item.QuoteKind);
            Assert.Equal(["government-of-kestria", "government-of-valdoria"], item.CoSpeakers.Prepend(item.Speaker.ActorId!).Order());
        }
        Assert.EndsWith("by March", candidates.Starting("ask our transport ministries").Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_NumberedListUnderTheTwoSidesAgreed_IsOneJointStatementPerItem()
    {
        var text = "Joint Press Release\n\nOn 3 November 2026 Valdoria and Kestria held talks in Brask. The two sides agreed:\n"
            + "1. to reopen the Selva crossing to lorries on 1 December;\n"
            + "2. to share water-level readings from Lake Orra every week.";

        var candidates = Given.Extract(text, MeetingDay);

        Assert.Equal(QuoteKinds.Joint, candidates.Starting("to reopen the Selva crossing").QuoteKind);
        Assert.Equal(QuoteKinds.Joint, candidates.Starting("to share water-level readings").QuoteKind);
    }
}
