using System.Diagnostics;
using System.Net.Http.Json;
using Archive.Benchmarks.Http;
using Archive.Benchmarks.Payloads;

namespace Archive.Benchmarks.Soak;

/// <summary>
/// The soak's writers and readers at fixed rates. Writers record new statements of randomly chosen actors (most
/// writes), and verify or amend statements recorded earlier; readers search, read timelines and single statements.
/// Requests are started on a schedule rather than by a fixed set of looping clients, so a slow answer delays nothing
/// else and shows up as latency, not as a lower rate (up to a cap of requests in flight).
/// </summary>
public sealed class Workload(SoakOptions options, Corpus corpus, SoakApi api, Recorder recorder) : IDisposable
{
    private const int MaxInFlight = 64;
    private readonly HttpClient _writer = api.Client(api.ArchivistKey, MaxInFlight);
    private readonly HttpClient _reader = api.Client(api.ReaderKey, MaxInFlight);
    private readonly string[] _actors = Enumerable.Range(0, options.Actors).Select(a => $"soak-{a:0000}").ToArray();
    private readonly int[] _next = new int[options.Actors];
    private readonly List<string> _recorded = [];
    private long _started;

    public IReadOnlyList<string> Actors => _actors;

    /// <summary>Registers the corpus' sources and the actors; failures here stop the run before it measures anything.</summary>
    public async Task Prepare(CancellationToken ct)
    {
        foreach (var chunk in corpus.Sources.Chunk(8))
            await Task.WhenAll(chunk.Select(s => Must(_writer.PostAsJsonAsync("/api/sources", Corpus.RegisterBody(s), ApiClient.Json, ct), $"source {s.Id}")));
        foreach (var chunk in _actors.Chunk(16))
            await Task.WhenAll(chunk.Select(a => Must(_writer.PostAsJsonAsync("/api/actors",
                new { id = a, name = $"Soak speaker {a}", kind = "person", country = "PK" }, ApiClient.Json, ct), $"actor {a}")));
    }

    private static async Task Must(Task<HttpResponseMessage> call, string what)
    {
        using var response = await call;
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"preparing {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Writes and reads at their rates until <paramref name="ct"/> is cancelled, then waits for the requests in flight.</summary>
    public Task Run(CancellationToken ct) => Task.WhenAll(
        Pace(options.WritesPerSecond, n => Write(new Random(unchecked((int)n * 7919))), ct),
        Pace(options.ReadsPerSecond, n => Read(new Random(unchecked((int)n * 104729))), ct));

    private async Task Pace(double perSecond, Func<long, Task> operation, CancellationToken ct)
    {
        using var gate = new SemaphoreSlim(MaxInFlight);
        var clock = Stopwatch.StartNew();
        for (long n = 0; !ct.IsCancellationRequested; n++)
        {
            var wait = TimeSpan.FromSeconds(n / perSecond) - clock.Elapsed;
            try
            {
                if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
                await gate.WaitAsync(ct);
            }
            catch (OperationCanceledException) { break; }
            var number = n;
            _ = Task.Run(async () =>
            {
                try { await operation(number); }
                catch (Exception e) { recorder.ClientError(e); }
                finally { gate.Release(); }
            }, CancellationToken.None);
        }
        for (var i = 0; i < MaxInFlight; i++) await gate.WaitAsync(CancellationToken.None);
    }

    private Task Write(Random random)
    {
        var roll = random.NextDouble();
        string? earlier;
        lock (_recorded) earlier = _recorded.Count == 0 ? null : _recorded[random.Next(_recorded.Count)];
        var number = Interlocked.Increment(ref _started);
        // Verifications and amendments carry the request's number, so none of them is an idempotent no-op.
        if (earlier is not null && roll < 0.12)
            return Send("verify", _writer, HttpMethod.Post, $"/api/statements/{earlier}/verify", new { method = "transcript check", note = $"soak verification {number}" });
        if (earlier is not null && roll < 0.20)
            return Send("amend", _writer, HttpMethod.Post, $"/api/statements/{earlier}/amend", new { reason = "occasion corrected", occasion = $"soak briefing {number}" });
        var actor = random.Next(_actors.Length);
        var command = corpus.Statement(_actors[actor], Interlocked.Increment(ref _next[actor]) - 1);
        return Send("record", _writer, HttpMethod.Post, "/api/statements", ApiClient.StatementBody(command), expected: 201,
            onSuccess: () => { lock (_recorded) _recorded.Add(command.StatementId!); });
    }

    private Task Read(Random random)
    {
        var roll = random.NextDouble();
        string? earlier;
        lock (_recorded) earlier = _recorded.Count == 0 ? null : _recorded[random.Next(_recorded.Count)];
        if (roll < 0.5)
        {
            var words = Corpus.SearchWords[random.Next(Corpus.SearchWords.Length)];
            return Send("search", _reader, HttpMethod.Get, $"/api/statements?q={Uri.EscapeDataString(words)}&limit=20");
        }
        if (roll < 0.85 || earlier is null)
            return Send("timeline", _reader, HttpMethod.Get, $"/api/actors/{_actors[random.Next(_actors.Length)]}/timeline?limit=50");
        return Send("statement", _reader, HttpMethod.Get, $"/api/statements/{earlier}");
    }

    private async Task Send(string operation, HttpClient http, HttpMethod method, string path, object? body = null, int expected = 200, Action? onSuccess = null)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: ApiClient.Json) };
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var status = (int)response.StatusCode;
            var ok = status == expected;
            recorder.Add(new Outcome(operation, ms, status, ok));
            if (ok) onSuccess?.Invoke();
            else recorder.Fail($"{operation} {method} {path}: {status} {text}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            recorder.Add(new Outcome(operation, Stopwatch.GetElapsedTime(started).TotalMilliseconds, 0, false));
            recorder.Fail($"{operation} {method} {path}: no answer ({e.GetType().Name}: {e.Message})");
        }
    }

    public void Dispose()
    {
        _writer.Dispose();
        _reader.Dispose();
    }
}
