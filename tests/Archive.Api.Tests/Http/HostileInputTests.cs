using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace Archive.Api.Tests;

/// <summary>
/// Hundreds of generated invalid requests across every write endpoint: each must get a 4xx ProblemDetails, never a
/// 5xx, and the archive must hold exactly the events it held before.
/// </summary>
public sealed class HostileInputTests() : ApiTest(seeded: true)
{
    private sealed record Field(string Name, bool Required, string[] Invalid);

    private sealed record Endpoint(HttpMethod Method, string Path, JsonObject Body, Field[] Fields);

    private const string Control = "\u0000x";
    // JSON writers replace a lone surrogate with U+FFFD; this marker becomes the raw escape \ud800 in the body text.
    private const string Lone = "LONE-SURROGATE-MARKER";
    private static readonly string Long = new('a', 100_000);
    private static readonly string[] Slug = ["Lin Jian", "-x", "a", "'; drop table mt_events; --", "<script>alert(1)</script>", Control, Lone, ""];
    private static readonly string[] Text = [Control, Lone, "  ", Long];
    private static readonly string[] Date = ["2999-01-01", "0999-12-31", "yesterday", "2025-13-40", ""];

    private async Task<List<Endpoint>> Endpoints()
    {
        var statement = (await Client.GetFromJsonAsync<Page>("/api/statements?actor=lin-jian&limit=2"))!.Items;
        var (id, other) = (statement[0].Id, statement[1].Id);
        var source = statement[0].SourceId;
        var text = (await Client.GetFromJsonAsync<Source>($"/api/sources/{source}"))!.Text;
        var quote = text.Substring(0, 12);
        JsonObject Body(string json) => JsonNode.Parse(json)!.AsObject();
        return
        [
            new(HttpMethod.Post, "/api/actors", Body("""{"id":"new-actor","name":"New Actor","kind":"person","country":"CN","aliases":["N. A."]}"""),
                [new("id", true, Slug), new("name", true, Text), new("kind", true, ["robot", "", Control]), new("country", false, ["China", "cn", ""]),
                 new("aliases", false, [])]),
            new(HttpMethod.Post, "/api/topics", Body("""{"id":"new-topic","title":"New","description":"d","parentId":"cpec"}"""),
                [new("id", true, Slug), new("title", true, Text), new("description", false, [Control, Lone, "  "]), new("parentId", false, [.. Slug.Where(s => s != ""), "missing-topic", "new-topic"])]),
            new(HttpMethod.Post, "/api/sources", Body("""{"title":"T","text":"Some new text.","outlet":"O","url":"https://example.org/a","publishedOn":"2025-01-01","language":"en"}"""),
                [new("title", true, Text), new("text", true, [Control, Lone, "  "]), new("outlet", false, [Control, Lone, "  "]),
                 new("url", false, ["javascript:alert(1)", "ftp://x/y", "not a url", Control]), new("publishedOn", false, Date), new("language", false, ["english!", "e", Control])]),
            new(HttpMethod.Post, "/api/statements", Body($$"""{"actorId":"lin-jian","sourceId":"{{source}}","quote":{{JsonValue.Create(quote).ToJsonString()}},"span":{"start":0,"end":12},"quoteKind":"direct","saidOn":"2025-12-24","occasion":"o","topics":["cpec"],"language":"en","coSpeakers":["wang-yi"]}"""),
                [new("actorId", true, Slug), new("sourceId", true, ["src-0000", "", Control, "'; --"]), new("quote", true, [Control, Lone, "  ", Long, "different words"]),
                 new("quoteKind", true, ["whispered", "", Control]), new("saidOn", true, Date), new("occasion", false, [Control, Lone, "  "]),
                 new("language", false, ["english!", Control]), new("topics", false, []), new("coSpeakers", false, [])]),
            new(HttpMethod.Post, $"/api/statements/{id}/verify", Body("""{"method":"transcript-recheck","note":"n"}"""),
                [new("method", true, Text), new("note", false, [Control, Lone, "  "])]),
            new(HttpMethod.Post, $"/api/statements/{id}/amend", Body("""{"reason":"r","occasion":"another occasion"}"""),
                [new("reason", true, Text), new("occasion", false, [Control, Lone, "  "])]),
            new(HttpMethod.Post, $"/api/statements/{id}/dispute", Body("""{"reason":"disputed here"}"""), [new("reason", true, Text)]),
            new(HttpMethod.Post, $"/api/statements/{id}/retract", Body("""{"reason":"retracted here"}"""), [new("reason", true, Text)]),
            new(HttpMethod.Post, $"/api/statements/{id}/links", Body($$"""{"targetId":"{{other}}","relation":"clarifies"}"""),
                [new("targetId", true, ["st-zz", "st-00000000000000000000", id, "", Control]), new("relation", true, ["agrees", "", Control])]),
            new(HttpMethod.Post, "/api/topics/agriculture/statements", Body($$"""{"statementId":"{{id}}"}"""),
                [new("statementId", true, ["st-zz", "st-00000000000000000000", "", Control])]),
            new(HttpMethod.Delete, $"/api/topics/cpec/statements/{id}", Body("""{"reason":"wrong topic"}"""), [new("reason", true, Text)]),
            new(HttpMethod.Post, $"/api/statements/{id}/reinstate", Body("""{"reason":"reinstated here"}"""), [new("reason", true, Text)]),
            new(HttpMethod.Delete, $"/api/statements/{id}/links/{other}", Body("""{"reason":"unlinked here","relation":"clarifies"}"""),
                [new("reason", true, Text), new("relation", false, ["agrees", "", Control])]),
            new(HttpMethod.Post, "/api/actors/lin-jian/roles", Body("""{"role":"envoy","organisation":"MFA","from":"2024-01-01","to":"2024-12-31"}"""),
                [new("role", true, Text), new("organisation", true, Text), new("from", true, Date), new("to", false, ["0999-12-31", "yesterday", "2025-13-40", "", "2023-12-31"])]),
            new(HttpMethod.Post, "/api/actors/lin-jian/aliases", Body("""{"alias":"A new alias"}"""), [new("alias", true, Text)]),
            new(HttpMethod.Post, "/api/topics/cpec/rename", Body("""{"title":"A new title"}"""), [new("title", true, Text)]),
            new(HttpMethod.Post, "/api/topics/cpec/merge", Body("""{"into":"agriculture","reason":"the same subject"}"""),
                [new("into", true, [.. Slug, "cpec", "missing-topic"]), new("reason", true, Text)]),
            new(HttpMethod.Post, $"/api/sources/{source}/corrections", Body("""{"reason":"r","title":"T2","outlet":"O2","url":"https://example.org/b","publishedOn":"2025-01-02","language":"fr"}"""),
                [new("reason", true, Text), new("title", false, Text), new("outlet", false, [Control, Lone, "  "]),
                 new("url", false, ["javascript:alert(1)", "ftp://x/y", "not a url", Control]), new("publishedOn", false, Date), new("language", false, ["english!", "e", Control])]),
            new(HttpMethod.Post, $"/api/sources/{source}/locate", Body($$"""{"quote":{{JsonValue.Create(quote).ToJsonString()}}}"""), [new("quote", true, Text)]),
        ];
    }

    /// <summary>Every invalid variant of an endpoint's valid body: wrong types, missing, null and invalid values, broken JSON.</summary>
    private static IEnumerable<(string What, string Body)> Variants(Endpoint endpoint)
    {
        string With(string field, JsonNode? value)
        {
            var body = endpoint.Body.DeepClone().AsObject();
            body[field] = value;
            return body.ToJsonString();
        }
        foreach (var field in endpoint.Fields)
        {
            var current = endpoint.Body[field.Name];
            var wrongTypes = current is JsonArray
                ? new JsonNode?[] { JsonValue.Create(1), JsonValue.Create("cpec"), new JsonObject(), new JsonArray(JsonValue.Create(1)), new JsonArray(JsonValue.Create("")),
                    // aliases are free text; topics and co-speakers are ids
                    new JsonArray(JsonValue.Create(field.Name == "aliases" ? Control : "Not A Slug")) }
                : [JsonValue.Create(123), JsonValue.Create(true), new JsonArray(JsonValue.Create("x")), new JsonObject { ["a"] = 1 }];
            foreach (var wrong in wrongTypes) yield return ($"{field.Name} = {wrong?.ToJsonString()}", With(field.Name, wrong));
            foreach (var invalid in field.Invalid) yield return ($"{field.Name} = {Shorten(invalid)}", With(field.Name, JsonValue.Create(invalid)));
            if (!field.Required) continue;
            yield return ($"{field.Name} null", With(field.Name, null));
            var without = endpoint.Body.DeepClone().AsObject();
            without.Remove(field.Name);
            yield return ($"{field.Name} missing", without.ToJsonString());
        }
        if (endpoint.Body["span"] is not null)
        {
            foreach (var span in new[] { """{"start":-1,"end":5}""", """{"start":5,"end":5}""", """{"start":9,"end":2}""", """{"start":0,"end":99999999}""",
                         """{"start":0,"end":2147483648}""", """{"start":"0","end":5}""", """{"start":0}""", """{"end":5}""", "{}", """[0,5]""" })
                yield return ($"span = {span}", With("span", JsonNode.Parse(span)));
        }
        var json = endpoint.Body.ToJsonString();
        yield return ("extra field", json.TrimEnd('}') + ",\"admin\":true}");
        var firstMember = json.IndexOf(',') is > 0 and var comma ? json[1..comma] : json[1..^1];
        yield return ("duplicate key", "{" + firstMember + "," + json[1..]);
        yield return ("truncated", json[..(json.Length / 2)]);
        yield return ("empty", "");
        yield return ("null body", "null");
        yield return ("array body", "[" + json + "]");
        yield return ("string body", "\"" + json.Replace("\"", "'") + "\"");
        yield return ("deep nesting", new string('[', 5000) + new string(']', 5000));
        yield return ("comment", "/* x */" + json);
        yield return ("trailing garbage", json + "x");
        yield return ("number body", "42");
        yield return ("single quotes", json.Replace('"', '\''));
        yield return ("bad escape", json.TrimEnd('}') + ",\"x\":\"\\uZZZZ\"}");
        yield return ("NaN", json.TrimEnd('}') + ",\"x\":NaN}");
        yield return ("huge number", json.TrimEnd('}') + ",\"x\":1e999}");
        yield return ("object inside object", "{\"body\":" + json + "}");
    }

    private static string Shorten(string value) => value.Length > 30 ? value[..30] + $"… ({value.Length} chars)" : value;

    [Fact]
    public async Task Battery_GeneratedInvalidRequestsOnEveryWriteEndpoint_Answer4xxProblemsAndChangeNothing()
    {
        var endpoints = await Endpoints();
        var before = await Factory.EventCount();
        var failures = new List<string>();
        var sent = 0;

        foreach (var endpoint in endpoints)
        {
            foreach (var (what, body) in Variants(endpoint))
            {
                sent++;
                failures.AddRange(await Send(endpoint.Method, endpoint.Path, Encoding.UTF8.GetBytes(body.Replace(Lone, "\\ud800x")), "application/json", what));
            }
            // bytes that are not UTF-8, and a body that is not JSON at all
            failures.AddRange(await Send(endpoint.Method, endpoint.Path, [0x7B, 0x22, 0x69, 0x64, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D], "application/json", "invalid UTF-8"));
            failures.AddRange(await Send(endpoint.Method, endpoint.Path, "id=x"u8.ToArray(), "application/x-www-form-urlencoded", "form body"));
            sent += 2;
        }
        foreach (var path in new[] { "/api/statements/%27%3B--/verify", "/api/statements/st-00000000000000000000/retract", "/api/statements/ST-X/amend", "/api/topics/NOT%20A%20SLUG/statements" })
        {
            sent++;
            failures.AddRange(await Send(HttpMethod.Post, path, """{"reason":"r","method":"m","statementId":"st-00000000000000000000"}"""u8.ToArray(), "application/json", "path"));
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} answered wrongly:\n" + string.Join("\n", failures.Take(30)));
        Assert.True(sent >= 500, $"only {sent} requests generated");
        Assert.Equal(before, await Factory.EventCount());
        Assert.True((await Client.GetAsync("/health")).IsSuccessStatusCode);
    }

    private async Task<IEnumerable<string>> Send(HttpMethod method, string path, byte[] body, string contentType, string what)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        using var response = await Client.SendAsync(request);
        var status = (int)response.StatusCode;
        var type = response.Content.Headers.ContentType?.MediaType;
        if (status is >= 400 and < 500 && type == "application/problem+json") return [];
        return [$"{method} {path} [{what}] → {status} {type} {Shorten(await response.Content.ReadAsStringAsync())}"];
    }
}
