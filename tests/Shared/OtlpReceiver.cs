using System.Collections.Concurrent;
using System.Net;

namespace Archive.Testing;

/// <summary>A minimal OTLP/HTTP receiver: keeps each request body by path and answers 200 with an empty body.</summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<byte[]>> _received = new();

    public OtlpReceiver()
    {
        Endpoint = $"http://127.0.0.1:{TestDatabase.FreePort()}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _ = Task.Run(Serve);
    }

    public string Endpoint { get; }

    public IReadOnlyList<byte[]> Received(string path) => _received.TryGetValue(path, out var queue) ? queue.ToArray() : [];

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _received.GetOrAdd(context.Request.Url!.AbsolutePath, _ => new()).Enqueue(body.ToArray());
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
