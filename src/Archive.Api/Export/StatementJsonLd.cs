using System.Text.Json.Nodes;
using Archive.Domain.Statements;
using Archive.Store.Export;
using Archive.Store.Sources;
using Archive.Store.Statements;

namespace Archive.Api.Export;

/// <summary>
/// A statement as linked data: a schema.org <c>Quotation</c> (direct quotes) or <c>Claim</c> (reported and joint
/// statements) whose <c>target</c> is a W3C Web Annotation target on the source's stored text, with a
/// <c>TextQuoteSelector</c> (the quote with 32 code points of context each side) and a <c>TextPositionSelector</c>
/// (code point offsets, as the archive's spans and the Web Annotation model both count), so an annotation tool can
/// re-anchor the quote in the text.
/// </summary>
public static class StatementJsonLd
{
    public const string MediaType = "application/ld+json";
    public const int ContextLength = 32;
    public const string AnnotationContext = "http://www.w3.org/ns/anno.jsonld";
    public const string TargetTerm = "http://www.w3.org/ns/oa#hasTarget";

    /// <summary>The statement's JSON-LD document; <paramref name="baseUrl"/> (no trailing slash) makes the archive's ids absolute.</summary>
    public static JsonObject Of(StatementView statement, SourceView source, ExportDirectory directory, string baseUrl)
    {
        var quotation = statement.QuoteKind == QuoteKinds.Direct;
        var speakers = new JsonArray([.. new[] { statement.ActorId }.Concat(statement.CoSpeakers).Select(a => Agent(a, directory, baseUrl))]);
        var document = new JsonObject
        {
            // schema.org is the vocabulary; the Web Annotation context applies inside "target" only, where its terms mean what annotation tools expect.
            ["@context"] = new JsonArray("https://schema.org/", new JsonObject
            {
                ["target"] = new JsonObject { ["@id"] = TargetTerm, ["@context"] = AnnotationContext },
            }),
            ["@id"] = $"{baseUrl}/api/statements/{statement.Id}",
            ["@type"] = quotation ? "Quotation" : "Claim",
            ["identifier"] = statement.Id,
            ["text"] = statement.Quote,
        };
        if (quotation) document["spokenByCharacter"] = speakers.DeepClone();
        document["author"] = speakers;
        document["dateCreated"] = statement.SaidOn.ToString("yyyy-MM-dd");
        document["isBasedOn"] = Source(source, baseUrl);
        document["about"] = new JsonArray([.. statement.Topics.Select(t => Topic(t, directory, baseUrl))]);
        document["inLanguage"] = statement.Language;
        document["creativeWorkStatus"] = statement.Status;
        document["target"] = Target(statement.Span, source, baseUrl);
        return document;
    }

    private static JsonObject Agent(string actorId, ExportDirectory directory, string baseUrl)
    {
        var actor = directory.Actors.GetValueOrDefault(actorId);
        var agent = new JsonObject
        {
            ["@type"] = actor?.Kind == "organisation" ? "Organization" : "Person",
            ["identifier"] = actorId,
            ["name"] = actor?.Name ?? actorId,
            ["sameAs"] = $"{baseUrl}/api/actors/{actorId}",
        };
        if (actor is { Aliases.Count: > 0 }) agent["alternateName"] = new JsonArray([.. actor.Aliases.Select(a => (JsonNode)a)]);
        return agent;
    }

    private static JsonObject Topic(string topicId, ExportDirectory directory, string baseUrl) => new()
    {
        ["@type"] = "Thing",
        ["identifier"] = topicId,
        ["name"] = directory.Topics.GetValueOrDefault(topicId)?.Title ?? topicId,
        ["sameAs"] = $"{baseUrl}/api/topics/{topicId}",
    };

    private static JsonObject Source(SourceView source, string baseUrl)
    {
        var work = new JsonObject
        {
            ["@id"] = $"{baseUrl}/api/sources/{source.Id}",
            ["@type"] = "CreativeWork",
            ["identifier"] = source.Id,
            ["name"] = source.Title,
        };
        if (source.Url is not null) work["url"] = source.Url;
        if (source.Outlet is not null) work["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = source.Outlet };
        if (source.PublishedOn is { } published) work["datePublished"] = published.ToString("yyyy-MM-dd");
        if (source.Language is not null) work["inLanguage"] = source.Language;
        // The stored text (what spans index) is an encoding of the work; its hash lets anyone check they re-anchor in the same text.
        work["encoding"] = new JsonObject
        {
            ["@type"] = "MediaObject",
            ["encodingFormat"] = "text/plain; charset=utf-8",
            ["sha256"] = source.TextHash,
            ["contentUrl"] = $"{baseUrl}/api/sources/{source.Id}",
        };
        return work;
    }

    private static JsonObject Target(TextSpan span, SourceView source, string baseUrl)
    {
        var (prefix, exact, suffix) = CodePoints.Around(source.Text, span.Start, span.End, ContextLength);
        return new JsonObject
        {
            ["type"] = "SpecificResource",
            ["source"] = $"{baseUrl}/api/sources/{source.Id}",
            ["selector"] = new JsonArray(
                new JsonObject { ["type"] = "TextQuoteSelector", ["exact"] = exact, ["prefix"] = prefix, ["suffix"] = suffix },
                new JsonObject { ["type"] = "TextPositionSelector", ["start"] = span.Start, ["end"] = span.End }),
        };
    }
}
