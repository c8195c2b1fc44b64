using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using Archive.Api.Tests.Candidates;
using Xunit;

namespace Archive.Api.Tests.Export;

public sealed class ExportTests : ApiTest
{
    // Written for this test: astral characters before the quotes (code points ≠ UTF-16 units), a quote with commas and
    // double quotes, and a joint statement across a line break (CSV fields that must be quoted).
    private const string Text = """
        Talks on the Drava river 🌊🌊 in Port Lira, with notes for the archive.
        Ana Kovac said: We will not accept delays, "not one more", on the commission.
        The two sides agreed to meet again in June.
        Both sides reaffirmed the free movement of goods.
        Tomas Brandt said the agreement was ready, or nearly ready.
        """;

    private sealed record Recorded(string Id, string ActorId, string Quote, int Start, int End);

    private async Task<(string SourceId, List<Recorded> Statements)> GivenStatements()
    {
        await CandidateTexts.GivenTheArchive(Client);
        var sourceId = await CandidateTexts.Register(Client, "Talks on the Drava", Text, "2026-05-21");
        Assert.Equal(200, (await Client.Get<JsonElement>($"/api/sources/{sourceId}")).Status);
        var recorded = new List<Recorded>();
        foreach (var (actor, quote, kind, co, topics) in new[]
                 {
                     ("ana-kovac", "We will not accept delays, \"not one more\", on the commission.", "direct", Array.Empty<string>(), new[] { "drava-river" }),
                     ("marovia", "The two sides agreed to meet again in June.\nBoth sides reaffirmed the free movement of goods.", "joint", ["selland"], []),
                     ("tomas-brandt", "Tomas Brandt said the agreement was ready, or nearly ready.", "reported", [], []),
                 })
        {
            var (start, end) = CodePointSpan(Text, quote);
            var written = await Client.Post<Written>("/api/statements", new
            {
                actorId = actor, sourceId, quote, span = new { start, end }, quoteKind = kind, saidOn = "2026-05-20", topics, coSpeakers = co,
            });
            Assert.Equal(201, written.Status);
            recorded.Add(new Recorded(written.Body!.Id, actor, quote, start, end));
        }
        return (sourceId, recorded);
    }

    private static (int Start, int End) CodePointSpan(string text, string quote)
    {
        var at = text.IndexOf(quote, StringComparison.Ordinal);
        var start = text[..at].EnumerateRunes().Count();
        return (start, start + quote.EnumerateRunes().Count());
    }

    private static string Runes(string text, int from, int to)
    {
        var runes = text.EnumerateRunes().ToArray();
        return string.Concat(runes[Math.Clamp(from, 0, runes.Length)..Math.Clamp(to, 0, runes.Length)].Select(r => r.ToString()));
    }

    [Fact]
    public async Task GetStatement_AcceptJsonLd_SelectorsReanchorTheQuoteInTheSourceText()
    {
        var (sourceId, statements) = await GivenStatements();
        var text = (await Client.Get<Source>($"/api/sources/{sourceId}")).Body!.Text;

        foreach (var statement in statements)
        {
            // when a client asks for the statement as JSON-LD
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/statements/{statement.Id}");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/ld+json"));
            using var response = await Client.SendAsync(request);
            Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
            var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

            // then both selectors slice the stored text to the quote, with 32 code points of context each side
            var (exact, prefix, suffix, start, end) = Annotation.Selectors(document);
            Assert.Equal((statement.Start, statement.End), (start, end));
            Assert.Equal(Runes(text, start, end), exact);
            Assert.Equal(statement.Quote, exact);
            Assert.Equal(Runes(text, start - 32, start), prefix);
            Assert.Equal(Runes(text, end, end + 32), suffix);
            Assert.Contains(prefix + exact + suffix, text);
            // and the document names the text it anchors in by its hash, its speaker, kind and status
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), document["isBasedOn"]!["encoding"]!["sha256"]!.GetValue<string>());
            Assert.Equal(statement.ActorId, document["author"]![0]!["identifier"]!.GetValue<string>());
            Assert.Equal(statement.Quote.StartsWith("We will") ? "Quotation" : "Claim", document["@type"]!.GetValue<string>());
            Assert.Equal("recorded", document["creativeWorkStatus"]!.GetValue<string>());
            Assert.Empty(SchemaOrgVocabulary.Problems(document));
        }
        // and the archive's own JSON is still what a client gets without asking
        using var plain = await Client.GetAsync($"/api/statements/{statements[0].Id}");
        Assert.Equal("application/json", plain.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ExportJsonLd_EveryStatement_OneValidDocumentALine()
    {
        var (_, statements) = await GivenStatements();

        using var response = await ClientAs("reader").GetAsync("/api/export/statements.jsonld");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var documents = lines.Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(statements.Select(s => s.Id).Order(), documents.Select(d => d["identifier"]!.GetValue<string>()).Order());
        foreach (var document in documents) Assert.Empty(SchemaOrgVocabulary.Problems(document));
        var joint = documents.Single(d => d["identifier"]!.GetValue<string>() == statements[1].Id);
        Assert.Equal(["marovia", "selland"], joint["author"]!.AsArray().Select(a => a!["identifier"]!.GetValue<string>()));
        Assert.Equal("Drava river", documents.Single(d => d["identifier"]!.GetValue<string>() == statements[0].Id)["about"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Vocabulary_MisusedTerms_AreReported()
    {
        // given a document that puts a Quotation's term on a Claim, invents a term, and gives a date that is not one
        var document = JsonNode.Parse("""
            { "@context": ["https://schema.org/", { "target": { "@id": "http://www.w3.org/ns/oa#hasTarget", "@context": "http://www.w3.org/ns/anno.jsonld" } }],
              "@type": "Claim", "spokenByCharacter": { "@type": "Person", "name": "A" }, "speaker": "A", "dateCreated": "May 20",
              "about": { "@type": "Person", "colour": "red" }, "author": { "@type": "Thing", "name": "B" },
              "target": { "type": "SpecificResource", "source": "https://archive.test/api/sources/src-1",
                          "selector": [{ "type": "TextPositionSelector", "start": 9, "end": 3 }] } }
            """)!.AsObject();

        var problems = SchemaOrgVocabulary.Problems(document);

        Assert.Contains("$.spokenByCharacter: not defined for Claim", problems);
        Assert.Contains("$.speaker: not a schema.org property of this vocabulary", problems);
        Assert.Contains("$.dateCreated: 'May 20' is not a Date|DateTime", problems);
        Assert.Contains("$.about.colour: not a schema.org property of this vocabulary", problems);
        Assert.Contains("$.author: a Thing is not in the range Organization|Person", problems);
        Assert.Contains("$.target.selector: no TextQuoteSelector", problems);
        Assert.Contains("$.target.selector: TextPositionSelector needs integers 0 <= start <= end", problems);
    }

    [Fact]
    public async Task ExportCsv_EveryStatement_ParsesBackToTheSameRows()
    {
        var (sourceId, statements) = await GivenStatements();

        using var response = await ClientAs("reader").GetAsync("/api/export/statements.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\r\n", Encoding.UTF8.GetString(bytes)); // RFC 4180 line ends
        using var csv = CsvReader.Create(bytes, CsvReaderOptions.Default);
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read()) rows.Add(csv.Headers.ToArray().Select((h, i) => (h, v: csv.GetString(i))).ToDictionary(p => p.h, p => p.v));
        Assert.Equal(statements.Count, rows.Count);
        foreach (var statement in statements)
        {
            var row = rows.Single(r => r["id"] == statement.Id);
            Assert.Equal(statement.Quote, row["quote"]);
            Assert.Equal(statement.ActorId, row["actorId"]);
            Assert.Equal((statement.Start.ToString(), statement.End.ToString()), (row["spanStart"], row["spanEnd"]));
            Assert.Equal((sourceId, "2026-05-20", "recorded"), (row["sourceId"], row["saidOn"], row["status"]));
        }
        Assert.Equal("drava-river", rows.Single(r => r["id"] == statements[0].Id)["topics"]);
        Assert.Equal("selland", rows.Single(r => r["id"] == statements[1].Id)["coSpeakers"]);
    }
}
