using System.Collections;
using System.Diagnostics;
using Archive.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;
using Xunit;

namespace Archive.Api.Tests;

/// <summary>
/// The real host with in-memory exporters added beside its own telemetry, so tests read the spans and log records it
/// produced. Activity listeners are process-wide: spans of hosts in other test classes arrive too, so tests pick
/// theirs by trace id.
/// </summary>
public sealed class TelemetryHost : IAsyncDisposable
{
    private readonly ArchiveApiFactory _root;

    private TelemetryHost(ArchiveApiFactory root, WebApplicationFactory<Program> host, Locked<Activity> spans, Locked<LogRecord> logs)
    {
        _root = root;
        Host = host;
        Spans = spans;
        Logs = logs;
        Client = host.CreateClient();
    }

    public WebApplicationFactory<Program> Host { get; }
    public HttpClient Client { get; }
    public Locked<Activity> Spans { get; }

    /// <summary>The trace the last <see cref="RecordStatement"/> sent its statement in.</summary>
    public System.Diagnostics.ActivityTraceId LastTraceId { get; private set; }
    public Locked<LogRecord> Logs { get; }

    public static async Task<TelemetryHost> Start(IReadOnlyDictionary<string, string>? settings = null)
    {
        var schema = TestDatabase.NewSchema("o");
        await TestDatabase.Prepare(schema);
        var root = new ArchiveApiFactory(schema, settings: settings);
        var spans = new Locked<Activity>();
        var logs = new Locked<LogRecord>();
        var host = root.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
            services.ConfigureOpenTelemetryLoggerProvider(logging => logging.AddInMemoryExporter(logs));
        }));
        return new TelemetryHost(root, host, spans, logs);
    }

    /// <summary>Registers an actor and a source, records one statement, and answers the write.</summary>
    public async Task<Written> RecordStatement(string actorId)
    {
        var source = new SampleSource(1, actorId);
        Assert.Equal(201, (await Client.Post<Written>("/api/actors", new { id = actorId, name = "Lin Jian", kind = "person" })).Status);
        Assert.Equal(201, (await Client.Post<Written>("/api/sources", new { title = "Briefing", text = source.Text })).Status);
        // In a trace of the test's own: other hosts in this test process report spans to every listener too.
        LastTraceId = System.Diagnostics.ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/statements")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new
            {
                actorId, sourceId = source.Id, quote = source.Sentences[0],
                span = new { start = source.Span(0).Start, end = source.Span(0).End },
                quoteKind = "direct", saidOn = "2025-01-01",
            }),
        };
        request.Headers.Add("traceparent", $"00-{LastTraceId.ToHexString()}-{System.Diagnostics.ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await Client.SendAsync(request);
        Assert.Equal(201, (int)response.StatusCode);
        return (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<Written>(response.Content))!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _root.DisposeAsync(); // disposes the derived host too
    }
}

/// <summary>An exporter's target collection that tests may read while the host's threads add to it.</summary>
public sealed class Locked<T> : ICollection<T>
{
    private readonly List<T> _items = [];
    private readonly object _gate = new();

    public T[] Snapshot() { lock (_gate) return [.. _items]; }
    public void Add(T item) { lock (_gate) _items.Add(item); }
    public void Clear() { lock (_gate) _items.Clear(); }
    public bool Contains(T item) { lock (_gate) return _items.Contains(item); }
    public void CopyTo(T[] array, int arrayIndex) { lock (_gate) _items.CopyTo(array, arrayIndex); }
    public bool Remove(T item) { lock (_gate) return _items.Remove(item); }
    public int Count { get { lock (_gate) return _items.Count; } }
    public bool IsReadOnly => false;
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Snapshot()).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
