using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Archive.Domain.Statements;

namespace Archive.Benchmarks.Http;

/// <summary>HTTP to the API with the bench key on every request, JSON as the API speaks it.</summary>
public sealed class ApiClient : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private readonly HttpClient _http;

    public ApiClient(ApiProcess api, int connections)
    {
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = api.Address,
            Timeout = TimeSpan.FromMinutes(5),
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", api.Key);
    }

    public async Task<(HttpStatusCode Status, JsonNode? Body)> Post(string path, object body)
    {
        using var response = await _http.PostAsJsonAsync(path, body, Json);
        return (response.StatusCode, await Read(response));
    }

    public async Task<(HttpStatusCode Status, JsonNode? Body)> Get(string path)
    {
        using var response = await _http.GetAsync(path);
        return (response.StatusCode, await Read(response));
    }

    /// <summary>
    /// A GET whose body is read to its last byte but not parsed: what the P4 reads time. Parsing it into a JSON tree
    /// is the client's work, done on the same two cores as the server, and made each timed read longer than the
    /// server's answer (a timeline page's 50 items the most).
    /// </summary>
    public async Task<HttpStatusCode> Fetch(string path)
    {
        using var response = await _http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        return response.StatusCode;
    }

    private static async Task<JsonNode?> Read(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0) return null;
        try { return JsonNode.Parse(text); }
        catch (JsonException) { return JsonValue.Create(text); }
    }

    /// <summary>The body of POST /api/statements for a command.</summary>
    public static object StatementBody(RecordStatement c) => new
    {
        actorId = c.ActorId, sourceId = c.SourceId, quote = c.Quote, span = new { start = c.Span!.Start, end = c.Span.End },
        quoteKind = c.QuoteKind, saidOn = c.SaidOn, occasion = c.Occasion, language = c.Language,
    };

    public void Dispose() => _http.Dispose();
}

/// <summary>
/// The bulk path, when the API offers it: finds POST /api/statements/batch in the OpenAPI document and wraps a batch
/// the way its request schema says (a bare array, or an object with one array property). Null when it does not exist.
/// </summary>
public sealed record BatchPath(string Path, string? Property, int MaxItems)
{
    public const string Route = "/api/statements/batch";

    public static async Task<BatchPath?> Find(ApiClient api)
    {
        var (status, document) = await api.Get("/openapi/v1.json");
        if (status != HttpStatusCode.OK || document?["paths"]?[Route]?["post"] is not { } post) return null;
        var schema = Resolve(document, post["requestBody"]?["content"]?["application/json"]?["schema"]);
        if (schema is null) return null;
        if (Type(schema) == "array") return new BatchPath(Route, null, MaxOf(schema));
        var array = schema["properties"]?.AsObject().FirstOrDefault(p => Type(Resolve(document, p.Value)) == "array");
        return array is { Key: { } name } ? new BatchPath(Route, name, MaxOf(Resolve(document, array.Value.Value)!)) : null;
    }

    public object Body(IEnumerable<object> statements)
    {
        var items = statements.ToArray();
        return Property is null ? items : new Dictionary<string, object> { [Property] = items };
    }

    private static string? Type(JsonNode? schema) => schema?["type"] switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray a => a.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t != "null"),
        _ => null,
    };

    private static int MaxOf(JsonNode schema) => schema["maxItems"]?.GetValue<int>() is { } max and > 0 ? Math.Min(max, 100) : 100;

    private static JsonNode? Resolve(JsonNode document, JsonNode? schema)
    {
        for (var depth = 0; depth < 8 && schema?["$ref"] is JsonValue reference; depth++)
        {
            var path = reference.GetValue<string>().TrimStart('#', '/').Split('/');
            schema = path.Aggregate<string, JsonNode?>(document, (node, part) => node?[part]);
        }
        return schema;
    }
}
