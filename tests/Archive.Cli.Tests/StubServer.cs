using System.Net;
using System.Text;

namespace Archive.Cli.Tests;

/// <summary>Stands in for the archive's HTTP API: answers every request with one canned response and keeps the requests.</summary>
internal sealed class StubServer(HttpStatusCode status, string body, string contentType = "application/json") : HttpMessageHandler
{
    public List<HttpRequestMessage> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(new HttpResponseMessage(status)
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
            RequestMessage = request,
        });
    }
}
