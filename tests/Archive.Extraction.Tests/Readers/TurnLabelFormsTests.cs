using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>Turn labels of other house styles: askers' outlets in square brackets, time stamps, interpreters.</summary>
public sealed class TurnLabelFormsTests
{
    [Fact]
    public void Extract_AskerWithOutletInSquareBrackets_IsAQuestion()
    {
        var text = "Briefing, 5 May 2026\n\nTomas Reyes (Spokesperson): Valdoria will reopen the consulate in June.\n\nQ [Selva Herald]: Which consulate? In which city?\n\nTomas Reyes (Spokesperson): The one in the north. Staff are being hired now.\n\nQ [Selva Herald]: A follow-up. How many staff?\n\nTomas Reyes (Spokesperson): About twenty people.";

        var candidates = Given.Extract(text);

        Assert.DoesNotContain(candidates, c => c.Quote.Contains('?') || c.Quote.Contains("Selva Herald"));
        Assert.All(candidates, c => Assert.Equal("tomas-reyes", c.Speaker.ActorId));
        Assert.Equal(3, candidates.Count);
    }

    [Fact]
    public void Extract_TimeStampsBeforeCapitalLabels_AreTurns()
    {
        var text = "PRESS OFFICE\nPort Aven | 05 May 2026 | 10:00\n\n[10:00] SPOKESPERSON REYES: The rail link will open to freight in June.\n\n[10:02] Lena Brook (Port Aven Post): Is the date final? Who decided it?\n\n[10:03] SPOKESPERSON REYES: The date is final. The ministry set it last month.\n\n[10:05] Lena Brook (Port Aven Post): And passengers?";

        var candidates = Given.Extract(text);

        var answer = candidates.Starting("The date is final.");
        Assert.Equal(("tomas-reyes", new DateOnly(2026, 5, 5)), (answer.Speaker.ActorId, answer.SaidOn));
        Assert.Equal("tomas-reyes", candidates.Starting("The rail link will open").Speaker.ActorId);
        Assert.DoesNotContain(candidates, c => c.Quote.Contains("[10:") || c.Quote.Contains('?'));
    }

    [Fact]
    public void Extract_InterpreterLine_IsNoOnesStatement()
    {
        var text = "Joint press conference, 5 May 2026\n\nTomas Reyes: Valdoria and Kestria will open the bridge together.\n\nQ: When will the bridge open? Is there a date?\n\nAmara Diallo (through an interpreter): In the autumn.\n\nINTERPRETER: Excuse me, the minister asks for the question to be repeated.\n\nQ: Is there a date?\n\nAmara Diallo (through an interpreter): Not yet. We will announce it soon.";

        var candidates = Given.Extract(text);

        Assert.DoesNotContain(candidates, c => c.Quote.Contains("Excuse me"));
        Assert.Equal("amara-diallo", candidates.Starting("Not yet.").Speaker.ActorId);
    }

    [Fact]
    public void Extract_PublishedLineAboveInterview_IsHeaderNotATurn()
    {
        var text = "Interview of the Spokesperson, Tomas Reyes, with the Selva Herald\nPublished: 6 May 2026\n\nHerald: Is the bridge late? Why?\n\nTomas Reyes: It is on time. It will open in the autumn.\n\nHerald: And the costs? Are they rising?\n\nTomas Reyes: They are within the budget.\n\nHerald: Thank you. Anything else?";

        var candidates = Given.Extract(text);

        Assert.DoesNotContain(candidates, c => c.Speaker.Mention == "Published" || c.Quote.Contains("6 May"));
        Assert.All(candidates, c => Assert.Equal("tomas-reyes", c.Speaker.ActorId));
    }

    [Theory]
    [InlineData("–")]
    [InlineData("-")]
    public void Extract_QuestionAndAnswerLabelsSetOffByADash_AreTurnsOfTheBriefer(string dash)
    {
        // given a briefing whose spokesperson is named only in the header, with "Q – (Outlet)" and "A –" turns
        var text = $"Press briefing – Statements made by the Spokesperson, Mr Tomas Reyes\nPort Aven, 5 May 2026\n\n1. Rail link\n\nThe rail link will open to freight in June.\n\nQ {dash} (Selva Herald) Is the date final? Who decided it?\n\nA {dash} The date is final. The ministry set it last month.\n\nQ {dash} And passengers?\n\nA {dash} Next year.";

        // when its candidates are read
        var candidates = Given.Extract(text);

        // then the answers and the announcement are the spokesperson's, dated by the header, and no question is proposed
        var answer = candidates.Starting("The date is final.");
        Assert.Equal(("tomas-reyes", new DateOnly(2026, 5, 5)), (answer.Speaker.ActorId, answer.SaidOn));
        Assert.Equal("tomas-reyes", candidates.Starting("The rail link will open").Speaker.ActorId);
        Assert.Equal("tomas-reyes", candidates.Starting("Next year.").Speaker.ActorId);
        Assert.DoesNotContain(candidates, c => c.Quote.Contains('?') || c.Quote.StartsWith($"A {dash}", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_AdditionalQuestionLabel_IsAQuestionNotTheAnswerersWords()
    {
        // given a conference where a follow-up is labelled "Additional question (Surname):"
        var text = "Government press conference, 5 May 2026\n\nTomas Reyes: The consulate in the north will reopen in June.\n\nQuestion (Brook, Port Aven Post): Which city?\n\nTomas Reyes: Brask. Staff are being hired now.\n\nAdditional question (Brook): Has Kestria agreed to that?\n\nTomas Reyes: Kestria agreed last week.";

        // when its candidates are read
        var candidates = Given.Extract(text);

        // then the follow-up is no one's statement and the answers stay the answerer's
        Assert.DoesNotContain(candidates, c => c.Quote.Contains("Has Kestria agreed") || c.Quote.Contains("Additional question"));
        Assert.Equal("tomas-reyes", candidates.Starting("Kestria agreed last week.").Speaker.ActorId);
    }

    [Theory]
    [InlineData("2. Consular services")]
    [InlineData("Questions and Answers")]
    public void Extract_HeadingAmongAnnouncements_IsNotAStatement(string heading)
    {
        // given a briefer's announcements under headings, and a one-word reply without its full stop
        var text = $"Briefing, 5 May 2026\n\nTomas Reyes: I have two items.\n\n1. Rail link\n\nThe rail link will open to freight in June.\n\n{heading}\n\nThe consulate in Brask will reopen in July.\n\nQ: Is that final?\n\nTomas Reyes: Yes";

        // when its candidates are read
        var candidates = Given.Extract(text);

        // then neither heading is proposed, while the announcements and the bare "Yes" are
        Assert.DoesNotContain(candidates, c => c.Quote.StartsWith("1. Rail", StringComparison.Ordinal) || c.Quote.StartsWith(heading, StringComparison.Ordinal));
        Assert.Equal("tomas-reyes", candidates.Starting("The consulate in Brask").Speaker.ActorId);
        Assert.Equal("tomas-reyes", candidates.Starting("Yes").Speaker.ActorId);
    }
}
