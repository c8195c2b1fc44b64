using System.Net;
using System.Text;

namespace Archive.Cli.Tests;

/// <summary>
/// Stands in for the archive's HTTP API with one canned answer per "METHOD /path" (query left out), 404 for anything else, and
/// keeps every request with its body, so a test can see exactly what the command line sent.
/// </summary>
internal sealed class RoutedStub : HttpMessageHandler
{
    private readonly Dictionary<string, (HttpStatusCode Status, string Body)> _routes = new(StringComparer.Ordinal);

    public List<(string Route, string Query, string? Body)> Requests { get; } = [];

    public RoutedStub On(string route, HttpStatusCode status, string body)
    {
        _routes[route] = (status, body);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var route = $"{request.Method} {request.RequestUri!.AbsolutePath}";
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((route, request.RequestUri.Query, body));
        var (status, answer) = _routes.TryGetValue(route, out var found)
            ? found
            : (HttpStatusCode.NotFound, """{"title":"Not Found","status":404}""");
        var type = (int)status >= 400 ? "application/problem+json" : "application/json";
        return new HttpResponseMessage(status) { Content = new StringContent(answer, Encoding.UTF8, type), RequestMessage = request };
    }
}
