using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>A report goes on about a government's ministry without naming its country again.</summary>
public sealed class ReportMinistryTests
{
    private static readonly DateOnly Day = new(2026, 12, 3);

    [Fact]
    public void Extract_MinistryWithNoCountryAfterAGovernmentSpoke_IsThatGovernment()
    {
        var text = "Kestria's foreign ministry said on Wednesday that the ferry would not run before March.\n\n"
            + "The ministry added that the port fees would stay as they are.\n\n"
            + "A ministry spokeswoman said the talks with the operator would go on next week.";

        var candidates = Given.Extract(text, Day);

        Assert.Equal("government-of-kestria", candidates.Starting("The ministry added").Speaker.ActorId);
        Assert.Equal("government-of-kestria", candidates.Starting("A ministry spokeswoman").Speaker.ActorId);
    }

    [Fact]
    public void Extract_MinistryWithNoCountryAfterAPerson_StaysUnresolved()
    {
        var text = "Foreign Minister Amara Diallo said on Wednesday that the ferry would not run before March.\n\n"
            + "The ministry added that the port fees would stay as they are.";

        var candidate = Given.Extract(text, Day).Starting("The ministry added");

        Assert.Null(candidate.Speaker.ActorId);
    }
}
