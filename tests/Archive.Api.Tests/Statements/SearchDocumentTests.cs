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

    private async Task RebuildViews()
    {
        using (var rebuild = await Client.PostAsync("/api/projections/statements/rebuild", null, TestContext.Current.CancellationToken))
            Assert.Equal(System.Net.HttpStatusCode.Accepted, rebuild.StatusCode);
        var status = await Eventually.Get(() => Client.GetFromJsonAsync<JsonElement>("/api/projections"),
            s => s.GetProperty("items").EnumerateArray().All(p => p.GetProperty("state").GetString() is "done" or "failed" or "idle"),
            TimeSpan.FromMinutes(1), "the rebuild to finish");
        Assert.Equal("done", status.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "statements")
            .GetProperty("state").GetString());
    }

    [Fact]
    public async Task RebuiltViews_KeepTheSearchRowsOfUnchangedQuotes()
    {
        var row = $"select xmin::text::bigint from {Factory.Schema}.archive_statement_search where id = '{_id}'";
        var before = await TestDatabase.Scalar(row);

        await RebuildViews();

        Assert.Equal(before, await TestDatabase.Scalar(row)); // the same row: its search document was not made again
        Assert.Equal([_id], await Hits("harbour"));
    }

    [Fact]
    public async Task RebuildAfterAmendment_SearchFindsTheAmendedWordsOnly()
    {
        Assert.Equal(200, (await Client.Post<Written>($"/api/statements/{_id}/amend", new
        {
            reason = "the quote is the next sentence", quote = _source.Sentences[1],
            span = new { start = _source.Span(1).Start, end = _source.Span(1).End },
        })).Status);

        await RebuildViews();

        Assert.Equal([_id], await Hits("Sentence 2"));
        Assert.Empty(await Hits("\"Sentence 1\""));
        Assert.Equal(1, await TestDatabase.Scalar($"select count(*) from {Factory.Schema}.archive_statement_search"));
    }

    [Fact]
    public async Task ChangeThatKeepsTheQuote_LeavesTheSearchRowAsItWas()
    {
        var row = $"select xmin::text::bigint from {Factory.Schema}.archive_statement_search where id = '{_id}'";
        var before = await TestDatabase.Scalar(row);
        Assert.Equal(200, (await Client.Post<Written>($"/api/statements/{_id}/verify", new { method = "transcript" })).Status);
        Assert.Equal("verified", (await Client.GetFromJsonAsync<JsonElement>($"/api/statements/{_id}", TestContext.Current.CancellationToken))
            .GetProperty("status").GetString());
        Assert.Equal(before, await TestDatabase.Scalar(row)); // not rewritten: the quote did not change
        Assert.Equal([_id], await Hits("harbour"));
    }

    [Fact]
    public async Task SearchTableOfAnEarlierShape_IsUpgradedByTheMigration()
    {
        var schema = Factory.Schema;
        // the shape before the lower-case quote: (id, document) and one trigger for every change
        await TestDatabase.Scalar($"""
            drop trigger archive_statement_search_insert on {schema}.mt_doc_statementview;
            drop trigger archive_statement_search_update on {schema}.mt_doc_statementview;
            alter table {schema}.archive_statement_search drop column quote;
            create or replace function {schema}.archive_statement_search_row() returns trigger language plpgsql as $f$
            begin
              insert into {schema}.archive_statement_search (id, document) values (new.id, to_tsvector('english', new.data ->> 'quote'))
              on conflict (id) do update set document = excluded.document;
              return new;
            end $f$;
            create trigger archive_statement_search_rows after insert or update or delete on {schema}.mt_doc_statementview
              for each row execute function {schema}.archive_statement_search_row();
            select 1
            """);
        await TestDatabase.Scalar(Archive.Store.Statements.StatementSearchSql.Sql(schema) + "; select 1");

        var triggers = await TestDatabase.Column<string>(
            $"select tgname::text from pg_trigger where tgrelid = '{schema}.mt_doc_statementview'::regclass and not tgisinternal order by 1");
        Assert.Equal(["archive_statement_search_insert", "archive_statement_search_truncate", "archive_statement_search_update"], triggers);
        Assert.Equal(_source.Sentences[0].ToLowerInvariant(), (await TestDatabase.Column<string>(
            $"select quote from {schema}.archive_statement_search where id = '{_id}'")).Single());
        Assert.Equal([_id], await Hits("harbour"));
    }
}
