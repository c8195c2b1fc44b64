using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Archive.Cli.Shell;

/// <summary>
/// The archive's HTTP API as the command line sees it: every way a request can fail becomes a
/// <see cref="CliException"/> with one line that says what happened.
/// </summary>
public sealed class ArchiveServer : IDisposable
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromMinutes(10);
    private readonly HttpClient _client;
    private readonly string _base;
    private readonly WritePositions _positions;

    /// <param name="positions">Where the last write's position is remembered, so later requests wait for it (none: <see cref="WritePositions.None"/>).</param>
    public ArchiveServer(Uri baseUrl, string? key, HttpMessageHandler? handler, WritePositions? positions = null)
    {
        _positions = positions ?? WritePositions.None;
        // user info is dropped: HttpClient never sends it, and it must not appear in messages
        _base = new UriBuilder(baseUrl) { UserName = "", Password = "" }.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        _client = handler is null
            ? new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) }, disposeHandler: true)
            : new HttpClient(handler, disposeHandler: false);
        _client.Timeout = AnswerTimeout; // with ResponseHeadersRead it bounds the wait for headers, not a long download
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("archive-cli", typeof(ArchiveServer).Assembly.GetName().Version?.ToString() ?? "0"));
        if (key is not null) _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
    }

    public string Describe => _base;

    public const string MinPositionHeader = "Archive-Min-Position";

    /// <summary>The remembered position the last request carried, to explain a 503 that waited for it.</summary>
    private long? _waitedFor;

    // The file is read once and written once (on Dispose), not per request: an import makes thousands of writes.
    private (bool Loaded, long? Position, bool Changed) _lastWrite;
    private readonly Lock _gate = new();

    private long? LastWrite
    {
        get
        {
            lock (_gate)
            {
                if (!_lastWrite.Loaded) _lastWrite = (true, _positions.LastWrite(Describe), false);
                return _lastWrite.Position;
            }
        }
    }

    private void Wrote(long position)
    {
        lock (_gate)
        {
            // one command's writes may overlap (an import sends several at once): the furthest is the one to wait for
            var known = LastWrite;
            if (!_lastWrite.Changed || known is null || position > known) _lastWrite = (true, position, true);
        }
    }

    /// <summary>Sends a GET and returns the successful response, headers read and body not yet; the caller disposes it.</summary>
    public Task<HttpResponseMessage> Get(string pathAndQuery, CancellationToken ct) => Send(HttpMethod.Get, pathAndQuery, ct);

    /// <summary>Sends a POST with no body and returns the successful response; the caller disposes it.</summary>
    public Task<HttpResponseMessage> Post(string pathAndQuery, CancellationToken ct) => Send(HttpMethod.Post, pathAndQuery, ct);

    /// <summary>The outcome of one write: its status, the id and stream version it answered, and why it was refused (null when it was not).</summary>
    public sealed record Written(int Status, string? Id, long? Version, string? Refusal)
    {
        public bool Succeeded => Refusal is null;

        public bool Created => Status == (int)HttpStatusCode.Created;
    }

    /// <summary>
    /// POSTs <paramref name="body"/> as JSON. A refusal of this item (400, 404, 409, 5xx …) is returned with its reason, so a batch
    /// can go on; a refused key (401, 403) or an unreachable server ends the command.
    /// </summary>
    public async Task<Written> PostJson<T>(string path, T body, CancellationToken ct)
    {
        var reply = await Write(HttpMethod.Post, path, body, ct);
        return new Written(reply.Status, reply.Answer?["id"]?.GetValue<string>(), reply.Answer?["version"]?.GetValue<long>(), reply.Refusal);
    }

    /// <summary>
    /// The outcome of a write: its status and either the answer (<c>{ id, version, position, … }</c>) or why it was refused, as one
    /// line (<see cref="Refusal"/>) and as the archive's ProblemDetails (<see cref="Problem"/>, null when the body was not one).
    /// </summary>
    public sealed record Reply(int Status, JsonObject? Answer, string? Refusal, JsonObject? Problem)
    {
        public bool Succeeded => Refusal is null;
    }

    /// <summary>Sends <paramref name="body"/> as JSON with any method; refusals are returned as for <see cref="PostJson{T}"/>.</summary>
    public Task<Reply> Write<T>(HttpMethod method, string path, T body, CancellationToken ct) =>
        Ask(method, path, body, "{ id, version, position }",
            answer => answer["id"]?.GetValueKind() == JsonValueKind.String && answer["version"]?.GetValueKind() is null or JsonValueKind.Number, ct);

    /// <summary>
    /// Sends <paramref name="body"/> as JSON and reads a JSON object that <paramref name="valid"/> accepts (else the command ends
    /// saying the answer is not <paramref name="what"/>); refusals are returned as for <see cref="PostJson{T}"/>.
    /// </summary>
    public async Task<Reply> Ask<T>(HttpMethod method, string path, T body, string what, Func<JsonObject, bool> valid, CancellationToken ct)
    {
        using var response = await Exchange(method, path, JsonContent.Create(body, options: WriteOptions), ct);
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            try
            {
                if (await response.Content.ReadFromJsonAsync<JsonObject>(ct) is { } answer && valid(answer))
                {
                    if (answer["position"] is JsonValue at && at.TryGetValue(out long position)) Wrote(position);
                    return new Reply(status, answer, null, null);
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                // said below, in one line
            }
            catch (HttpRequestException e)
            {
                throw CliException.Failure($"the connection to the archive at {Describe} broke: {Reason(e)}");
            }
            throw CliException.Failure($"the archive at {Describe} answered something that is not {what}");
        }
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) throw CliException.Failure(await Refusal(response, ct));
        var (statusLine, detail, problem) = await Explain(response, ct);
        return new Reply(status, null, (detail is null ? statusLine : $"{statusLine}: {detail}") + WaitHint(response), problem);
    }

    private static readonly JsonSerializerOptions WriteOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private async Task<HttpResponseMessage> Send(HttpMethod method, string pathAndQuery, CancellationToken ct)
    {
        var response = await Exchange(method, pathAndQuery, null, ct);
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            throw CliException.Failure(await Refusal(response, ct));
        }
    }

    private async Task<HttpResponseMessage> Exchange(HttpMethod method, string pathAndQuery, HttpContent? content, CancellationToken ct)
    {
        var url = new Uri(Describe + pathAndQuery);
        try
        {
            using var request = new HttpRequestMessage(method, url) { Content = content };
            // An explicit minPosition in the query wins over the remembered one (the archive reads the query first).
            _waitedFor = LastWrite;
            if (_waitedFor is { } last) request.Headers.Add(MinPositionHeader, last.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException e)
        {
            throw CliException.Failure($"cannot reach the archive at {Describe}: {Reason(e)}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw CliException.Failure($"the archive at {Describe} did not answer within {AnswerTimeout.TotalMinutes:0} minutes");
        }
    }

    public async Task<T> GetJson<T>(string pathAndQuery, JsonSerializerOptions options, string what, CancellationToken ct)
    {
        using var response = await Get(pathAndQuery, ct);
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            return await JsonSerializer.DeserializeAsync<T>(body, options, ct)
                   ?? throw CliException.Failure($"the archive at {Describe} answered null, not {what}");
        }
        catch (JsonException)
        {
            throw CliException.Failure($"the archive at {Describe} answered something that is not {what}");
        }
        catch (HttpRequestException e)
        {
            throw CliException.Failure($"the connection to the archive at {Describe} broke: {Reason(e)}");
        }
    }

    private async Task<string> Refusal(HttpResponseMessage response, CancellationToken ct)
    {
        var (status, detail, _) = await Explain(response, ct);
        var hint = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => " (set --key or ARCHIVE_KEY)",
            HttpStatusCode.Forbidden => " (the key's role may not do this)",
            _ => "",
        };
        return $"the archive at {Describe} answered {status}{hint}" + (detail is null ? "" : $": {detail}") + WaitHint(response);
    }

    /// <summary>
    /// A 503 to a request that carried the remembered position: say whose position it was and how to read without it, since
    /// the person did not type it (an archive reset since that write never reaches it).
    /// </summary>
    private string WaitHint(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.ServiceUnavailable && _waitedFor is { } position
        && !(response.RequestMessage?.RequestUri?.Query.Contains("minPosition=", StringComparison.Ordinal) ?? false)
            ? $" (the request waited for position {position}, the last write from this machine to this archive, remembered in {_positions.File}; " +
              "retry shortly, or pass --min-position 0 to read without waiting)"
            : "";

    private static async Task<(string Status, string? Detail, JsonObject? Problem)> Explain(HttpResponseMessage response, CancellationToken ct)
    {
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase ?? response.StatusCode.ToString()}";
        string? detail = null;
        JsonObject? problem = null;
        try
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            (detail, problem) = Problem(text);
            detail ??= text.Length is > 0 and <= 200 && !text.TrimStart().StartsWith('<') ? text.Trim() : null;
        }
        catch (HttpRequestException)
        {
            // the status line alone still says what happened
        }
        return (status, detail, problem);
    }

    /// <summary>The title, detail and field errors of a ProblemDetails body, in one line, and the body itself.</summary>
    private static (string? Line, JsonObject? Body) Problem(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, null);
            var parts = new List<string>();
            foreach (var name in new[] { "title", "detail" })
                if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s)
                    parts.Add(s);
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                foreach (var field in errors.EnumerateObject())
                {
                    var reasons = field.Value.ValueKind == JsonValueKind.Array ? field.Value.EnumerateArray().Select(e => e.ToString()).ToArray() : [field.Value.ToString()];
                    // the archive's detail already names most fields with their reasons: say each once
                    var unsaid = reasons.Where(r => !parts.Any(p => p.Contains($"{field.Name}: {r}", StringComparison.Ordinal))).ToArray();
                    if (unsaid.Length > 0) parts.Add($"{field.Name}: {string.Join(", ", unsaid)}");
                }
            return (parts.Count == 0 ? null : string.Join("; ", parts), JsonNode.Parse(text) as JsonObject);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string Reason(HttpRequestException e) =>
        e.InnerException is SocketException socket ? socket.Message : e.Message;

    public void Dispose()
    {
        if (_lastWrite is { Changed: true, Position: { } position }) _positions.Remember(Describe, position);
        _client.Dispose();
    }
}
