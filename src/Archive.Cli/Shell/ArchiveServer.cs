using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;

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

    public ArchiveServer(Uri baseUrl, string? key, HttpMessageHandler? handler)
    {
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

    /// <summary>Sends a GET and returns the successful response, headers read and body not yet; the caller disposes it.</summary>
    public Task<HttpResponseMessage> Get(string pathAndQuery, CancellationToken ct) => Send(HttpMethod.Get, pathAndQuery, ct);

    /// <summary>Sends a POST with no body and returns the successful response; the caller disposes it.</summary>
    public Task<HttpResponseMessage> Post(string pathAndQuery, CancellationToken ct) => Send(HttpMethod.Post, pathAndQuery, ct);

    private async Task<HttpResponseMessage> Send(HttpMethod method, string pathAndQuery, CancellationToken ct)
    {
        var url = new Uri(Describe + pathAndQuery);
        HttpResponseMessage response;
        try
        {
            using var request = new HttpRequestMessage(method, url);
            response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException e)
        {
            throw CliException.Failure($"cannot reach the archive at {Describe}: {Reason(e)}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw CliException.Failure($"the archive at {Describe} did not answer within {AnswerTimeout.TotalMinutes:0} minutes");
        }
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            throw CliException.Failure(await Refusal(response, ct));
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
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase ?? response.StatusCode.ToString()}";
        var hint = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? " (set --key or ARCHIVE_KEY)" : "";
        string? detail = null;
        try
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            detail = Problem(text) ?? (text.Length is > 0 and <= 200 && !text.TrimStart().StartsWith('<') ? text.Trim() : null);
        }
        catch (HttpRequestException)
        {
            // the status line alone still says what happened
        }
        return $"the archive at {Describe} answered {status}{hint}" + (detail is null ? "" : $": {detail}");
    }

    /// <summary>The title, detail and field errors of a ProblemDetails body.</summary>
    private static string? Problem(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            var parts = new List<string>();
            foreach (var name in new[] { "title", "detail" })
                if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s)
                    parts.Add(s);
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                foreach (var field in errors.EnumerateObject())
                    parts.Add(field.Value.ValueKind == JsonValueKind.Array
                        ? $"{field.Name}: {string.Join(", ", field.Value.EnumerateArray().Select(e => e.ToString()))}"
                        : $"{field.Name}: {field.Value}");
            return parts.Count == 0 ? null : string.Join("; ", parts);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Reason(HttpRequestException e) =>
        e.InnerException is SocketException socket ? socket.Message : e.Message;

    public void Dispose() => _client.Dispose();
}
