using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Archive.Domain.Sources;

namespace Archive.Store.Sources;

/// <summary>What an HTML page gives a source: its main text (paragraphs separated by a blank line) and its description.</summary>
public sealed record HtmlPage(string Text, string? Title, string? Outlet, string? Url, DateOnly? PublishedOn, string? Language);

/// <summary>
/// Registers an HTML page as a source: the page's main text (found by SmartReader, a port of Mozilla's Readability)
/// becomes the stored text that the archive shows and spans index; title, outlet, canonical URL, publication date
/// and language come from the page's metadata. Both the API (<c>contentType: text/html</c>) and the command line
/// (<c>archive sources add page.html</c>) use this one reading, so a page registers as the same source either way.
/// </summary>
public static class HtmlSource
{
    public const string ContentType = "text/html";

    private static readonly string[] Blocks = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "dt", "dd", "td", "th"];
    private static readonly string BlockSelector = string.Join(", ", Blocks);

    /// <summary>True for <c>text/html</c> with or without parameters (<c>text/html; charset=utf-8</c>).</summary>
    public static bool IsHtml(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals(ContentType, StringComparison.OrdinalIgnoreCase);

    /// <summary>Why a registration's content type cannot be registered (<c>text/plain</c>, the default, or <c>text/html</c>), or null.</summary>
    public static string? ContentTypeProblem(string? contentType) =>
        contentType is null || IsHtml(contentType) || contentType.Split(';')[0].Trim().Equals("text/plain", StringComparison.OrdinalIgnoreCase)
            ? null
            : "must be text/plain (the text as it is) or text/html (a page whose main text is extracted)";

    /// <summary>
    /// The registration of <paramref name="html"/>: what the caller gives wins over what the page says, so an archivist
    /// can correct a page's title or date while registering it.
    /// </summary>
    public static RegisterSource Registration(string html, string? title = null, string? outlet = null, string? url = null,
        DateOnly? publishedOn = null, string? language = null)
    {
        var page = Read(html, url);
        return new RegisterSource(title ?? page.Title ?? "", page.Text, outlet ?? page.Outlet, url ?? page.Url,
            publishedOn ?? page.PublishedOn, language ?? page.Language);
    }

    /// <summary>Reads the page; <paramref name="pageUrl"/> is where it was fetched from, when known.</summary>
    public static HtmlPage Read(string html, string? pageUrl = null)
    {
        var document = new HtmlParser().ParseDocument(html);
        var url = pageUrl ?? Absolute(Attribute(document, "link[rel=canonical]", "href")) ?? Absolute(Meta(document, "og:url"));
        // The reader needs an address to resolve links against; a page without one is read against a placeholder that is never stored.
        // A short article scores as "not readable" and would come back empty: the archivist chose this page, so read it anyway.
        var article = new SmartReader.Reader(url ?? "https://localhost/", html) { ContinueIfNotReadable = true }.GetArticle();
        var text = MainText(article.Content);
        if (text.Length == 0) text = Paragraphs(WithoutChrome(document));
        // The page's own date as it states it (its offset's day); else what the reader found (it also reads JSON-LD).
        var published = PublishedOn(document) ?? (article.PublicationDate is { Year: > 1 } date ? DateOnly.FromDateTime(date) : null);
        var outlet = Clean(Meta(document, "og:site_name")) ?? Clean(article.SiteName);
        var title = Clean(Meta(document, "og:title")) ?? WithoutOutlet(Clean(article.Title) ?? Clean(document.Title), outlet);
        return new HtmlPage(text, title, outlet, url, published, Language(article.Language) ?? Language(document.DocumentElement.GetAttribute("lang")));
    }

    /// <summary>A page title without the site's name that pages append ("Headline | Outlet", "Headline - Outlet").</summary>
    private static string? WithoutOutlet(string? title, string? outlet)
    {
        if (title is null || outlet is null) return title;
        foreach (var separator in new[] { " | ", " - ", " – ", " — ", " :: " })
            if (title.EndsWith(separator + outlet, StringComparison.OrdinalIgnoreCase) && title.Length > separator.Length + outlet.Length)
                return title[..^(separator.Length + outlet.Length)];
        return title;
    }

    /// <summary>The page's body without what is never an article's text: navigation, headers, footers, asides, scripts, forms.</summary>
    private static IElement? WithoutChrome(IHtmlDocument document)
    {
        foreach (var element in document.QuerySelectorAll("nav, header, footer, aside, script, style, noscript, form").ToArray()) element.Remove();
        return document.Body;
    }

    private static string MainText(string? content) =>
        string.IsNullOrWhiteSpace(content) ? "" : Paragraphs(new HtmlParser().ParseDocument(content).Body);

    /// <summary>The innermost block elements' text, each with its whitespace collapsed, one paragraph each.</summary>
    private static string Paragraphs(IElement? root)
    {
        if (root is null) return "";
        var blocks = root.QuerySelectorAll(BlockSelector).Where(e => e.QuerySelector(BlockSelector) is null).ToArray();
        var paragraphs = (blocks.Length > 0 ? blocks.Select(b => b.TextContent) : [root.TextContent])
            .Select(Collapse).Where(p => p.Length > 0);
        return string.Join("\n\n", paragraphs);
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : Collapse(text);

    private static string? Meta(IHtmlDocument document, string property) =>
        Attribute(document, $"meta[property='{property}'], meta[name='{property}']", "content");

    private static string? Attribute(IHtmlDocument document, string selector, string attribute) =>
        document.QuerySelector(selector)?.GetAttribute(attribute)?.Trim() is { Length: > 0 } value ? value : null;

    private static string? Absolute(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri.AbsoluteUri : null;

    private static DateOnly? PublishedOn(IHtmlDocument document)
    {
        var candidates = new[] { Meta(document, "article:published_time"), Meta(document, "date"), Meta(document, "dc.date"),
            Attribute(document, "time[datetime]", "datetime") };
        foreach (var value in candidates.OfType<string>())
        {
            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
                return DateOnly.FromDateTime(instant.DateTime);
        }
        return null;
    }

    /// <summary>A language tag as the archive stores it (<c>en</c>, <c>zh-Hans</c>); null for anything that is not one.</summary>
    private static string? Language(string? tag)
    {
        var trimmed = tag?.Trim().Replace('_', '-');
        var errors = new List<Domain.Common.DomainError>();
        if (string.IsNullOrEmpty(trimmed)) return null;
        Domain.Common.Checks.Language(errors, "language", trimmed);
        return errors.Count == 0 ? trimmed : null;
    }
}
