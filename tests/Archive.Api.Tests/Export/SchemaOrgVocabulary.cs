using System.Globalization;
using System.Text.Json.Nodes;

namespace Archive.Api.Tests.Export;

/// <summary>
/// The schema.org terms the archive's JSON-LD uses, with their definitions as schema.org publishes them (type
/// hierarchy, each property's domain and range), and a validator that checks a document against them: every property
/// must be defined for its node's type (or a supertype) and every value must be in the property's range. Inside
/// <c>target</c> the W3C Web Annotation model applies instead, and is checked as the selectors' specification says.
/// </summary>
public static class SchemaOrgVocabulary
{
    public static readonly Dictionary<string, string?> Supertype = new()
    {
        ["Thing"] = null, ["CreativeWork"] = "Thing", ["Quotation"] = "CreativeWork", ["Claim"] = "CreativeWork",
        ["MediaObject"] = "CreativeWork", ["Person"] = "Thing", ["Organization"] = "Thing",
    };

    /// <summary>Property → (types it is defined on, types and data types of its values), from schema.org.</summary>
    public static readonly Dictionary<string, (string[] Domain, string[] Range)> Properties = new()
    {
        ["name"] = (["Thing"], ["Text"]),
        ["identifier"] = (["Thing"], ["Text", "URL", "PropertyValue"]),
        ["sameAs"] = (["Thing"], ["URL"]),
        ["alternateName"] = (["Thing"], ["Text"]),
        ["url"] = (["Thing"], ["URL"]),
        ["text"] = (["CreativeWork"], ["Text"]),
        ["author"] = (["CreativeWork", "Rating"], ["Organization", "Person"]),
        ["spokenByCharacter"] = (["Quotation"], ["Organization", "Person"]),
        ["dateCreated"] = (["CreativeWork", "DataFeedItem"], ["Date", "DateTime"]),
        ["datePublished"] = (["CreativeWork"], ["Date", "DateTime"]),
        ["isBasedOn"] = (["CreativeWork"], ["CreativeWork", "Product", "URL"]),
        ["about"] = (["CreativeWork", "Event", "CommunicateAction"], ["Thing"]),
        ["inLanguage"] = (["CreativeWork", "Event", "LinkRole", "PronounceableText", "WriteAction", "CommunicateAction"], ["Language", "Text"]),
        ["creativeWorkStatus"] = (["CreativeWork"], ["DefinedTerm", "Text"]),
        ["publisher"] = (["CreativeWork", "PublicationEvent"], ["Organization", "Person"]),
        ["encoding"] = (["CreativeWork"], ["MediaObject"]),
        ["encodingFormat"] = (["CreativeWork", "MediaObject"], ["Text", "URL"]),
        ["sha256"] = (["MediaObject"], ["Text"]),
        ["contentUrl"] = (["MediaObject"], ["URL"]),
    };

    public const string Context = "https://schema.org/";

    /// <summary>Every problem of the document, each with its JSON path; empty when it is valid.</summary>
    public static List<string> Problems(JsonObject document)
    {
        var problems = new List<string>();
        if (document["@context"] is not JsonArray { Count: 2 } context || context[0]?.GetValue<string>() != Context
            || context[1]?["target"]?["@context"]?.GetValue<string>() != "http://www.w3.org/ns/anno.jsonld")
            problems.Add("$.@context: must be schema.org with the Web Annotation context scoped to 'target'");
        Node(document, "$", problems, top: true);
        if (document["target"] is JsonObject target) Annotation.Check(target, "$.target", problems);
        else problems.Add("$.target: missing");
        return problems;
    }

    private static void Node(JsonObject node, string path, List<string> problems, bool top = false)
    {
        var type = node["@type"]?.GetValue<string>();
        if (type is null || !Supertype.ContainsKey(type)) { problems.Add($"{path}.@type: '{type}' is not a type of this vocabulary"); return; }
        foreach (var (key, value) in node)
        {
            if (key.StartsWith('@') || (top && key == "target")) continue;
            if (!Properties.TryGetValue(key, out var definition)) { problems.Add($"{path}.{key}: not a schema.org property of this vocabulary"); continue; }
            if (!definition.Domain.Any(d => IsA(type, d))) problems.Add($"{path}.{key}: not defined for {type}");
            foreach (var (item, at) in value is JsonArray array ? array.Select((v, i) => (v, $"{path}.{key}[{i}]")) : [(value, $"{path}.{key}")])
                Value(item, definition.Range, at, problems);
        }
    }

    private static void Value(JsonNode? value, string[] range, string path, List<string> problems)
    {
        switch (value)
        {
            case JsonObject node:
                var type = node["@type"]?.GetValue<string>() ?? "";
                if (!range.Any(r => IsA(type, r))) problems.Add($"{path}: a {type} is not in the range {string.Join("|", range)}");
                Node(node, path, problems);
                break;
            case JsonValue scalar when scalar.TryGetValue<string>(out var text):
                var fits = range.Any(r => r switch
                {
                    "Text" => true,
                    "URL" => Uri.TryCreate(text, UriKind.Absolute, out _),
                    "Date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                    "DateTime" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) && text.Contains('T'),
                    _ => false,
                });
                if (!fits) problems.Add($"{path}: '{text}' is not a {string.Join("|", range)}");
                break;
            default:
                problems.Add($"{path}: {value?.ToJsonString() ?? "null"} is neither a node nor a text");
                break;
        }
    }

    private static bool IsA(string type, string ancestor)
    {
        for (string? t = type; t is not null; t = Supertype.GetValueOrDefault(t))
            if (t == ancestor) return true;
        return false;
    }
}
