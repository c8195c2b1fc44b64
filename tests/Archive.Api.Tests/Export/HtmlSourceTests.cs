using System.Text.Json;
using Archive.Api.Tests.Candidates;
using Archive.Store.Sources;
using Xunit;

namespace Archive.Api.Tests.Export;

public sealed class HtmlSourceTests : ApiTest
{
    // A page written for this test in the usual shape of a news site: navigation, the article, related links, a footer.
    private const string Page = """
        <!doctype html>
        <html lang="en-GB">
        <head>
          <meta charset="utf-8">
          <title>Selland to reopen Kell crossing to freight | The Lira Courier</title>
          <meta property="og:title" content="Selland to reopen Kell crossing to freight">
          <meta property="og:site_name" content="The Lira Courier">
          <meta property="article:published_time" content="2026-06-02T07:30:00+02:00">
          <link rel="canonical" href="https://courier.example/world/2026/06/02/kell-crossing">
        </head>
        <body>
          <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
          <main>
            <article>
              <h1>Selland to reopen Kell crossing to freight</h1>
              <p>PORT LIRA, June 2 – The foreign minister of Selland, Tomas Brandt, said on Monday that his government would reopen
                 the border crossing at Kell to <em>freight traffic</em> by the end of the month, after weeks of queues on both sides.</p>
              <p>"We have listened to the hauliers, and we are ready to act," Brandt told reporters in the capital. The crossing was
                 closed in April for repairs to the bridge, and lorries have since been sent through Drava, two hours to the north.</p>
              <p>Irena Volk, the spokesperson of the Marovian foreign ministry, welcomed the decision. "This is good news for the people
                 on both banks of the Drava river," she said, adding that Marovian customs officers would be ready on the first day.</p>
            </article>
            <aside><h2>Related</h2><ul><li><a href="/a">Drava dam talks stall</a></li><li><a href="/b">Freight prices rise</a></li></ul></aside>
          </main>
          <footer><p>© 2026 The Lira Courier. All rights reserved.</p></footer>
        </body>
        </html>
        """;

    [Fact]
    public void Read_NewsPage_MainTextAsParagraphsAndTheDescriptionFromItsMetadata()
    {
        var page = HtmlSource.Read(Page);

        Assert.Equal("Selland to reopen Kell crossing to freight", page.Title);
        Assert.Equal("The Lira Courier", page.Outlet);
        Assert.Equal("https://courier.example/world/2026/06/02/kell-crossing", page.Url);
        Assert.Equal(new DateOnly(2026, 6, 2), page.PublishedOn);
        Assert.Equal("en-GB", page.Language);
        var paragraphs = page.Text.Split("\n\n");
        Assert.Contains(paragraphs, p => p.StartsWith("PORT LIRA, June 2 – The foreign minister of Selland") && p.Contains("to freight traffic by the end"));
        Assert.Contains(paragraphs, p => p.StartsWith("\"We have listened to the hauliers"));
        Assert.DoesNotContain("All rights reserved", page.Text);
        Assert.DoesNotContain("Sport", page.Text);
        Assert.DoesNotContain("  ", page.Text);
    }

    [Fact]
    public void Read_PageWithoutOpenGraph_TitleWithoutTheOutletsSuffixAndDateFromTime()
    {
        var page = HtmlSource.Read("""
            <html><head><title>Drava dam talks stall - The Lira Courier</title><meta name="og:site_name" content="The Lira Courier"></head>
            <body><article><h1>Drava dam talks stall</h1><p>Talks on the Drava dam ended without an agreement on Friday, officials in both capitals said.</p>
            <p>Published <time datetime="2026-05-29">29 May</time>.</p></article></body></html>
            """);

        Assert.Equal(("Drava dam talks stall", "The Lira Courier", new DateOnly(2026, 5, 29)), (page.Title, page.Outlet, page.PublishedOn));
        Assert.Null(page.Url);
        Assert.Contains("Talks on the Drava dam ended without an agreement on Friday, officials in both capitals said.", page.Text);
    }

    [Fact]
    public void Registration_GivenFields_WinOverThePage()
    {
        var command = HtmlSource.Registration(Page, title: "Kell crossing", publishedOn: new DateOnly(2026, 6, 1));

        Assert.Equal(("Kell crossing", new DateOnly(2026, 6, 1), "The Lira Courier"), (command.Title, command.PublishedOn, command.Outlet));
        Assert.Equal(HtmlSource.Read(Page).Text, command.Text);
        Assert.True(HtmlSource.IsHtml("text/html; charset=utf-8"));
        Assert.False(HtmlSource.IsHtml("text/plain"));
    }

    [Fact]
    public async Task RegisterSource_ContentTypeHtml_StoresTheMainTextDescribedByThePage()
    {
        var registered = await Client.Post<Written>("/api/sources", new { text = Page, contentType = "text/html; charset=utf-8", outlet = "Courier" });
        var again = await Client.Post<Written>("/api/sources", new { text = Page, contentType = "text/html", outlet = "Courier" });
        var unknown = await Client.Post<Problem>("/api/sources", new { title = "T", text = Page, contentType = "application/pdf" });

        Assert.Equal((201, 200), (registered.Status, again.Status));
        var source = (await Client.Get<JsonElement>($"/api/sources/{registered.Body!.Id}")).Body;
        Assert.Equal(HtmlSource.Read(Page).Text, source.GetProperty("text").GetString());
        Assert.Equal(("Selland to reopen Kell crossing to freight", "Courier", "2026-06-02", "https://courier.example/world/2026/06/02/kell-crossing"),
            (source.GetProperty("title").GetString(), source.GetProperty("outlet").GetString(), source.GetProperty("publishedOn").GetString(),
             source.GetProperty("url").GetString()));
        Assert.Equal(400, unknown.Status);
        Assert.Contains("contentType", unknown.Body!.Errors!.Keys);
    }

    [Fact]
    public async Task RegisteredPage_StoredTextIsTheMainText_AndCandidatesIndexIt()
    {
        // given the page's registration as the archive receives it
        await CandidateTexts.GivenTheArchive(Client);
        var command = HtmlSource.Registration(Page);
        var registered = await Client.Post<Written>("/api/sources", new
        {
            title = command.Title, text = command.Text, outlet = command.Outlet, url = command.Url, publishedOn = command.PublishedOn, language = command.Language,
        });
        Assert.Equal(201, registered.Status);

        // then the archive shows the page's main text, and the candidates' spans index that text
        var source = (await Client.Get<JsonElement>($"/api/sources/{registered.Body!.Id}")).Body;
        var text = source.GetProperty("text").GetString()!;
        Assert.Equal(command.Text, text);
        Assert.Equal("2026-06-02", source.GetProperty("publishedOn").GetString());
        var candidates = (await Client.Get<CandidatePage>($"/api/sources/{registered.Body.Id}/candidates")).Body!.Items;
        var brandt = Assert.Single(candidates, c => c.Speaker.ActorId == "tomas-brandt" && c.QuoteKind == "direct");
        Assert.Equal("2026-06-01", brandt.SaidOn);
        Assert.All(candidates, c => Assert.Equal(CandidateTexts.Slice(text, c.Span), c.Quote));
    }
}
