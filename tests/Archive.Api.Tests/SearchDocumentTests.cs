using System.Net.Http.Json;
using System.Text.Json;
using Archive.Testing;
using Xunit;

namespace Archive.Api.Tests;

/// <summary>
/// Search reads the statement views' stored search documents: they must follow every change of a view — an
/// amended quote, a rebuild of the views — or search would find words a statement no longer says.
/// </summary>
public sealed class SearchDocumentTests : ApiTest
{
    private readonly SampleSource _source = new(3, "the harbour");
    private string _id = "";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Assert.Equal(201, (await Client.Post<Written>("/api/actors", new { id = "wang-yi", name = "Wang Yi", kind = "person" })).Status);
        Assert.Equal(201, (await Client.Post<Written>("/api/sources", new { title = "Dialogue", text = _source.Text })).Status);
        _id = (await Client.Post<Written>("/api/statements", new
        {
            actorId = "wang-yi", sourceId = _source.Id, quote = _source.Sentences[0],
            span = new { start = _source.Span(0).Start, end = _source.Span(0).End }, quoteKind = "direct", saidOn = "2026-01-04",
        })).Body!.Id;
    }

    private async Task<List<string>> Hits(string q) =>
        (await Client.GetFromJsonAsync<Page>($"/api/statements?q={Uri.EscapeDataString(q)}", TestContext.Current.CancellationToken))!
            .Items.Select(i => i.Id).ToList();

    [Fact]
    public async Task AmendedQuote_SearchFindsTheNewWordsAndNotTheOld()
    {
        Assert.Equal([_id], await Hits("Sentence 1"));
        Assert.Equal(200, (await Client.Post<Written>($"/api/statements/{_id}/amend", new
        {
            reason = "the quote is the next sentence", quote = _source.Sentences[1],
            span = new { start = _source.Span(1).Start, end = _source.Span(1).End },
        })).Status);

        Assert.Equal([_id], await Hits("Sentence 2"));
        Assert.Empty(await Hits("\"Sentence 1\""));
    }

    [Fact]
    public async Task RebuiltViews_SearchStillFindsEveryStatement()
    {
        using (var rebuild = await Client.PostAsync("/api/projections/statements/rebuild", null, TestContext.Current.CancellationToken))
            Assert.Equal(System.Net.HttpStatusCode.Accepted, rebuild.StatusCode);
        await Eventually.Get(() => Client.GetFromJsonAsync<JsonElement>("/api/projections"),
            s => s.GetProperty("items").EnumerateArray().All(p => p.GetProperty("state").GetString() is "done" or "failed" or "idle"),
            TimeSpan.FromMinutes(1), "the rebuild to finish");

        Assert.Equal([_id], await Hits("harbour"));
        Assert.Equal(1, await TestDatabase.Scalar($"select count(*) from {Factory.Schema}.archive_statement_search"));
    }
}
