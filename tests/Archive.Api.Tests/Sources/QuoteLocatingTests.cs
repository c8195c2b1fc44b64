using System.Text.Json;
using Xunit;

namespace Archive.Api.Tests.Sources;

/// <summary>
/// Finding a typed quote in a source over HTTP: the locate endpoint, and recording or amending without a span. Spans are
/// code points: the emoji at the start of the text make them differ from UTF-16 units (and both from UTF-8 bytes).
/// </summary>
public sealed class QuoteLocatingTests(SharedHost host) : SharedHostTest(host)
{
    private const string Text =
        "🙂🙂 Briefing of 3 March 2025 – regular press conference.\n" +
        "The spokesperson said: “Our friendship is higher than mountains – and deeper than oceans.”\n" +
        "她说：「友谊之树常青。」\n" +
        "Asked about trade, she said the corridor\nwould grow next year.\n" +
        "Both sides agreed on the next steps.\n" +
        "She repeated: “We stand together.” Later she added: “We stand together.”";

    private static int CodePoints(string text) => text.EnumerateRunes().Count();

    /// <summary>The span of the first occurrence of <paramref name="passage"/> in the text, counted in code points.</summary>
    private static (int Start, int End) SpanOf(string passage, int from = 0)
    {
        var index = Text.IndexOf(passage, from, StringComparison.Ordinal);
        Assert.True(index >= 0, $"the test text has no '{passage}'");
        var start = CodePoints(Text[..index]);
        return (start, start + CodePoints(passage));
    }

    private static (int Start, int End) Span(JsonElement span) => (span.GetProperty("start").GetInt32(), span.GetProperty("end").GetInt32());

    /// <summary>The speakers and the source, registered by the first test of the class and found again by the others.</summary>
    private async Task<string> GivenSpeakersAndSource()
    {
        foreach (var id in new[] { "mao-ning", "wang-yi" })
            Assert.Contains((await Client.Post<Written>("/api/actors", new { id, name = id, kind = "person" })).Status, new[] { 200, 201 });
        var source = await Client.Post<Written>("/api/sources", new { title = "Briefing", text = Text, publishedOn = "2025-03-03" });
        Assert.Contains(source.Status, new[] { 200, 201 });
        return source.Body!.Id;
    }

    private static object Body(string sourceId, string quote, string kind, object? span = null) => new
    {
        actorId = "mao-ning", sourceId, quote, span, quoteKind = kind, saidOn = "2025-03-03", coSpeakers = kind == "joint" ? new[] { "wang-yi" } : null,
    };

    public static TheoryData<string, string, string> TypedQuotes() => new()
    {
        // typed, what the source has there, quote kind
        { "\"Our friendship is higher than mountains - and deeper than oceans.\"", "“Our friendship is higher than mountains – and deeper than oceans.”", "direct" },
        { "\"友谊之树常青。\"", "「友谊之树常青。」", "direct" },
        { "the corridor would grow next year", "the corridor\nwould grow next year", "reported" },
        { "Both sides agreed on the next steps.", "Both sides agreed on the next steps.", "joint" },
    };

    [Theory]
    [MemberData(nameof(TypedQuotes))]
    public async Task LocateThenRecord_EveryQuoteKind_RecordsTheSourcesCharactersAtTheLocatedSpan(string typed, string inSource, string kind)
    {
        // given a source whose text starts with two emoji
        var sourceId = await GivenSpeakersAndSource();
        var expected = SpanOf(inSource);

        // when the typed quote is located, then recorded without a span, then recorded again
        var located = await Client.Send(HttpMethod.Post, $"/api/sources/{sourceId}/locate", new { quote = typed });
        var recorded = await Client.Send(HttpMethod.Post, "/api/statements", Body(sourceId, typed, kind));
        var again = await Client.Send(HttpMethod.Post, "/api/statements", Body(sourceId, typed, kind));

        // then both answer with the span in code points (not UTF-16 units) and the source's own characters
        Assert.Equal(200, located.Status);
        var item = Assert.Single(located.Body.GetProperty("items").EnumerateArray());
        Assert.Equal(expected, Span(item.GetProperty("span")));
        Assert.Equal(inSource, item.GetProperty("text").GetString());
        var utf16 = Text.IndexOf(inSource, StringComparison.Ordinal);
        Assert.NotEqual(utf16, expected.Start);
        Assert.NotEqual(System.Text.Encoding.UTF8.GetByteCount(Text[..utf16]), expected.Start);
        Assert.Equal(201, recorded.Status);
        Assert.Equal(expected, Span(recorded.Body.GetProperty("span")));
        Assert.Equal(inSource, recorded.Body.GetProperty("quote").GetString());
        Assert.True(recorded.Body.GetProperty("position").GetInt64() > 0);
        Assert.Equal(200, again.Status);
        Assert.Equal(recorded.Body.GetProperty("id").GetString(), again.Body.GetProperty("id").GetString());
        Assert.Equal(expected, Span(again.Body.GetProperty("span")));
        var view = (await Client.Get<Statement>($"/api/statements/{recorded.Body.GetProperty("id").GetString()}")).Body!;
        Assert.Equal(inSource, view.Quote);
        Assert.Equal(expected, Span(view.Span));
    }

    [Fact]
    public async Task RecordWithoutSpan_QuoteOccursTwice_Is409ListingEveryOccurrenceThenTheChosenSpanRecords()
    {
        var sourceId = await GivenSpeakersAndSource();
        var first = SpanOf("“We stand together.”");
        var second = SpanOf("“We stand together.”", Text.IndexOf("Later", StringComparison.Ordinal));
        var events = await Factory.EventCount();

        var ambiguous = await Client.Send(HttpMethod.Post, "/api/statements", Body(sourceId, "\"We stand together.\"", "direct"));

        Assert.Equal(409, ambiguous.Status);
        Assert.True(ambiguous.Body.GetProperty("errors").TryGetProperty("quote", out _));
        Assert.Equal(2, ambiguous.Body.GetProperty("occurrenceCount").GetInt32());
        Assert.Equal([first, second], ambiguous.Body.GetProperty("occurrences").EnumerateArray().Select(o => Span(o.GetProperty("span"))));
        Assert.All(ambiguous.Body.GetProperty("occurrences").EnumerateArray(), o => Assert.Equal("“We stand together.”", o.GetProperty("text").GetString()));
        Assert.Equal(events, await Factory.EventCount());
        var chosen = await Client.Send(HttpMethod.Post, "/api/statements",
            Body(sourceId, "\"We stand together.\"", "direct", new { start = second.Start, end = second.End }));
        Assert.Equal(201, chosen.Status);
        Assert.Equal(second, Span(chosen.Body.GetProperty("span")));
    }

    [Theory]
    [InlineData("direct")]
    [InlineData("reported")]
    public async Task RecordWithoutSpan_QuoteNotInSource_Is400OnQuoteShowingTheClosestPassage(string kind)
    {
        var sourceId = await GivenSpeakersAndSource();
        var events = await Factory.EventCount();

        var refused = await Client.Send(HttpMethod.Post, "/api/statements", Body(sourceId, "Our friendship is taller than mountains", kind));
        var located = await Client.Send(HttpMethod.Post, $"/api/sources/{sourceId}/locate", new { quote = "Our friendship is taller than mountains" });

        Assert.Equal(400, refused.Status);
        Assert.Contains("not found in the source", refused.Body.GetProperty("errors").GetProperty("quote")[0].GetString());
        var closest = refused.Body.GetProperty("closest");
        Assert.Contains("friendship is higher than mountains", closest.GetProperty("text").GetString());
        Assert.Equal(0, refused.Body.GetProperty("occurrenceCount").GetInt32());
        Assert.Equal(events, await Factory.EventCount());
        Assert.Equal(200, located.Status);
        Assert.Empty(located.Body.GetProperty("items").EnumerateArray());
        Assert.Equal(Span(closest.GetProperty("span")), Span(located.Body.GetProperty("closest").GetProperty("span")));
    }

    [Fact]
    public async Task RecordWithSpan_QuoteElsewhere_Is400ShowingWhatTheSpanHoldsAndWhereTheQuoteIs()
    {
        var sourceId = await GivenSpeakersAndSource();
        var wrong = SpanOf("Both sides agreed");

        var refused = await Client.Send(HttpMethod.Post, "/api/statements",
            Body(sourceId, "\"友谊之树常青。\"", "direct", new { start = wrong.Start, end = wrong.End }));

        Assert.Equal(400, refused.Status);
        Assert.Equal("Both sides agreed", refused.Body.GetProperty("atSpan").GetProperty("text").GetString());
        Assert.Equal(SpanOf("「友谊之树常青。」"), Span(Assert.Single(refused.Body.GetProperty("occurrences").EnumerateArray()).GetProperty("span")));
    }

    [Fact]
    public async Task AmendWithNewQuoteWithoutSpan_QuoteOccursOnce_IsFoundAndTheAnswerCarriesTheNewSpan()
    {
        var sourceId = await GivenSpeakersAndSource();
        var recorded = await Client.Send(HttpMethod.Post, "/api/statements", Body(sourceId, "the corridor would grow", "reported"));
        var id = recorded.Body.GetProperty("id").GetString();

        var amended = await Client.Send(HttpMethod.Post, $"/api/statements/{id}/amend",
            new { reason = "the quote ends with the year", quote = "the corridor would grow next year." });

        Assert.Equal(200, amended.Status);
        Assert.Equal(id, amended.Body.GetProperty("id").GetString());
        Assert.Equal(SpanOf("the corridor\nwould grow next year."), Span(amended.Body.GetProperty("span")));
        Assert.Equal("the corridor\nwould grow next year.", amended.Body.GetProperty("quote").GetString());
    }

    [Fact]
    public async Task Locate_UnknownSourceOrBlankQuote_AnswersProblemsNamingTheField()
    {
        var sourceId = await GivenSpeakersAndSource();

        var unknown = await Client.Send(HttpMethod.Post, "/api/sources/src-00000000000000000000/locate", new { quote = "We stand together." });
        var blank = await Client.Send(HttpMethod.Post, $"/api/sources/{sourceId}/locate", new { quote = " \u200B " });
        var missing = await Client.Send(HttpMethod.Post, $"/api/sources/{sourceId}/locate", new { });

        Assert.Equal(404, unknown.Status);
        Assert.True(unknown.Body.GetProperty("errors").TryGetProperty("id", out _));
        Assert.Equal(400, blank.Status);
        Assert.True(blank.Body.GetProperty("errors").TryGetProperty("quote", out _));
        Assert.Equal(400, missing.Status);
        Assert.True(missing.Body.GetProperty("errors").TryGetProperty("quote", out _));
    }
}
