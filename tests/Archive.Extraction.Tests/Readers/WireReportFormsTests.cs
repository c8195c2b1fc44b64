using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>Wire-report constructions: "Asked whether …, X said", "for its part", an indefinite spokesperson.</summary>
public sealed class WireReportFormsTests
{
    private static readonly DateOnly Published = new(2026, 5, 5);

    [Fact]
    public void Extract_AskedWhetherOpening_IsTheSpeakersReportedStatement()
    {
        var text = "PORT AVEN, May 5, 2026 — Valdoria will open the rail link in June, its spokesperson said on Tuesday.\n\nAsked whether Valdoria would need to borrow for the line, Reyes said that it would not.";

        var asked = Given.Extract(text, Published).Starting("Asked whether");

        Assert.Equal(("tomas-reyes", QuoteKinds.Reported), (asked.Speaker.ActorId, asked.QuoteKind));
    }

    [Fact]
    public void Extract_ForItsPartBetweenSubjectAndVerb_KeepsTheSubject()
    {
        var text = "PORT AVEN, May 5, 2026 — Kestria wants more talks on the route.\n\nThe Valdorian government, for its part, says the route can be adjusted before June.";

        var part = Given.Extract(text, Published).Starting("The Valdorian government");

        Assert.Equal("government-of-valdoria", part.Speaker.ActorId);
    }

    [Fact]
    public void Extract_IndefiniteSpokespersonWithName_IsThatPersonNotTheOfficeHolder()
    {
        var text = "PORT AVEN, May 5, 2026 — The dockers returned to work on Monday.\n\nA spokeswoman for the dockers' union in Valdoria, Kari Holm, said the crews were tired but relieved.";

        var union = Given.Extract(text, Published).Starting("A spokeswoman");

        Assert.Null(union.Speaker.ActorId);
        Assert.Equal("Kari Holm", union.Speaker.Mention);
    }
}
