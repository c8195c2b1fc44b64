using System.Text.Json;
using Xunit;
using static Archive.Api.Tests.Candidates.CandidateTexts;

namespace Archive.Api.Tests.Candidates;

public sealed class CandidatesApiTests : ApiTest
{
    private async Task<(string Id, CandidatePage Page)> Candidates(string title, string text, string? publishedOn, string query = "")
    {
        await GivenTheArchive(Client);
        var id = await Register(Client, title, text, publishedOn);
        var page = await Client.Get<CandidatePage>($"/api/sources/{id}/candidates{query}");
        Assert.Equal(200, page.Status);
        return (id, page.Body!);
    }

    [Fact]
    public async Task Candidates_TranscriptWithDatedHeader_AnswersAreTheAnswerersDatedByTheHeader()
    {
        // given a Q&A transcript whose header dates the briefing
        var (_, page) = await Candidates("Regular Press Briefing", Transcript, "2026-05-13");

        // then every answer is the spokesperson's direct statement on the header's day, and no question is a candidate
        var answers = page.Items.Where(c => c.Speaker.ActorId == "irena-volk").ToList();
        Assert.True(answers.Count >= 3, $"{answers.Count} answers");
        Assert.All(answers, c => Assert.Equal(("direct", "2026-05-12"), (c.QuoteKind, c.SaidOn)));
        Assert.All(page.Items, c => Assert.StartsWith("qa:", c.Rule));
        Assert.DoesNotContain(page.Items, c => c.Quote.Contains('?'));
        // and a government's position reported in an answer is that government's reported statement
        Assert.Contains(page.Items, c => c is { QuoteKind: "reported", Speaker.ActorId: "selland" } && c.Quote.StartsWith("Selland stressed"));
        Assert.Equal("rules-13", page.ExtractorVersion);
    }

    [Fact]
    public async Task Candidates_NewsReport_QuotesAttributedAndDatedAndSpansSliceTheStoredText()
    {
        // given a news report published on a Tuesday that dates a saying "on Monday"
        var (id, page) = await Candidates("Selland to reopen Kell crossing", News, "2026-06-02");
        var text = (await Client.Get<Source>($"/api/sources/{id}")).Body!.Text;

        // then the quotes are attributed, dated to that Monday, filed under the topic they name, and spans slice the stored text
        var brandt = Assert.Single(page.Items, c => c.Speaker.ActorId == "tomas-brandt" && c.QuoteKind == "direct");
        Assert.Equal(("2026-06-01", "Monday"), (brandt.SaidOn, brandt.SaidOnCue));
        var volk = Assert.Single(page.Items, c => c.Speaker.ActorId == "irena-volk" && c.QuoteKind == "direct");
        Assert.Contains("drava-river", volk.Topics);
        Assert.All(page.Items, c => Assert.Equal(Slice(text, c.Span), c.Quote));
        Assert.All(page.Items, c => Assert.Contains(c.Confidence, new[] { "high", "medium", "low" }));
        // and someone the archive does not know keeps the text's mention and no actor id
        Assert.Contains(page.Items, c => c.Speaker is { ActorId: null, Mention: "Karl Esser" });
    }

    [Fact]
    public async Task Candidates_JointStatement_BothGovernmentsSpeakTogetherOnTheMeetingDay()
    {
        var (_, page) = await Candidates("Joint Statement between Marovia and Selland", Joint, null);

        Assert.Equal(2, page.Items.Count);
        Assert.All(page.Items, c =>
        {
            Assert.Equal("joint", c.QuoteKind);
            Assert.Equal(["marovia", "selland"], new[] { c.Speaker.ActorId! }.Concat(c.CoSpeakers).Order());
            Assert.Equal("2026-05-20", c.SaidOn);
        });
        Assert.Equal(["drava-river"], page.Items[0].Topics);
    }

    [Fact]
    public async Task Candidates_SameTextAndArchiveState_SameAnswer()
    {
        var (id, _) = await Candidates("Selland to reopen Kell crossing", News, "2026-06-02");

        using var first = await Client.GetAsync($"/api/sources/{id}/candidates?include=recorded");
        using var second = await Client.GetAsync($"/api/sources/{id}/candidates?include=recorded");

        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Candidates_LongReport_AnsweredUnder300MillisecondsPer1000Words()
    {
        // given a report of about 5,000 words (the news text's paragraphs, each made distinct)
        var paragraphs = Enumerable.Range(1, 44).Select(i => News.Replace("the end of the month", $"the end of week {i}"));
        var text = string.Join("\n\n", paragraphs);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        var (id, _) = await Candidates("A long report", text, "2026-06-02");

        // when it is asked for (best of three, so a busy machine's pause is not counted against the archive)
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            using var response = await Client.GetAsync($"/api/sources/{id}/candidates");
            await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            Assert.True(response.IsSuccessStatusCode);
            if (watch.Elapsed < best) best = watch.Elapsed;
        }

        // then the whole answer (reading the archive, extracting, serialising) stays within the budget
        Assert.True(words > 4000, $"{words} words");
        Assert.True(best.TotalMilliseconds < 300.0 * words / 1000, $"{best.TotalMilliseconds:0} ms for {words} words");
    }

    [Fact]
    public async Task Candidates_UnknownSourceOrInclude_404Or400()
    {
        await GivenTheArchive(Client);
        var id = await Register(Client, "Joint Statement", Joint, null);

        Assert.Equal(404, (await Client.Get<Problem>("/api/sources/src-00000000000000000000/candidates")).Status);
        var bad = await Client.Get<Problem>($"/api/sources/{id}/candidates?include=everything");
        Assert.Equal(400, bad.Status);
        Assert.Contains("include", bad.Body!.Errors!.Keys);
        Assert.Equal(200, (await ClientAs("reader").Get<CandidatePage>($"/api/sources/{id}/candidates")).Status);
    }

    [Fact]
    public async Task Accept_Twice_RecordsOnceWithTheRuleAndVersionInItsHistory()
    {
        // given the news report's candidates
        var (id, page) = await Candidates("Selland to reopen Kell crossing", News, "2026-06-02");
        var brandt = page.Items.Single(c => c.Speaker.ActorId == "tomas-brandt" && c.QuoteKind == "direct");

        // when the archivist accepts the same candidate twice, once by index and once by span
        var first = await Client.Post<Written>($"/api/sources/{id}/candidates/accept", new { index = brandt.Index });
        var events = await Factory.EventCount();
        var second = await Client.Post<Written>($"/api/sources/{id}/candidates/accept", new { span = brandt.Span });

        // then it is recorded once, through the normal write path, with the source's characters and the candidate's fields
        Assert.Equal((201, 200), (first.Status, second.Status));
        Assert.Equal(first.Body!.Id, second.Body!.Id);
        Assert.Equal(events, await Factory.EventCount());
        var statement = (await Client.Get<JsonElement>($"/api/statements/{first.Body.Id}?minPosition={first.Body.Position}")).Body;
        Assert.Equal(brandt.Quote, statement.GetProperty("quote").GetString());
        Assert.Equal("2026-06-01", statement.GetProperty("saidOn").GetString());
        // and its history shows what proposed it
        var history = (await ClientAs("auditor").Get<List<HistoryWire>>($"/api/statements/{first.Body.Id}/history")).Body!;
        var recorded = Assert.Single(history, h => h.Type == "statement_recorded");
        Assert.Equal(brandt.Rule, recorded.Metadata!["candidate-rule"]);
        Assert.Equal("rules-13", recorded.Metadata["extractor-version"]);
        Assert.Equal(TestKeys.ArchivistName, recorded.Principal);
        Assert.False(recorded.Metadata.ContainsKey("candidate-edited"));
        // and the candidate is now left out of the list, or shown as recorded
        var after = (await Client.Get<CandidatePage>($"/api/sources/{id}/candidates")).Body!;
        Assert.DoesNotContain(after.Items, c => c.Index == brandt.Index);
        var all = (await Client.Get<CandidatePage>($"/api/sources/{id}/candidates?include=recorded")).Body!;
        Assert.Equal(first.Body.Id, all.Items.Single(c => c.Index == brandt.Index).RecordedStatementId);
    }

    [Fact]
    public async Task Accept_UnresolvedSpeaker_400OnActorIdUntilTheSpeakerIsKnown()
    {
        var (id, page) = await Candidates("Selland to reopen Kell crossing", News, "2026-06-02");
        var esser = page.Items.Single(c => c.Speaker.Mention == "Karl Esser");

        // when it is accepted as proposed, it has no speaker the archive knows
        var refused = await Client.Post<Problem>($"/api/sources/{id}/candidates/accept", new { index = esser.Index });
        Assert.Equal(400, refused.Status);
        Assert.Contains("actorId", refused.Body!.Errors!.Keys);

        // when the archivist registers him, the candidate resolves to him; the archivist edits date and occasion and accepts
        Assert.Equal(201, (await Client.Post<Written>("/api/actors", new { id = "karl-esser", name = "Karl Esser", kind = "person" })).Status);
        var accepted = await Client.Post<Written>($"/api/sources/{id}/candidates/accept",
            new { index = esser.Index, saidOn = "2026-05-31", occasion = "Interview at the Kell crossing" });

        // then the edited fields are recorded, and the history says which were edited
        Assert.Equal(201, accepted.Status);
        var statement = (await Client.Get<JsonElement>($"/api/statements/{accepted.Body!.Id}")).Body;
        Assert.Equal(("karl-esser", "2026-05-31"), (statement.GetProperty("actorId").GetString(), statement.GetProperty("saidOn").GetString()));
        Assert.Equal("saidOn,occasion", await EditedIn(accepted.Body.Id));
    }

    [Fact]
    public async Task Accept_EditedSpeaker_RecordsTheArchivistsChoiceAndSaysItWasEdited()
    {
        var (id, page) = await Candidates("Selland to reopen Kell crossing", News, "2026-06-02");
        var volk = page.Items.Single(c => c.Speaker.ActorId == "irena-volk" && c.QuoteKind == "direct");

        // when the archivist attributes the spokesperson's words to the government she speaks for
        var accepted = await Client.Post<Written>($"/api/sources/{id}/candidates/accept", new { index = volk.Index, actorId = "marovia" });

        Assert.Equal(201, accepted.Status);
        var statement = (await Client.Get<JsonElement>($"/api/statements/{accepted.Body!.Id}")).Body;
        Assert.Equal(("marovia", volk.Quote), (statement.GetProperty("actorId").GetString(), statement.GetProperty("quote").GetString()));
        Assert.Equal("actorId", await EditedIn(accepted.Body.Id));
    }

    private async Task<string?> EditedIn(string statementId)
    {
        var history = (await ClientAs("auditor").Get<List<HistoryWire>>($"/api/statements/{statementId}/history")).Body!;
        return history.Single(h => h.Type == "statement_recorded").Metadata!.GetValueOrDefault("candidate-edited");
    }

    [Fact]
    public async Task Accept_NoCandidateChosenOrOutOfRange_400Or404AndNothingAppended()
    {
        var (id, page) = await Candidates("Joint Statement between Marovia and Selland", Joint, null);
        var events = await Factory.EventCount();

        var none = await Client.Post<Problem>($"/api/sources/{id}/candidates/accept", new { actorId = "marovia" });
        var both = await Client.Post<Problem>($"/api/sources/{id}/candidates/accept", new { index = 0, span = new { start = 0, end = 1 } });
        var beyond = await Client.Post<Problem>($"/api/sources/{id}/candidates/accept", new { index = page.Items.Count });
        var reader = await ClientAs("reader").Post<Problem>($"/api/sources/{id}/candidates/accept", new { index = 0 });

        Assert.Equal((400, 400, 404, 403), (none.Status, both.Status, beyond.Status, reader.Status));
        Assert.Equal(events, await Factory.EventCount());
    }
}
